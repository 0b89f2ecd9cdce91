import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

/// Reference values from pydicom 3.0.2 (numpy 2.4) for the 32 real RSNA slices, produced by
///   python scripts/pydicom-hu.py summary ../shared/data/rsna-ich-dicom/*.dcm
/// i.e. HU = pixel_array × RescaleSlope + RescaleIntercept (float64): name, sum, min, max, and
/// the pixels at [0,0], [r/2,c/2], [r/3,2c/3], [r−1,c−1] (row, column).
let rsnaReference: [(name: String, sum: Int, min: Float, max: Float, picks: [Float])] = [
  ("ID_000000e27.dcm", -167_812_121, -1024, 1430, [-1003, 21, -369, -1024]),
  ("ID_0eae10ac8.dcm", -134_785_978, -1024, 1546, [-1024, 33, 20, -969]),
  ("ID_12947e934.dcm", -202_389_276, -1024, 1355, [-1024, 790, -1008, -980]),
  ("ID_23bd143e1.dcm", -228_574_703, -1024, 1056, [-1024, -12, -1007, -970]),
  ("ID_23e3a79dc.dcm", -194_688_924, -1024, 1402, [-1002, 20, -991, -1024]),
  ("ID_2665a50a9.dcm", -137_422_942, -1024, 1540, [-1024, 20, 27, -973]),
  ("ID_2fb00f5c0.dcm", -152_612_746, -1024, 1450, [-1024, 27, 1147, -963]),
  ("ID_38ed6bf3c.dcm", -160_886_986, -1024, 1538, [-1001, 45, 46, -1024]),
  ("ID_52228ef51.dcm", -135_888_028, -1024, 1537, [-1000, 28, 27, -1024]),
  ("ID_6a7c5ce34.dcm", -143_188_162, -1024, 1525, [-1001, 23, 30, -1024]),
  ("ID_6cd71052a.dcm", -136_318_381, -1024, 1523, [-1024, 32, 29, -977]),
  ("ID_7543b323a.dcm", -148_342_600, -1024, 1771, [-1001, 222, 101, -1024]),
  ("ID_75a87b49d.dcm", -141_081_015, -1024, 1769, [-1001, 24, 468, -1024]),
  ("ID_763d60b09.dcm", -138_589_053, -1024, 1532, [-1002, 36, 23, -1024]),
  ("ID_8579d8171.dcm", -149_137_949, -1024, 1422, [-1024, 165, 316, -979]),
  ("ID_8c1e69910.dcm", -174_033_388, -1024, 1463, [-1024, 22, -977, -973]),
  ("ID_953bfd576.dcm", -135_044_506, -1024, 1527, [-1002, 34, 23, -1024]),
  ("ID_99a500a3b.dcm", -186_850_563, -1024, 1440, [-1024, 23, -986, -971]),
  ("ID_99d1d5bfb.dcm", -212_773_129, -1024, 1341, [-1000, 830, -1008, -1024]),
  ("ID_9e2de9b19.dcm", -240_781_106, -1024, 54, [-1000, -92, -1004, -1024]),
  ("ID_a02466c06.dcm", -144_590_745, -1024, 1748, [-1024, 223, 257, -979]),
  ("ID_b5745bb6b.dcm", -140_838_223, -1024, 1534, [-1024, 25, 24, -978]),
  ("ID_b6e603f6b.dcm", -161_883_736, -1024, 1438, [-1024, 21, 43, -976]),
  ("ID_b9070ba98.dcm", -251_418_160, -1024, 51, [-1024, -980, -1004, -967]),
  ("ID_c13bfb3f7.dcm", -145_715_586, -1024, 1481, [-1024, 26, 659, -978]),
  ("ID_d66878dd8.dcm", -151_473_568, -1024, 1512, [-1004, 705, 26, -1024]),
  ("ID_dc10917c3.dcm", -156_784_579, -1024, 1429, [-1006, 26, 3, -1024]),
  ("ID_dc333386b.dcm", -149_137_153, -1024, 1459, [-1001, 29, 911, -1024]),
  ("ID_ddb2a7bb4.dcm", -156_570_828, -1024, 1481, [-1024, 175, 46, -968]),
  ("ID_e307f7fc1.dcm", -139_930_686, -1024, 1538, [-1001, 35, 26, -1024]),
  ("ID_f3368134c.dcm", -180_456_811, -1024, 1459, [-1000, 22, -996, -1024]),
  ("ID_fb8152b48.dcm", -140_822_577, -1024, 1615, [-1024, 38, 27, -978]),
]

/// Sum (exact for whole-number HU), min, max and the four reference pixels of an image.
func summary(_ image: HUImage) -> (sum: Int, min: Float, max: Float, picks: [Float]) {
  let rows = image.height
  let columns = image.width
  let sum = image.pixels.reduce(0.0) { $0 + Double($1) }
  let stats = image.statistics
  let picks = [
    image[0, 0], image[columns / 2, rows / 2], image[(2 * columns) / 3, rows / 3],
    image[columns - 1, rows - 1],
  ]
  return (Int(sum), stats.min, stats.max, picks)
}

@Suite struct DICOMRealRSNATests {
  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func allRSNASlicesMatchPydicom() throws {
    let files = SharedData.rsnaDICOMFiles
    #expect(files.count == rsnaReference.count)
    for (file, reference) in zip(files, rsnaReference) {
      #expect(file.lastPathComponent == reference.name)
      let image = try DICOMReader.read(file)
      let found = summary(image.hu)
      #expect(found.sum == reference.sum, "\(reference.name)")
      #expect(found.min == reference.min && found.max == reference.max, "\(reference.name)")
      #expect(found.picks == reference.picks, "\(reference.name)")
    }
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func rsnaHeaderIsReadAsPydicomShowsIt() throws {
    let file = SharedData.url("rsna-ich-dicom/ID_000000e27.dcm")
    let info = try DICOMReader.read(file).info
    #expect(info.transferSyntaxName == "Explicit VR Little Endian")
    #expect(info.rows == 512 && info.columns == 512)
    #expect(info.bitsAllocated == 16 && info.bitsStored == 12 && info.highBit == 11)
    #expect(!info.isSigned && info.photometricInterpretation == "MONOCHROME2")
    #expect(info.rescaleSlope == 1 && info.rescaleIntercept == -1024 && !info.rsnaWrapCorrected)
    #expect(info.windowCenters == [40, 40] && info.windowWidths == [80, 80])
    #expect(info.pixelSpacing == [0.48828125, 0.48828125])
    #expect(info.imagePositionPatient == [-112, -9.80802803, 267.219087])
    #expect(info.sopInstanceUID == "ID_000000e27" && info.seriesInstanceUID == "ID_4d28912ba6")
    #expect(info.modality == "CT" && info.sopClassUID == "1.2.840.10008.5.1.4.1.1.2")
  }

  /// Every pixel of every slice against pydicom, through the `--dump-hu` format.
  @Test(
    .enabled(if: SharedData.isAvailable, SharedData.skipNote),
    .enabled(if: Pydicom.python != nil, Pydicom.pythonNote))
  func everyPixelMatchesPydicom() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var arguments = [String]()
    for file in SharedData.rsnaDICOMFiles {
      let dump = folder.appendingPathComponent(file.lastPathComponent + ".f32")
      try Pydicom.dump(DICOMReader.read(file).hu, to: dump)
      arguments += [file.path, dump.path]
    }
    let result = try Pydicom.runScript(["compare"] + arguments)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("worst 0 over 32 files"), "\(result.output)")
  }
}
