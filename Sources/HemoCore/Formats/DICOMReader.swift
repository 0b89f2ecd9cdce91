import Foundation

/// Reads uncompressed monochrome DICOM slices (PS3.5) into Hounsfield units.
///
/// Handles files with or without preamble and file meta; implicit VR little endian, explicit VR
/// little and big endian, deflated explicit VR little endian; defined and undefined lengths and
/// nested sequences; 8- and 16-bit, signed or unsigned, masked to BitsStored; MONOCHROME1
/// inversion; rescale slope and intercept; the RSNA 12-bit wrap quirk. Compressed and colour
/// images are refused with a clear error. Every size is bounded before allocating.
public enum DICOMReader {
  /// Largest file read from disk.
  public static let maxFileBytes = 512 << 20
  /// Largest Rows or Columns accepted.
  public static let maxDimension = 8192

  /// Reads and decodes one slice; errors name `url` as given.
  public static func read(_ url: URL) throws(HemoError) -> DICOMImage {
    let name = displayName(url)
    return try read(loadBytes(url), file: name)
  }

  /// Decodes one slice from bytes; `file` names the source in errors.
  public static func read(_ data: Data, file: String) throws(HemoError) -> DICOMImage {
    let header = try DICOMHeader.parse([UInt8](data), file: file)
    let layout = try DICOMPixelLayout(header: header, file: file)
    return DICOMImage(hu: layout.decode(header.dataSet), info: layout.info)
  }

  /// Reads what the file says about its image without decoding the pixels (the checks that
  /// `read` makes on the header still apply).
  public static func readInfo(_ url: URL) throws(HemoError) -> DICOMInfo {
    try readInfo(loadBytes(url), file: displayName(url))
  }

  /// Reads the header of DICOM bytes; `file` names the source in errors.
  public static func readInfo(_ data: Data, file: String) throws(HemoError) -> DICOMInfo {
    let header = try DICOMHeader.parse([UInt8](data), file: file)
    return try DICOMPixelLayout(header: header, file: file).info
  }

  /// True when the bytes start like a DICOM file (preamble + `DICM`, or a recognisable data set).
  public static func looksLikeDICOM(_ data: Data) -> Bool {
    let bytes = [UInt8](data.prefix(256))
    if bytes.count >= 132 && bytes[128..<132].elementsEqual("DICM".utf8) { return true }
    if bytes.starts(with: "DICM".utf8) { return true }
    return DICOMHeader.sniff(bytes, at: 0) != nil
  }

  /// The bytes of a file, refused with a clear error when it is missing, a folder, unreadable,
  /// or larger than `limit`.
  public static func loadBytes(_ url: URL, limit: Int = maxFileBytes) throws(HemoError) -> Data {
    let name = displayName(url)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      throw HemoError(file: name, "no such file")
    }
    guard !isFolder.boolValue else {
      throw HemoError(file: name, "is a folder, not a file", advice: "give the path of one image")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    if let size = (attributes?[.size] as? NSNumber)?.intValue, size > limit {
      throw HemoError(
        file: name,
        "is \(size >> 20) MB, more than the \(limit >> 20) MB HemoLab reads as one image")
    }
    guard FileManager.default.isReadableFile(atPath: url.path) else {
      throw HemoError(file: name, "permission denied: the file cannot be read")
    }
    do {
      let data = try Data(contentsOf: url, options: .mappedIfSafe)
      guard data.count <= limit else {
        throw HemoError(file: name, "is larger than the \(limit >> 20) MB HemoLab reads")
      }
      return data
    } catch let error as HemoError {
      throw error
    } catch {
      throw HemoError(file: name, "cannot be read: \(error.localizedDescription)")
    }
  }

  /// The path as the user gave it (relative paths stay relative).
  static func displayName(_ url: URL) -> String {
    url.isFileURL ? url.relativePath : url.absoluteString
  }
}
