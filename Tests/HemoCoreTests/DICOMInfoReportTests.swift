import Foundation
import Testing

@testable import HemoCore

/// `hemolab info`'s report: golden text, JSON, the HU dump format and its overwrite rule.
@Suite struct DICOMInfoReportTests {
  @Test func dicomReportText() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("slice.dcm")
    try SyntheticDICOM().data().write(to: url)
    let (report, image) = try DICOMInfoReport.describe(url)
    #expect(image?.pixels == [-1024, 0, 40, 1024])
    // Population SD of [-1024, 0, 40, 1024]: sqrt(2098352 / 4) = 724.29.
    let expected = """
      \(url.path)
        format           DICOM, CT Image Storage
        modality         CT
        transfer syntax  Explicit VR Little Endian (1.2.840.10008.1.2.1)
        size             2 × 2 pixels
        bits             16 allocated, 16 stored, high bit 15, unsigned
        photometric      MONOCHROME2
        rescale          slope 1, intercept -1024
        window           centre 40 \\ 40, width 80 \\ 80
        pixel spacing    0.5 × 0.75 mm
        position         -120, -100.5, 42 mm
        series UID       1.2.3.4
        instance UID     1.2.3.4.5
        elements         23 (3 private, skipped)
        HU               min -1024, max 1024, mean 10.0, SD 724.3
      """
    #expect(report.text == expected)
    let decoded = try JSONDecoder().decode(DICOMInfoReport.self, from: Data(report.json.utf8))
    #expect(decoded.dicom == report.dicom && decoded.hu == report.hu)
  }

  @Test func pictureReportText() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("grey.png")
    try ImageCodec.encodePNG([0, 64, 128, 255, 1, 2], width: 3, height: 2, channels: 1).write(
      to: url)
    let (report, image) = try DICOMInfoReport.describe(url)
    #expect(image == nil && report.dicom == nil)
    #expect(
      report.text == "\(url.path)\n  format    PNG\n  size      3 × 2 pixels\n  channels  1 (grey)")
  }

  @Test func huDumpIsLittleEndianFloat32AndDoesNotOverwrite() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("hu.f32")
    let image = HUImage(width: 2, height: 1, pixels: [-1024, 40.5])
    try DICOMInfoReport.dumpHU(image, to: url, overwrite: false)
    // -1024 = 0xC4800000, 40.5 = 0x42220000, little endian.
    #expect(try Data(contentsOf: url) == Data([0, 0, 0x80, 0xC4, 0, 0, 0x22, 0x42]))
    let refused = hemoError { try DICOMInfoReport.dumpHU(image, to: url, overwrite: false) }
    #expect(refused?.problem == "already exists")
    try DICOMInfoReport.dumpHU(HUImage(width: 1, height: 1, pixels: [1]), to: url, overwrite: true)
    #expect(try Data(contentsOf: url).count == 4)
  }
}
