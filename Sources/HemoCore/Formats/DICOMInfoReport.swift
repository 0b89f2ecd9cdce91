import Foundation

/// What `hemolab info` says about an image file: a DICOM slice (header and HU statistics) or a
/// PNG/JPEG picture (size and channels). Text for people, JSON for programs.
public struct DICOMInfoReport: Sendable, Codable {
  /// "DICOM", "PNG" or "JPEG".
  public var format: String
  /// The file as named by the user.
  public var file: String
  public var width: Int
  public var height: Int
  /// 1 for DICOM and grey pictures, 3 for RGB.
  public var channels: Int
  /// The DICOM header, for DICOM files.
  public var dicom: DICOMInfo?
  /// Statistics of the decoded HU values, for DICOM files.
  public var hu: HUStatistics?

  /// Reads and describes `url`; returns the report and, for DICOM, the decoded slice.
  public static func describe(_ url: URL) throws(HemoError) -> (DICOMInfoReport, HUImage?) {
    let name = DICOMReader.displayName(url)
    let data = try DICOMReader.loadBytes(url)
    let kind = FileKind.sniff(data)
    if let refusal = kind.refusal(command: "info", file: name) { throw refusal }
    if kind == .png || kind == .jpeg {
      let picture = try ImageCodec.decodePicture(data, file: name)
      let format = kind == .jpeg ? "JPEG" : "PNG"
      let report = DICOMInfoReport(
        format: format, file: name, width: picture.width, height: picture.height,
        channels: picture.channels)
      return (report, nil)
    }
    let image = try DICOMReader.read(data, file: name)
    let report = DICOMInfoReport(
      format: "DICOM", file: name, width: image.hu.width, height: image.hu.height, channels: 1,
      dicom: image.info, hu: image.hu.statistics)
    return (report, image.hu)
  }

  /// Writes HU values as raw little-endian float32, row-major; refuses to replace a file unless
  /// `overwrite`.
  public static func dumpHU(_ image: HUImage, to url: URL, overwrite: Bool) throws(HemoError) {
    let name = DICOMReader.displayName(url)
    if !overwrite && FileManager.default.fileExists(atPath: url.path) {
      throw HemoError(file: name, "already exists", advice: "choose another name or add --force")
    }
    var bytes = [UInt8]()
    bytes.reserveCapacity(image.pixels.count * 4)
    for value in image.pixels {
      let bits = value.bitPattern
      bytes += [
        UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24),
      ]
    }
    do {
      try Data(bytes).write(to: url, options: overwrite ? .atomic : .withoutOverwriting)
    } catch {
      throw HemoError(file: name, "cannot be written: \(error.localizedDescription)")
    }
  }

  static let sopClassNames: [String: String] = [
    "1.2.840.10008.5.1.4.1.1.2": "CT Image Storage",
    "1.2.840.10008.5.1.4.1.1.2.1": "Enhanced CT Image Storage",
    "1.2.840.10008.5.1.4.1.1.4": "MR Image Storage",
    "1.2.840.10008.5.1.4.1.1.7": "Secondary Capture Image Storage",
    "1.2.840.10008.5.1.4.1.1.1": "Computed Radiography Image Storage",
    "1.2.840.10008.5.1.4.1.1.1.1": "Digital X-Ray Image Storage",
  ]

  /// Aligned `label  value` lines.
  public var text: String {
    var lines = [(String, String)]()
    guard let info = dicom else {
      lines.append(("format", format))
      lines.append(("size", "\(width) × \(height) pixels"))
      lines.append(("channels", channels == 1 ? "1 (grey)" : "\(channels) (RGB)"))
      return Self.layout(file, lines)
    }
    let sopClass = info.sopClassUID.map { Self.sopClassNames[$0] ?? $0 }
    lines.append(("format", sopClass.map { "DICOM, \($0)" } ?? "DICOM"))
    if let modality = info.modality, !modality.isEmpty { lines.append(("modality", modality)) }
    lines.append(
      (
        "transfer syntax",
        "\(info.transferSyntaxName) (\(info.transferSyntaxUID))"
          + (info.transferSyntaxInferred ? ", inferred: no file meta" : "")
      ))
    let frames = info.numberOfFrames == 1 ? "" : ", \(info.numberOfFrames) frames (first shown)"
    lines.append(("size", "\(info.columns) × \(info.rows) pixels\(frames)"))
    lines.append(
      (
        "bits",
        "\(info.bitsAllocated) allocated, \(info.bitsStored) stored, high bit \(info.highBit), "
          + (info.isSigned ? "signed" : "unsigned")
      ))
    lines.append(
      ("photometric", info.photometricInterpretation + (info.isInverted ? " (inverted)" : "")))
    var rescale =
      "slope \(Self.number(info.rescaleSlope)), intercept \(Self.number(info.rescaleIntercept))"
    if info.rsnaWrapCorrected {
      rescale += "; RSNA 12-bit wrap corrected, intercept -1000 applied"
    }
    lines.append(("rescale", rescale))
    if !info.windowCenters.isEmpty || !info.windowWidths.isEmpty {
      let centres = info.windowCenters.map(Self.number).joined(separator: " \\ ")
      let widths = info.windowWidths.map(Self.number).joined(separator: " \\ ")
      lines.append(("window", "centre \(centres), width \(widths)"))
    }
    if let spacing = info.pixelSpacing {
      lines.append(("pixel spacing", "\(Self.number(spacing[0])) × \(Self.number(spacing[1])) mm"))
    }
    if let thickness = info.sliceThickness {
      lines.append(("slice thickness", "\(Self.number(thickness)) mm"))
    }
    if let position = info.imagePositionPatient {
      lines.append(("position", position.map(Self.number).joined(separator: ", ") + " mm"))
    }
    if let padding = info.pixelPaddingValue { lines.append(("padding value", "\(padding)")) }
    if let series = info.seriesInstanceUID { lines.append(("series UID", series)) }
    if let instance = info.sopInstanceUID { lines.append(("instance UID", instance)) }
    lines.append(
      ("elements", "\(info.elementCount) (\(info.privateElementCount) private, skipped)"))
    if let hu {
      lines.append(
        (
          "HU",
          "min \(Self.number(Double(hu.min))), max \(Self.number(Double(hu.max))), "
            + "mean \(String(format: "%.1f", hu.mean)), SD \(String(format: "%.1f", hu.standardDeviation))"
        ))
    }
    return Self.layout(file, lines)
  }

  static func layout(_ title: String, _ lines: [(String, String)]) -> String {
    let width = lines.map(\.0.count).max() ?? 0
    let body = lines.map { label, value in
      "  " + label + String(repeating: " ", count: width - label.count + 2) + value
    }
    return ([title] + body).joined(separator: "\n")
  }

  /// Whole numbers without a decimal point, others with up to 6 significant digits.
  static func number(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e12 { return String(Int64(value)) }
    return String(format: "%.6g", value)
  }

  /// Pretty, key-sorted JSON.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}
