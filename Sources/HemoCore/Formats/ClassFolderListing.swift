import Foundation

/// What a class-folder scan found: one class per subfolder (sorted by name), its image files,
/// and the problems met (empty files, unreadable files, folders without images).
public struct ClassFolderListing: Sendable {
  public let root: URL
  public var classNames: [String]
  /// Image files of each class, sorted by name, in class order.
  public var files: [[URL]]
  /// Files that are not images HemoLab reads (other extensions), not counted as problems.
  public var ignoredFiles: Int
  public var problems: [HemoError]

  public init(
    root: URL, classNames: [String], files: [[URL]], ignoredFiles: Int, problems: [HemoError]
  ) {
    self.root = root
    self.classNames = classNames
    self.files = files
    self.ignoredFiles = ignoredFiles
    self.problems = problems
  }

  /// Image files per class.
  public var counts: [Int] { files.map(\.count) }
}
