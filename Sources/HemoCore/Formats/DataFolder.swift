import Foundation

/// The kinds of image folder `--data` accepts.
public enum DataFolderKind: Sendable, Equatable {
  /// The RSNA ICH layout: a label CSV and `ID_*.dcm` slices.
  case rsna(csv: URL, images: URL)
  /// One subfolder per class, holding DICOM, PNG or JPEG files.
  case classFolders(URL)
}

/// Opens whatever the user points `--data` at: an RSNA folder (CSV + ID_*.dcm) or class folders.
public enum DataFolder {
  /// Tells an RSNA folder from class folders (cheaply: no file is decoded, no big listing).
  public static func detect(_ url: URL) throws(HemoError) -> DataFolderKind {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw HemoError(file: url.path, "no such folder")
    }
    guard isDirectory.boolValue else {
      throw HemoError(
        file: url.path, "is a file, not a folder",
        advice: url.pathExtension.lowercased() == "tm" ? "open .tm projects with --project" : nil)
    }
    if let (csv, images) = RSNAFolder.locate(url) { return .rsna(csv: csv, images: images) }
    return .classFolders(url)
  }
}
