import Foundation

/// Reads one input file into memory with the checks every importer needs: it exists, it is a
/// regular file (not a folder), it is not empty, it is readable, and it is not larger than a limit
/// (checked before reading a byte).
public enum DataSourceFile {
  /// The file's bytes, or a `HemoError` naming the file and what is wrong with it.
  public static func read(_ url: URL, maxBytes: Int) throws(HemoError) -> Data {
    let path = url.path
    let size = try checkedSize(url)
    guard size <= maxBytes else {
      throw HemoError(
        file: path, "file is \(formatBytes(size)), larger than the \(formatBytes(maxBytes)) limit")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw HemoError(
        file: path, "cannot be read (permission denied)", advice: "check the file's permissions")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: maxBytes + 1) ?? Data()
    } catch {
      throw HemoError(file: path, "read failed: \(error.localizedDescription)")
    }
    guard !data.isEmpty else { throw HemoError(file: path, "file is empty (0 bytes)") }
    guard data.count <= maxBytes else {
      throw HemoError(file: path, "file grew beyond the \(formatBytes(maxBytes)) limit while read")
    }
    return data
  }

  /// The size of a regular, non-empty file; throws for a missing file, a folder or 0 bytes.
  public static func checkedSize(_ url: URL) throws(HemoError) -> Int {
    let path = url.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw HemoError(file: path, "no such file")
    }
    guard !isDirectory.boolValue else {
      throw HemoError(file: path, "is a folder, not a file")
    }
    // Attributes of the file itself, following symbolic links.
    let attributes = try? FileManager.default.attributesOfItem(
      atPath: url.resolvingSymlinksInPath().path)
    if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
      throw HemoError(file: path, "is not a regular file")
    }
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    guard size > 0 else { throw HemoError(file: path, "file is empty (0 bytes)") }
    return size
  }

  /// "12.5 MB", "812 bytes".
  public static func formatBytes(_ count: Int) -> String {
    if count < 1024 { return "\(count) bytes" }
    let units = ["KB", "MB", "GB", "TB"]
    var value = Double(count) / 1024
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return String(format: value >= 100 ? "%.0f %@" : "%.1f %@", value, units[unit])
  }
}
