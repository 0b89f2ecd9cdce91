/// A DICOM transfer syntax: how the data set after the file meta is encoded (PS3.5 section 10).
public struct DICOMTransferSyntax: Sendable, Equatable, Codable {
  /// The UID, e.g. `1.2.840.10008.1.2.1`.
  public let uid: String
  /// The standard name, e.g. "Explicit VR Little Endian"; the UID itself when unknown.
  public let name: String
  /// Elements carry their VR in the stream.
  public let explicitVR: Bool
  /// Numbers are little endian.
  public let littleEndian: Bool
  /// The data set after the file meta is a raw DEFLATE stream.
  public let deflated: Bool
  /// HemoLab can decode the pixel data (native, uncompressed).
  public let isSupported: Bool

  static let implicitLittle = DICOMTransferSyntax(
    uid: "1.2.840.10008.1.2", name: "Implicit VR Little Endian", explicitVR: false,
    littleEndian: true, deflated: false, isSupported: true)
  static let explicitLittle = DICOMTransferSyntax(
    uid: "1.2.840.10008.1.2.1", name: "Explicit VR Little Endian", explicitVR: true,
    littleEndian: true, deflated: false, isSupported: true)
  static let deflatedExplicitLittle = DICOMTransferSyntax(
    uid: "1.2.840.10008.1.2.1.99", name: "Deflated Explicit VR Little Endian", explicitVR: true,
    littleEndian: true, deflated: true, isSupported: true)
  static let explicitBig = DICOMTransferSyntax(
    uid: "1.2.840.10008.1.2.2", name: "Explicit VR Big Endian", explicitVR: true,
    littleEndian: false, deflated: false, isSupported: true)

  /// Encapsulated (compressed) syntaxes HemoLab recognises by name but does not decode.
  static let encapsulatedNames: [String: String] = [
    "1.2.840.10008.1.2.1.98": "Encapsulated Uncompressed Explicit VR Little Endian",
    "1.2.840.10008.1.2.4.50": "JPEG Baseline (Process 1)",
    "1.2.840.10008.1.2.4.51": "JPEG Extended (Process 2 & 4)",
    "1.2.840.10008.1.2.4.57": "JPEG Lossless, Non-Hierarchical (Process 14)",
    "1.2.840.10008.1.2.4.70": "JPEG Lossless, First-Order Prediction (Process 14 SV1)",
    "1.2.840.10008.1.2.4.80": "JPEG-LS Lossless Image Compression",
    "1.2.840.10008.1.2.4.81": "JPEG-LS Lossy (Near-Lossless) Image Compression",
    "1.2.840.10008.1.2.4.90": "JPEG 2000 Image Compression (Lossless Only)",
    "1.2.840.10008.1.2.4.91": "JPEG 2000 Image Compression",
    "1.2.840.10008.1.2.4.92": "JPEG 2000 Part 2 Multi-component (Lossless Only)",
    "1.2.840.10008.1.2.4.93": "JPEG 2000 Part 2 Multi-component",
    "1.2.840.10008.1.2.4.94": "JPIP Referenced",
    "1.2.840.10008.1.2.4.100": "MPEG2 Main Profile / Main Level",
    "1.2.840.10008.1.2.4.102": "MPEG-4 AVC/H.264 High Profile",
    "1.2.840.10008.1.2.4.201": "High-Throughput JPEG 2000 (Lossless Only)",
    "1.2.840.10008.1.2.4.202": "High-Throughput JPEG 2000 with RPCL (Lossless Only)",
    "1.2.840.10008.1.2.4.203": "High-Throughput JPEG 2000",
    "1.2.840.10008.1.2.5": "RLE Lossless",
  ]

  /// The syntax for a UID read from the file meta (trailing NULs and spaces already trimmed).
  /// Unknown and compressed syntaxes are treated as explicit VR little endian for parsing the
  /// header, and marked unsupported for the pixels.
  static func forUID(_ uid: String) -> DICOMTransferSyntax {
    for known in [implicitLittle, explicitLittle, deflatedExplicitLittle, explicitBig]
    where known.uid == uid {
      return known
    }
    return DICOMTransferSyntax(
      uid: uid, name: encapsulatedNames[uid] ?? "unknown transfer syntax \(uid)",
      explicitVR: true, littleEndian: true, deflated: false, isSupported: false)
  }
}
