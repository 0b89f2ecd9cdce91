import Foundation
import Testing

@testable import HemoCore

/// The reader on small files built byte by byte: every encoding, pixel format and quirk, with
/// values worked out by hand from PS3.5 / PS3.3.
@Suite struct DICOMSyntheticTests {
  static let name = "synthetic.dcm"

  func read(_ file: SyntheticDICOM) throws -> DICOMImage {
    try DICOMReader.read(file.data(), file: Self.name)
  }

  @Test func explicitLittleEndianWithSequencesAndPrivateTags() throws {
    let image = try read(SyntheticDICOM())
    #expect(image.hu.pixels == [-1024, 0, 40, 1024])
    #expect(image.hu.width == 2 && image.hu.height == 2)
    let info = image.info
    #expect(info.transferSyntaxName == "Explicit VR Little Endian")
    #expect(!info.transferSyntaxInferred && info.hasPreamble && info.hasFileMeta)
    #expect(info.windowCenters == [40, 40] && info.windowWidths == [80, 80])
    #expect(info.pixelSpacing == [0.5, 0.75])
    #expect(image.hu.pixelSpacing?.row == 0.5 && image.hu.pixelSpacing?.column == 0.75)
    #expect(info.imagePositionPatient == [-120, -100.5, 42])
    #expect(info.seriesInstanceUID == "1.2.3.4" && info.sopInstanceUID == "1.2.3.4.5")
    #expect(info.privateElementCount == 3)
    #expect(info.elementCount == 23)
  }

  @Test(arguments: [
    (true, true, false), (false, true, false), (true, false, false), (true, true, true),
  ])
  func everyTransferSyntaxGivesTheSameHU(explicitVR: Bool, littleEndian: Bool, deflated: Bool)
    throws
  {
    var file = SyntheticDICOM()
    file.explicitVR = explicitVR
    file.littleEndian = littleEndian
    file.deflated = deflated
    let image = try read(file)
    #expect(image.hu.pixels == [-1024, 0, 40, 1024])
    #expect(image.info.transferSyntaxUID == file.transferSyntaxUID)
    #expect(image.info.windowCenters == [40, 40])
  }

  @Test(arguments: [(true, true), (false, true), (true, false)])
  func withoutFileMetaTheEncodingIsInferred(explicitVR: Bool, littleEndian: Bool) throws {
    var file = SyntheticDICOM()
    file.explicitVR = explicitVR
    file.littleEndian = littleEndian
    file.withMeta = false
    file.withPreamble = false
    let image = try read(file)
    #expect(image.hu.pixels == [-1024, 0, 40, 1024])
    #expect(image.info.transferSyntaxInferred && !image.info.hasFileMeta)
    #expect(image.info.transferSyntaxUID == file.transferSyntaxUID)
  }

  @Test func unsignedStoredBitsAreMasked() throws {
    var file = SyntheticDICOM()
    file.bitsStored = 12
    file.pixels = [0xF123, 0x0FFF, 0x0000, 0x0800]
    // 0x123 = 291, 4095, 0, 2048, minus 1024.
    #expect(try read(file).hu.pixels == [-733, 3071, -1024, 1024])
  }

  @Test func signedStoredBitsAreSignExtended() throws {
    var file = SyntheticDICOM()
    file.bitsStored = 12
    file.pixelRepresentation = 1
    file.intercept = "0"
    file.pixels = [0xF123, 0x0FFF, 0x0000, 0x0800]
    #expect(try read(file).hu.pixels == [291, -1, 0, -2048])
  }

  @Test func highBitAboveBitsStoredShiftsTheValue() throws {
    var file = SyntheticDICOM()
    file.bitsStored = 12
    file.highBit = 15
    file.pixels = [0xF123, 0x0010, 0, 0xFFFF]
    #expect(try read(file).hu.pixels == [3858 - 1024, 1 - 1024, -1024, 4095 - 1024])
  }

  @Test func eightBitUnsignedAndSigned() throws {
    var file = SyntheticDICOM()
    file.bitsAllocated = 8
    file.bitsStored = 8
    file.intercept = nil
    file.pixels = [0, 10, 0x80, 0xFF]
    #expect(try read(file).hu.pixels == [0, 10, 128, 255])
    file.pixelRepresentation = 1
    #expect(try read(file).hu.pixels == [0, 10, -128, -1])
  }

  @Test func eightBitOWInBigEndianIsUnswapped() throws {
    var file = SyntheticDICOM()
    file.bitsAllocated = 8
    file.bitsStored = 8
    file.intercept = nil
    file.littleEndian = false
    file.eightBitVR = "OW"
    file.pixels = [1, 2, 3, 4]
    #expect(try read(file).hu.pixels == [1, 2, 3, 4])
  }

