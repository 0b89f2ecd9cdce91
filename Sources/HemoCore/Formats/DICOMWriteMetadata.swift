import Foundation

/// What a written DICOM slice says about its patient, study and series. The defaults describe a
/// synthetic HemoLab image; UIDs default to fresh `2.25.<UUID>` UIDs.
public struct DICOMWriteMetadata: Sendable {
  public var patientName = "HemoLab^Synthetic"
  public var patientID = "HEMOLAB"
  public var studyInstanceUID = DICOMWriteMetadata.newUID()
  public var seriesInstanceUID = DICOMWriteMetadata.newUID()
  public var sopInstanceUID = DICOMWriteMetadata.newUID()
  public var frameOfReferenceUID = DICOMWriteMetadata.newUID()
  public var studyDescription = "HemoLab synthetic head CT"
  public var seriesDescription = "HemoLab"
  public var seriesNumber = 1
  public var instanceNumber = 1
  /// Written as StudyDate/StudyTime (and content date/time).
  public var date = Date()
  /// Millimetres [row, column]; when nil, the image's own spacing, else 0.5 mm.
  public var pixelSpacing: [Double]?
  public var sliceThickness = 5.0
  /// ImagePositionPatient [x, y, z] in mm.
  public var imagePositionPatient: [Double] = [0, 0, 0]
  /// The default window: brain, level 40 / width 80.
  public var windowCenter = 40.0
  public var windowWidth = 80.0

  public init() {}

  /// A fresh UID under the `2.25` root: the decimal value of a random UUID (PS3.5 B.2).
  public static func newUID() -> String {
    let bytes = UUID().uuid
    let parts = [
      bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5, bytes.6, bytes.7, bytes.8, bytes.9,
      bytes.10, bytes.11, bytes.12, bytes.13, bytes.14, bytes.15,
    ]
    let value = parts.reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
    return "2.25.\(value)"
  }
}
