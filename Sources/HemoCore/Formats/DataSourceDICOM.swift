import Foundation

/// The single place where the data importers decode a DICOM slice to Hounsfield units.
///
/// TEMPORARY: the DICOM reader is written on another branch and is not in this build yet, so
/// `decodeHU` throws "DICOM reading not yet available". When `DICOMReader` is merged, replace the
/// body of `decodeHU` with `try DICOMReader.read(url).hu` and set `isAvailable` to true.
public enum DataSourceDICOM {
  /// False until the DICOM reader is merged (tests that decode real DICOM skip on false).
  public static let isAvailable = false

  /// Decodes one DICOM file to HU.
  public static func decodeHU(_ url: URL) throws(HemoError) -> HUImage {
    throw HemoError(
      file: url.path, "DICOM reading not yet available in this build",
      advice: "use PNG/JPEG class folders or a .tm project for now")
  }
}