  @Test func monochrome1IsInverted() throws {
    var file = SyntheticDICOM()
    file.photometric = "MONOCHROME1"
    file.bitsAllocated = 8
    file.bitsStored = 8
    file.intercept = nil
    file.pixels = [0, 10, 255, 128]
    let image = try read(file)
    #expect(image.info.isInverted)
    #expect(image.hu.pixels == [255, 245, 0, 127])
    file.pixelRepresentation = 1
    file.pixels = [0x00, 0x7F, 0x80, 0xFF]  // 0, 127, -128, -1 → -1, -128, 127, 0
    #expect(try read(file).hu.pixels == [-1, -128, 127, 0])
  }

  @Test func rescaleSlopeAndInterceptAreDecimalText() throws {
    var file = SyntheticDICOM()
    file.slope = " 2.5 "
    file.intercept = "-010.5"
    file.pixels = [4, 0, 1, 2]
    #expect(try read(file).hu.pixels == [-0.5, -10.5, -8, -5.5])
  }

  @Test func rsnaTwelveBitWrapIsUnwrapped() throws {
    var file = SyntheticDICOM()
    file.bitsStored = 12
    file.intercept = "1"
    // x = px + 1000, x >= 4096 wraps by 4096, intercept becomes −1000.
    file.pixels = [0, 24, 3096, 4095]
    let image = try read(file)
    #expect(image.info.rsnaWrapCorrected && image.info.appliedIntercept == -1000)
    #expect(image.info.rescaleIntercept == 1)
    #expect(image.hu.pixels == [0, 24, -1000, -1])
    file.intercept = "-1024"  // ordinary RSNA slices are left alone
    let plain = try read(file)
    #expect(!plain.info.rsnaWrapCorrected && plain.hu.pixels == [-1024, -1000, 2072, 3071])
  }

  @Test func twelveBitImagesOtherThanCTAreNotUnwrapped() throws {
    var file = SyntheticDICOM()
    file.bitsStored = 12
    file.intercept = "0"
    file.pixels = [0, 24, 3096, 4095]
    // The same file with Modality MR (same length, so offsets stay valid).
    var bytes = Array(file.data())
    let ct = Array("CT".utf8)
    let at = try #require(bytes.indices.first { bytes[$0...].starts(with: ct) && $0 > 132 })
    bytes[at] = UInt8(ascii: "M")
    bytes[at + 1] = UInt8(ascii: "R")
    let image = try DICOMReader.read(Data(bytes), file: Self.name)
    #expect(image.info.modality == "MR" && !image.info.rsnaWrapCorrected)
    #expect(image.hu.pixels == [0, 24, 3096, 4095])
  }

  @Test func nonSquareImagesAreRowMajor() throws {
    var file = SyntheticDICOM()
    file.rows = 2
    file.columns = 3
    file.intercept = "0"
    file.pixels = [1, 2, 3, 4, 5, 6]
    let image = try read(file)
    #expect(image.hu.width == 3 && image.hu.height == 2)
    #expect(image.hu[2, 0] == 3 && image.hu[0, 1] == 4)
  }

  @Test func unknownUNSequenceOfUndefinedLengthIsReadAsImplicit() throws {
    var file = SyntheticDICOM()
    file.withSequences = false
    var inner = DICOMEncoder(explicitVR: false, littleEndian: true)
    inner.text(0x0011_1010, "LO", "inside")
    var set = DICOMEncoder()
    set.text(0x0011_0010, "LO", "CREATOR")
    set.sequence(0x0011_1001, items: [inner.bytes], undefinedLength: true, vr: "UN")
    let withUN = Array(file.data()) + []
    // Splice the UN sequence in front of the image elements (after the meta).
    let metaEnd = withUN.count - file.dataSet().count
    let data = Data(withUN[..<metaEnd] + set.bytes + withUN[metaEnd...])
    let image = try DICOMReader.read(data, file: Self.name)
    #expect(image.hu.pixels == [-1024, 0, 40, 1024])
    #expect(image.info.privateElementCount == 2)
  }

  @Test func readInfoDoesNotNeedToDecode() throws {
    let info = try DICOMReader.readInfo(SyntheticDICOM().data(), file: Self.name)
    #expect(info.rows == 2 && info.bitsStored == 16 && info.rescaleIntercept == -1024)
    #expect(DICOMReader.looksLikeDICOM(SyntheticDICOM().data()))
    #expect(!DICOMReader.looksLikeDICOM(Data("hello, world".utf8)))
  }
}
