import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

/// pydicom's own test files (`pydicom/data/test_files`, found through HEMOLAB_PYDICOM_TESTFILES).
/// Reference values from pydicom 3.0.2: `python scripts/pydicom-hu.py summary <files>`.
@Suite(.enabled(if: Pydicom.testFiles != nil, Pydicom.testFilesNote))
struct DICOMPydicomFileTests {
  @Test func ctSmallMatchesKnownValues() throws {
    let image = try DICOMReader.read(Pydicom.file("CT_small.dcm"))
    // Raw pixels [24, 36..<40] = [520, 802, 930, 1008] (ct.md), intercept −1024.
    #expect((36..<40).map { image.hu[$0, 24] } == [-504, -222, -94, -16])
    let found = summary(image.hu)
    #expect(found.sum == -1_950_906 && found.min == -896 && found.max == 1167)
    #expect(found.picks == [-849, 904, 16, -115])
    let info = image.info
    #expect(info.rows == 128 && info.columns == 128 && info.isSigned && info.bitsStored == 16)
    #expect(info.pixelPaddingValue == -2000)
    #expect(info.privateElementCount == 179 && info.elementCount == 258)
    #expect(info.pixelSpacing == [0.661468, 0.661468])
  }

  @Test(arguments: [
    "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm",
    "MR_small_padded.dcm",
  ])
  func mrSmallIsTheSameInEveryEncoding(name: String) throws {
    let image = try DICOMReader.read(Pydicom.file(name))
    let found = summary(image.hu)
    #expect(found.sum == 2_125_338 && found.min == 127 && found.max == 2145)
    #expect(found.picks == [905, 182, 375, 862])
    #expect(image.info.windowCenters == [600] && image.info.windowWidths == [1600])
    let reference = try DICOMReader.read(Pydicom.file("MR_small.dcm"))
    #expect(image.hu.pixels == reference.hu.pixels)
  }

  @Test func transferSyntaxesAreNamed() throws {
    let names = try [
      "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm", "image_dfl.dcm",
    ].map { try DICOMReader.readInfo(Pydicom.file($0)).transferSyntaxName }
    #expect(
      names == [
        "Explicit VR Little Endian", "Implicit VR Little Endian", "Explicit VR Big Endian",
        "Deflated Explicit VR Little Endian",
      ])
  }

  @Test func deflatedFileMatchesPydicom() throws {
    let image = try DICOMReader.read(Pydicom.file("image_dfl.dcm"))
    let found = summary(image.hu)
    #expect(image.hu.width == 512 && image.info.bitsAllocated == 8)
    #expect(found.sum == 33_322_688 && found.min == 0 && found.max == 255)
    #expect(found.picks == [213, 65, 184, 188])
  }

  /// CT_small's data set alone (no preamble, no file meta): what no_meta.dcm was meant to be.
  @Test func dataSetWithoutFileMetaIsInferred() throws {
    let whole = try Data(contentsOf: Pydicom.file("CT_small.dcm"))
    let bytes = [UInt8](whole)
    let start = try #require(
      bytes.indices.first { bytes[$0...].starts(with: [0x08, 0x00, 0x05, 0x00, 0x43, 0x53]) })
    let image = try DICOMReader.read(Data(bytes[start...]), file: "CT_small-no-meta")
    #expect(image.info.transferSyntaxInferred && !image.info.hasFileMeta)
    #expect(image.info.transferSyntaxName == "Explicit VR Little Endian")
    #expect(image.hu == (try DICOMReader.read(Pydicom.file("CT_small.dcm")).hu))
  }

  /// no_meta.dcm starts with a stray 0x20 byte before CT_small's data set; pydicom 3 cannot read
  /// it either (it finds one garbage element). HemoLab says it is not DICOM.
  @Test func noMetaFileIsRefusedClearly() {
    let error = hemoError { _ = try DICOMReader.read(Pydicom.file("no_meta.dcm")) }
    #expect(error?.problem.contains("not a DICOM file") == true)
    #expect(error?.file?.hasSuffix("no_meta.dcm") == true)
  }

  @Test(arguments: [
    ("JPEG2000.dcm", "unsupported: JPEG 2000 Image Compression"),
    ("MR_small_RLE.dcm", "unsupported: RLE Lossless"),
    ("JPEG-lossy.dcm", "unsupported: JPEG Extended"),
    ("MR_small_jpeg_ls_lossless.dcm", "unsupported: JPEG-LS Lossless"),
    ("SC_rgb_small_odd.dcm", "unsupported: colour DICOM (RGB, 3 samples per pixel)"),
    ("ExplVR_BigEnd.dcm", "unsupported: colour DICOM (RGB"),
    ("examples_palette.dcm", "unsupported: colour DICOM (PALETTE COLOR"),
    ("liver_1frame.dcm", "unsupported: 1-bit pixels"),
    ("rtdose_1frame.dcm", "unsupported: 32-bit pixels"),
    ("MR_truncated.dcm", "the file is cut short: element (7FE0,0010)"),
    ("meta_missing_tsyntax.dcm", "Rows or Columns is missing"),
    ("ExplVR_LitEndNoMeta.dcm", "no pixel data"),
    ("ExplVR_BigEndNoMeta.dcm", "no pixel data"),
    ("rtplan.dcm", "no pixel data"),
  ])
  func unsupportedFilesGiveOneClearLine(name: String, expected: String) {
    let error = hemoError { _ = try DICOMReader.read(Pydicom.file(name)) }
    #expect(error?.problem.hasPrefix(expected) == true, "\(String(describing: error))")
    #expect(error?.file?.hasSuffix(name) == true)
    #expect(error?.description.contains("\n") == false)
  }

  /// Every file pydicom ships either decodes or gives a HemoError naming it; none traps.
  @Test func everyPydicomFileDecodesOrExplains() throws {
    let folder = try #require(Pydicom.testFiles)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".dcm") }.sorted()
    #expect(names.count > 50)
    var decoded = [String]()
    for name in names {
      do {
        let image = try DICOMReader.read(folder.appendingPathComponent(name))
        #expect(image.hu.pixels.count == image.info.rows * image.info.columns)
        decoded.append(name)
      } catch {
        #expect(error.file?.hasSuffix(name) == true, "\(error)")
      }
    }
    #expect(
      decoded == [
        "CT_small.dcm", "MR_small.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm",
        "MR_small_implicit.dcm", "MR_small_padded.dcm", "examples_overlay.dcm", "image_dfl.dcm",
      ])
  }

  /// Full-array comparison with pydicom for the files HemoLab decodes.
  @Test(.enabled(if: Pydicom.python != nil, Pydicom.pythonNote))
  func everyPixelMatchesPydicom() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = [
      "CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm",
      "MR_small_expb.dcm", "MR_small_padded.dcm", "image_dfl.dcm", "examples_overlay.dcm",
    ]
    var arguments = [String]()
    for name in names {
      let dump = folder.appendingPathComponent(name + ".f32")
      try Pydicom.dump(DICOMReader.read(Pydicom.file(name)).hu, to: dump)
      arguments += [Pydicom.file(name).path, dump.path]
    }
    let result = try Pydicom.runScript(["compare"] + arguments)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("worst 0 over 8 files"), "\(result.output)")
  }
}
