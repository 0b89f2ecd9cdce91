/// A problem HemoLab can explain in one line: which file (if any), what is wrong, what to do.
///
/// Every bad input becomes one of these, never a crash; the command line prints `description`
/// and exits non-zero.
public struct HemoError: Error, Sendable, CustomStringConvertible, Equatable {
  /// The file or folder concerned, as the user named it.
  public var file: String?
  /// What is wrong, in plain words.
  public var problem: String
  /// What the user can do about it, when there is something to say.
  public var advice: String?

  public init(file: String? = nil, _ problem: String, advice: String? = nil) {
    self.file = file
    self.problem = problem
    self.advice = advice
  }

  public var description: String {
    var line = file.map { "\($0): \(problem)" } ?? problem
    if let advice { line += " (\(advice))" }
    return line
  }
}
