import Foundation

/// The single place where the data importers (RSNA folders, class folders) decode a DICOM slice
/// to Hounsfield units, so that tests can substitute a decoder and the reader can change alone.
public enum DataSourceDICOM {
  /// Decodes one DICOM file to HU with `DICOMReader`.
  public static func decodeHU(_ url: URL) throws(HemoError) -> HUImage {
    try DICOMReader.read(url).hu
  }
}
