import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file all at once: to a temporary name in the same folder, then moved into place, so
/// readers never see half a file. Without `overwrite`, an existing file is never replaced (the
/// final step is a hard link, which fails if the name is taken).
enum DataSourceAtomicWrite {
  static func write(_ data: Data, to url: URL, overwrite: Bool) throws(HemoError) {
    try write(to: url, overwrite: overwrite) { temporary throws(HemoError) in
      do {
        try data.write(to: temporary, options: .withoutOverwriting)
      } catch {
        throw HemoError(file: url.path, "cannot write here (\(error.localizedDescription))")
      }
    }
  }

  /// Lets `produce` write the new file at a temporary URL (which does not exist yet), then moves it
  /// into place.
  static func write(
    to url: URL, overwrite: Bool, produce: (URL) throws(HemoError) -> Void
  ) throws(HemoError) {
    let path = url.path
    let folder = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw HemoError(file: path, "the folder \(folder) does not exist")
    }
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    defer { unlink(temporary.path) }
    try produce(temporary)
    if overwrite {
      guard rename(temporary.path, path) == 0 else {
        throw HemoError(file: path, "cannot replace the file (\(String(cString: strerror(errno))))")
      }
    } else {
      if link(temporary.path, path) != 0 {
        let linkError = errno
        guard linkError != EEXIST else {
          throw HemoError(file: path, "not written: already exists")
        }
        // File systems without hard links: check, then rename (a small race, no clobbering).
        guard !FileManager.default.fileExists(atPath: path), rename(temporary.path, path) == 0
        else {
          throw HemoError(file: path, "not written: \(String(cString: strerror(linkError)))")
        }
      }
    }
  }
}
