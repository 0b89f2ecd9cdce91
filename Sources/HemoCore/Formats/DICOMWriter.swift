import Foundation

/// Writes an HU slice as a CT Image Storage DICOM file: explicit VR little endian, 16-bit signed
/// stored values, RescaleIntercept −1024 and slope 1 (HU rounded to whole numbers), brain window.
public enum DICOMWriter {
  public static let ctImageStorage = "1.2.840.10008.5.1.4.1.1.2"
  static let implementationClassUID = "2.25.156436291620513898563440563004614523341"
  static let implementationVersion = "HEMOLAB_1"
  /// The intercept written: stored = HU + 1024.
  public static let intercept = -1024

  /// Writes `image` to `url`; refuses to replace an existing file unless `overwrite`.
  public static func write(
    _ image: HUImage, to url: URL, metadata: DICOMWriteMetadata, overwrite: Bool = false
  ) throws(HemoError) {
    let name = DICOMReader.displayName(url)
    if !overwrite && FileManager.default.fileExists(atPath: url.path) {
      throw HemoError(
        file: name, "already exists", advice: "choose another name or allow overwrite")
    }
    let data = try encode(image, metadata: metadata)
    do {
      try data.write(to: url, options: overwrite ? .atomic : .withoutOverwriting)
    } catch {
      throw HemoError(file: name, "cannot be written: \(error.localizedDescription)")
    }
  }

  /// The bytes of the DICOM file for `image`.
  public static func encode(_ image: HUImage, metadata: DICOMWriteMetadata) throws(HemoError)
    -> Data
  {
    guard image.width <= 65535, image.height <= 65535 else {
      throw HemoError("a \(image.width)×\(image.height) image is too large for DICOM (65535 max)")
    }
    let body = dataSet(image, metadata: metadata)
    var meta = DICOMEncoder()
    meta.element(0x0002_0001, "OB", [0, 1])
    meta.text(0x0002_0002, "UI", ctImageStorage)
    meta.text(0x0002_0003, "UI", metadata.sopInstanceUID)
    meta.text(0x0002_0010, "UI", DICOMTransferSyntax.explicitLittle.uid)
    meta.text(0x0002_0012, "UI", implementationClassUID)
    meta.text(0x0002_0013, "SH", implementationVersion)
    var file = DICOMEncoder()
    file.bytes = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
    file.header(0x0002_0000, "UL", length: 4)
    file.u32(UInt32(meta.bytes.count))
    file.bytes += meta.bytes
    file.bytes += body
    return Data(file.bytes)
  }

  /// Stored value for an HU value: rounded, clamped to what 16 signed bits hold (NaN → air).
  static func stored(_ hu: Float) -> Int16 {
    guard !hu.isNaN else { return Int16(-1024 - intercept) }
    let shifted = (hu.rounded() - Float(intercept))
    return Int16(min(max(shifted, -32768), 32767))
  }

  static func dataSet(_ image: HUImage, metadata: DICOMWriteMetadata) -> [UInt8] {
    let spacing =
      metadata.pixelSpacing ?? image.pixelSpacing.map { [$0.row, $0.column] } ?? [0.5, 0.5]
    let date = DICOMWriter.dateFormatter("yyyyMMdd").string(from: metadata.date)
    let time = DICOMWriter.dateFormatter("HHmmss").string(from: metadata.date)
    var set = DICOMEncoder()
    set.text(0x0008_0005, "CS", "ISO_IR 192")
    set.text(0x0008_0008, "CS", "DERIVED\\SECONDARY\\AXIAL")
    set.text(0x0008_0016, "UI", ctImageStorage)
    set.text(0x0008_0018, "UI", metadata.sopInstanceUID)
    set.text(0x0008_0020, "DA", date)
    set.text(0x0008_0023, "DA", date)
    set.text(0x0008_0030, "TM", time)
    set.text(0x0008_0033, "TM", time)
    set.text(0x0008_0050, "SH", "")
    set.text(0x0008_0060, "CS", "CT")
    set.text(0x0008_0070, "LO", "HemoLab")
    set.text(0x0008_0090, "PN", "")
    set.text(0x0008_1030, "LO", metadata.studyDescription)
    set.text(0x0008_103E, "LO", metadata.seriesDescription)
    set.text(0x0010_0010, "PN", metadata.patientName)
    set.text(0x0010_0020, "LO", metadata.patientID)
    set.text(0x0010_0030, "DA", "")
    set.text(0x0010_0040, "CS", "")
    set.text(0x0018_0050, "DS", decimal(metadata.sliceThickness))
    set.text(0x0018_0060, "DS", "")
    set.text(0x0020_000D, "UI", metadata.studyInstanceUID)
    set.text(0x0020_000E, "UI", metadata.seriesInstanceUID)
    set.text(0x0020_0010, "SH", "1")
    set.text(0x0020_0011, "IS", "\(metadata.seriesNumber)")
    set.text(0x0020_0012, "IS", "1")
    set.text(0x0020_0013, "IS", "\(metadata.instanceNumber)")
    set.text(0x0020_0032, "DS", metadata.imagePositionPatient.map(decimal).joined(separator: "\\"))
    set.text(0x0020_0037, "DS", "1\\0\\0\\0\\1\\0")
    set.text(0x0020_0052, "UI", metadata.frameOfReferenceUID)
    set.text(0x0020_1040, "LO", "")
    set.unsigned16(0x0028_0002, 1)
    set.text(0x0028_0004, "CS", "MONOCHROME2")
    set.unsigned16(0x0028_0010, UInt16(image.height))
    set.unsigned16(0x0028_0011, UInt16(image.width))
    set.text(0x0028_0030, "DS", spacing.prefix(2).map(decimal).joined(separator: "\\"))
    set.unsigned16(0x0028_0100, 16)
    set.unsigned16(0x0028_0101, 16)
    set.unsigned16(0x0028_0102, 15)
    set.unsigned16(0x0028_0103, 1)
    set.text(0x0028_1050, "DS", decimal(metadata.windowCenter))
    set.text(0x0028_1051, "DS", decimal(metadata.windowWidth))
    set.text(0x0028_1052, "DS", "\(intercept)")
    set.text(0x0028_1053, "DS", "1")
    set.text(0x0028_1054, "LO", "HU")
    var pixels = [UInt8]()
    pixels.reserveCapacity(image.pixels.count * 2)
    for hu in image.pixels {
      let value = UInt16(bitPattern: stored(hu))
      pixels.append(UInt8(value & 0xFF))
      pixels.append(UInt8(value >> 8))
    }
    set.element(0x7FE0_0010, "OW", pixels)
    return set.bytes
  }

  /// A DS value: at most 16 characters, no exponent for ordinary values.
  static func decimal(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(format: "%.10g", value)
    if text.count > 16 { text = String(format: "%.8g", value) }
    return text
  }

  static func dateFormatter(_ format: String) -> DateFormatter {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = format
    return formatter
  }
}
