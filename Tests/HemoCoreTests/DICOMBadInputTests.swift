import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

/// Hostile and broken input: each gives one HemoError line naming the file, never a trap, and
/// nothing large is allocated.
@Suite struct DICOMBadInputTests {
  static let name = "bad.dcm"

  func error(_ data: Data) -> HemoError? {
    hemoError { _ = try DICOMReader.read(data, file: Self.name) }
  }

  func expectOneLine(
    _ error: HemoError?, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(error?.file == Self.name, sourceLocation: sourceLocation)
    #expect(
      error?.problem.contains(expected) == true, "\(String(describing: error))",
      sourceLocation: sourceLocation)
    #expect(error?.description.contains("\n") == false, sourceLocation: sourceLocation)
  }

  @Test func everyTruncationOfASmallFileFails() throws {
    let whole = SyntheticDICOM().data()
    #expect(whole.count > 400)
    _ = try DICOMReader.read(whole, file: Self.name)
    for length in 0..<whole.count {
      let failure = error(whole.prefix(length))
      #expect(failure?.file == Self.name, "prefix of \(length) bytes was accepted")
    }
  }

  @Test(arguments: [(true, true), (false, true), (true, false)])
  func everyTruncationInOtherEncodingsFails(explicitVR: Bool, littleEndian: Bool) throws {
    var file = SyntheticDICOM()
    file.explicitVR = explicitVR
    file.littleEndian = littleEndian
    file.deflated = explicitVR && littleEndian
    let whole = file.data()
    _ = try DICOMReader.read(whole, file: Self.name)
    for length in 0..<whole.count {
      #expect(error(whole.prefix(length))?.file == Self.name, "prefix \(length) accepted")
    }
  }

  /// The header of a real slice at every length, then the pixel data at a stride.
  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func truncatedRealSliceFailsAtEveryHeaderLength() throws {
    let whole = try Data(contentsOf: try #require(SharedData.rsnaDICOMFiles.first))
    let lengths =
      Array(0..<1024) + Array(stride(from: 1024, to: whole.count, by: 4099))
      + [whole.count - 1]
    for length in lengths {
      #expect(error(whole.prefix(length))?.file == Self.name, "prefix \(length) accepted")
    }
  }

  @Test func wrongMagicAndEmptyFiles() {
    expectOneLine(error(Data()), "empty file")
    expectOneLine(error(Data("just some text, not an image".utf8)), "not a DICOM file")
    let png = Data(
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 200))
    expectOneLine(error(png), "not a DICOM file")
    var fakePreamble = [UInt8](repeating: 0, count: 128) + Array("DICX".utf8)
    fakePreamble += [UInt8](repeating: 0x41, count: 64)
    #expect(error(Data(fakePreamble))?.file == Self.name)
  }

  @Test func hugeDeclaredDimensionsAreRefusedBeforeAllocating() {
    var file = SyntheticDICOM()
    file.rows = 60000
    file.columns = 60000
    expectOneLine(error(file.data()), "image size 60000×60000 is outside 1…8192")
    file.rows = 8192
    file.columns = 8192  // within limits, but the 8-byte pixel data cannot hold it
    expectOneLine(error(file.data()), "pixel data holds 8 bytes")
  }

  @Test func elementLongerThanTheFileIsRefused() {
    var set = DICOMEncoder()
    set.text(0x0008_0060, "CS", "CT")
    set.header(0x0010_0010, "OB", length: 0x7FFF_FFF0)
    set.bytes += [1, 2, 3, 4]
    expectOneLine(error(Data(set.bytes)), "claims 2147483632 bytes but only 4 remain")
    var implicit = DICOMEncoder(explicitVR: false)
    implicit.text(0x0008_0060, "CS", "CT")
    implicit.header(0x0010_0010, "LO", length: 0xFFFF_FFF0)
    expectOneLine(error(Data(implicit.bytes)), "claims 4294967280 bytes")
  }

  @Test func deepNestingIsRefused() {
    var inner = DICOMEncoder()
    inner.text(0x0008_0100, "SH", "X")
    for _ in 0..<40 {
      var outer = DICOMEncoder()
      outer.sequence(0x0008_1140, items: [inner.bytes], undefinedLength: true)
      inner = outer
    }
    var set = DICOMEncoder()
    set.text(0x0008_0060, "CS", "CT")
    set.bytes += inner.bytes
    expectOneLine(error(Data(set.bytes)), "nested more than 32 deep")
  }

  @Test func brokenSequencesAreRefused() {
    var set = DICOMEncoder()
    set.text(0x0008_0060, "CS", "CT")
    set.header(0x0008_1140, "SQ", length: DICOMParser.undefinedLength)
    set.tag(0x0008_0100)  // not an item
    set.u32(0)
    expectOneLine(error(Data(set.bytes)), "expected a sequence item")
    var unterminated = DICOMEncoder()
    unterminated.text(0x0008_0060, "CS", "CT")
    unterminated.header(0x0008_1140, "SQ", length: DICOMParser.undefinedLength)
    for _ in 0..<1000 {
      unterminated.tag(DICOMParser.itemTag)
      unterminated.u32(0)
    }
    expectOneLine(error(Data(unterminated.bytes)), "cut short")
  }

  @Test func encapsulatedPixelDataInANativeSyntaxIsUnsupported() {
    var set = DICOMEncoder()
    set.text(0x0008_0060, "CS", "CT")
    set.unsigned16(0x0028_0010, 2)
    set.unsigned16(0x0028_0011, 2)
    set.unsigned16(0x0028_0100, 16)
    set.sequence(0x7FE0_0010, items: [[], [1, 2, 3, 4]], undefinedLength: false, vr: "OB")
    // A defined-length OB is native: 16 bytes of item headers are read as pixels.
    #expect(error(Data(set.bytes)) == nil)
    var encapsulated = DICOMEncoder()
    encapsulated.text(0x0008_0060, "CS", "CT")
    encapsulated.header(0x7FE0_0010, "OB", length: DICOMParser.undefinedLength)
    encapsulated.tag(DICOMParser.itemTag)  // empty basic offset table
    encapsulated.u32(0)
    encapsulated.tag(DICOMParser.itemTag)  // one fragment
    encapsulated.u32(4)
    encapsulated.bytes += [1, 2, 3, 4]
    encapsulated.tag(DICOMParser.sequenceDelimiterTag)
    encapsulated.u32(0)
    expectOneLine(error(Data(encapsulated.bytes)), "unsupported: encapsulated")
  }

  /// An odd-length OW in big endian (invalid) must not send the byte swap past the end.
  @Test func oddLengthBigEndianEightBitPixelsStayInBounds() throws {
    var set = DICOMEncoder(explicitVR: true, littleEndian: false)
    set.text(0x0008_0060, "CS", "CT")
    set.unsigned16(0x0028_0010, 1)
    set.unsigned16(0x0028_0011, 3)
    set.unsigned16(0x0028_0100, 8)
    set.header(0x7FE0_0010, "OW", length: 3)
    set.bytes += [7, 8, 9]
    let image = try DICOMReader.read(Data(set.bytes), file: Self.name)
    #expect(image.info.transferSyntaxName == "Explicit VR Big Endian")
    #expect(image.hu.pixels == [8, 7, 9])
  }

  @Test func nonNumericRescaleIsRefused() {
    var file = SyntheticDICOM()
    file.slope = "abc"
    expectOneLine(error(file.data()), "RescaleSlope \"abc\" is not a number")
    file.slope = "1"
    file.intercept = "nan"
    expectOneLine(error(file.data()), "RescaleIntercept \"nan\" is not a number")
  }

  @Test func corruptDeflateStreamIsRefused() {
    var file = SyntheticDICOM()
    file.deflated = true
    var bytes = Array(file.data())
    let start = bytes.count - 40
    for index in start..<bytes.count { bytes[index] ^= 0x5A }
    #expect(error(Data(bytes))?.file == Self.name)
    expectOneLine(error(Data(bytes.prefix(bytes.count - 60))), "cannot be inflated")
  }

  @Test func filesystemProblemsNameTheFile() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("missing.dcm")
    let noFile = hemoError { _ = try DICOMReader.read(missing) }
    #expect(noFile?.problem == "no such file" && noFile?.file == missing.path)
    let isFolder = hemoError { _ = try DICOMReader.read(folder) }
    #expect(isFolder?.problem == "is a folder, not a file")
    let empty = folder.appendingPathComponent("empty.dcm")
    try Data().write(to: empty)
    #expect(hemoError { _ = try DICOMReader.read(empty) }?.problem.hasPrefix("empty file") == true)
  }

  @Test func unreadableFileNamesTheFile() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let locked = folder.appendingPathComponent("locked.dcm")
    try SyntheticDICOM().data().write(to: locked)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: locked.path)
    }
    let failure = hemoError { _ = try DICOMReader.read(locked) }
    if FileManager.default.isReadableFile(atPath: locked.path) {
      // Running as root: permissions do not bite, the file reads normally.
      #expect(failure == nil)
    } else {
      #expect(failure?.problem.hasPrefix("permission denied") == true)
      #expect(failure?.file == locked.path)
    }
  }
}
