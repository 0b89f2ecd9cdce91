import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

/// The CT writer: what it writes reads back identically here and in pydicom.
@Suite struct DICOMWriterTests {
  /// A head-like slice in whole HU: air, skull, brain, ventricles, a bleed, noise; not square.
  static func phantom() -> HUImage {
    var image = HUImage(width: 96, height: 80)
    var rng = SeededRNG(seed: 11)
    for y in 0..<80 {
      for x in 0..<96 {
        let u = (Double(x) - 48) / 40
        let v = (Double(y) - 40) / 34
        let r = u * u + v * v
        var hu: Double = -1024
        if r < 1 { hu = 1200 }
        if r < 0.8 { hu = 32 + rng.normal() * 4 }
        if (u - 0.2) * (u - 0.2) / 0.01 + v * v / 0.09 < 1 { hu = 8 }
        if (u + 0.4) * (u + 0.4) + (v - 0.3) * (v - 0.3) < 0.02 { hu = 72 }
        image[x, y] = Float(hu.rounded())
      }
    }
    image.pixelSpacing = (row: 0.5, column: 0.45)
    return image
  }

  @Test func writtenSliceReadsBackIdentically() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("phantom.dcm")
    let image = Self.phantom()
    var metadata = DICOMWriteMetadata()
    metadata.imagePositionPatient = [-120, -100, 35.5]
    try DICOMWriter.write(image, to: url, metadata: metadata)
    let read = try DICOMReader.read(url)
    #expect(read.hu == image)
    let info = read.info
    #expect(info.transferSyntaxName == "Explicit VR Little Endian" && info.hasPreamble)
    #expect(info.sopClassUID == DICOMWriter.ctImageStorage && info.modality == "CT")
    #expect(info.bitsAllocated == 16 && info.bitsStored == 16 && info.isSigned)
    #expect(info.rescaleIntercept == -1024 && info.rescaleSlope == 1)
    #expect(info.windowCenters == [40] && info.windowWidths == [80])
    #expect(info.pixelSpacing == [0.5, 0.45] && info.imagePositionPatient == [-120, -100, 35.5])
    #expect(info.sopInstanceUID == metadata.sopInstanceUID)
    #expect(info.seriesInstanceUID == metadata.seriesInstanceUID)
    #expect(info.studyInstanceUID == metadata.studyInstanceUID)
  }

  @Test func valuesAreRoundedAndClampedToSixteenBits() throws {
    let image = HUImage(width: 6, height: 1, pixels: [10.4, -0.6, 40000, -40000, .nan, 2.5])
    let data = try DICOMWriter.encode(image, metadata: DICOMWriteMetadata())
    let read = try DICOMReader.read(data, file: "rounded.dcm")
    #expect(read.hu.pixels == [10, -1, 31743, -33792, -1024, 3])  // halves round away from 0
  }

  @Test func uidsAreValid() {
    let uids = (0..<50).map { _ in DICOMWriteMetadata.newUID() }
    #expect(Set(uids).count == 50)
    for uid in uids {
      #expect(uid.hasPrefix("2.25.") && uid.count <= 64)
      #expect(uid.dropFirst(5).allSatisfy(\.isNumber) && !uid.dropFirst(5).hasPrefix("0"))
    }
  }

  @Test func existingFilesAreNotReplacedUnlessAsked() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("mine.dcm")
    try Data("precious".utf8).write(to: url)
    let failure = hemoError {
      try DICOMWriter.write(Self.phantom(), to: url, metadata: DICOMWriteMetadata())
    }
    #expect(failure?.problem == "already exists")
    #expect(try Data(contentsOf: url) == Data("precious".utf8))
    try DICOMWriter.write(Self.phantom(), to: url, metadata: DICOMWriteMetadata(), overwrite: true)
    #expect(try DICOMReader.read(url).hu == Self.phantom())
  }

  /// pydicom reads the written file to the same HU, every pixel.
  @Test(.enabled(if: Pydicom.python != nil, Pydicom.pythonNote))
  func pydicomReadsTheWrittenSlice() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("phantom.dcm")
    let dump = folder.appendingPathComponent("phantom.f32")
    try DICOMWriter.write(Self.phantom(), to: url, metadata: DICOMWriteMetadata())
    try Pydicom.dump(Self.phantom(), to: dump)
    let result = try Pydicom.runScript(["compare", url.path, dump.path])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("worst 0 over 1 files"), "\(result.output)")
  }
}
