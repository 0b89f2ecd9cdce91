import Foundation
import Testing

/// Locates the project's shared test data (`../shared/data` beside the package root). The data is
/// licensed for research and education only: tests read it in place and never copy it into the
/// repository. Tests that need it use `.enabled(if: SharedData.isAvailable, SharedData.skipNote)`,
/// so they show as skipped, with the reason, when the folder is absent.
public enum SharedData {
  /// The package root (the folder holding Package.swift).
  public static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  /// `../shared/data`, or `HEMOLAB_SHARED_DATA` when set.
  public static let folder: URL = {
    if let override = ProcessInfo.processInfo.environment["HEMOLAB_SHARED_DATA"] {
      return URL(fileURLWithPath: override, isDirectory: true)
    }
    return packageRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/data", isDirectory: true)
  }()

  /// True when the shared data folder exists.
  public static var isAvailable: Bool {
    FileManager.default.fileExists(atPath: folder.path)
  }

  /// The reason shown when a test is skipped for lack of the data.
  public static let skipNote: Comment =
    "skipped: ../shared/data (course .tm files, RSNA DICOMs) is absent"

  /// A file or folder inside the shared data folder, e.g. `url("rsna-ich-dicom")`.
  public static func url(_ relativePath: String) -> URL {
    folder.appendingPathComponent(relativePath)
  }

  /// The real RSNA DICOM slices, sorted by name.
  public static var rsnaDICOMFiles: [URL] {
    let folder = url("rsna-ich-dicom")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".dcm") }.sorted().map { folder.appendingPathComponent($0) }
  }
}
