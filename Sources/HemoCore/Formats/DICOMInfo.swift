/// What a DICOM file says about its image: encoding, geometry, pixel format, rescale, windows and
/// identifiers, as read from the file (before any correction, except where noted).
public struct DICOMInfo: Sendable, Equatable, Codable {
  /// Transfer syntax UID, e.g. `1.2.840.10008.1.2.1`.
  public var transferSyntaxUID: String
  /// Transfer syntax name, e.g. "Explicit VR Little Endian".
  public var transferSyntaxName: String
  /// True when the transfer syntax was guessed from the data (no file meta, or no UID in it).
  public var transferSyntaxInferred: Bool
  /// The file had the 128-byte preamble and `DICM`.
  public var hasPreamble: Bool
  /// The file had a file meta group (0002).
  public var hasFileMeta: Bool
  public var sopClassUID: String?
  public var sopInstanceUID: String?
  public var studyInstanceUID: String?
  public var seriesInstanceUID: String?
  public var modality: String?
  public var rows: Int
  public var columns: Int
  /// NumberOfFrames (1 when absent); HemoLab decodes the first frame.
  public var numberOfFrames: Int
  public var samplesPerPixel: Int
  public var bitsAllocated: Int
  public var bitsStored: Int
  public var highBit: Int
  /// 0 unsigned, 1 two's complement.
  public var pixelRepresentation: Int
  public var photometricInterpretation: String
  /// RescaleSlope (1 when absent).
  public var rescaleSlope: Double
  /// RescaleIntercept as written in the file (0 when absent).
  public var rescaleIntercept: Double
  /// The intercept used for HU: `rescaleIntercept`, or −1000 when the RSNA 12-bit wrap was fixed.
  public var appliedIntercept: Double
  /// The RSNA 12-bit wrap quirk was detected and corrected (BitsStored 12, unsigned,
  /// intercept > −100, Modality CT): stored values were unwrapped as 12-bit two's complement.
  public var rsnaWrapCorrected: Bool
  /// Every WindowCenter value (DS is multi-valued; viewers use the first).
  public var windowCenters: [Double]
  /// Every WindowWidth value.
  public var windowWidths: [Double]
  /// PixelSpacing in mm: [row spacing, column spacing], when present.
  public var pixelSpacing: [Double]?
  /// ImagePositionPatient [x, y, z] in mm, when present.
  public var imagePositionPatient: [Double]?
  public var sliceThickness: Double?
  /// PixelPaddingValue as a stored value (not applied: padding pixels keep their rescaled value).
  public var pixelPaddingValue: Int?
  /// Top-level elements read (file meta excluded).
  public var elementCount: Int
  /// Top-level private elements skipped.
  public var privateElementCount: Int

  /// True for two's-complement stored values.
  public var isSigned: Bool { pixelRepresentation == 1 }
  /// MONOCHROME1: low values are displayed white; HemoLab inverts the stored values.
  public var isInverted: Bool { photometricInterpretation == "MONOCHROME1" }
}

/// A decoded monochrome DICOM slice: HU values and what the file said about them.
public struct DICOMImage: Sendable {
  /// stored × slope + intercept, after masking, sign extension, MONOCHROME1 inversion and the
  /// RSNA 12-bit wrap correction. Pixel spacing is carried over when the file has it.
  public let hu: HUImage
  public let info: DICOMInfo

  public init(hu: HUImage, info: DICOMInfo) {
    self.hu = hu
    self.info = info
  }
}
