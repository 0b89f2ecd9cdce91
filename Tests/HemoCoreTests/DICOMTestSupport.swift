import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

/// Builds small DICOM files with chosen encodings and pixel formats, for the reader's tests.
struct SyntheticDICOM {
  var rows = 2
  var columns = 2
  var bitsAllocated = 16
  var bitsStored = 16
  var highBit: Int?
  var pixelRepresentation = 0
  var photometric = "MONOCHROME2"
  var samplesPerPixel = 1
  var slope: String? = "1"
  var intercept: String? = "-1024"
  var windowCenter: String? = "00040\\00040"
  var windowWidth: String? = "00080\\00080"
  var pixelSpacing: String? = "0.5\\0.75"
  /// Raw stored words (16-bit) or bytes (8-bit), row-major.
  var pixels: [UInt16] = [0, 1024, 1064, 2048]
  var explicitVR = true
  var littleEndian = true
  var deflated = false
  var withMeta = true
  var withPreamble = true
  /// Adds a nested undefined-length sequence, a defined-length one and private elements.
  var withSequences = true
  /// Pixel data VR for 8-bit images.
  var eightBitVR = "OB"

  var transferSyntaxUID: String {
    if deflated { return "1.2.840.10008.1.2.1.99" }
    if !explicitVR { return "1.2.840.10008.1.2" }
    return littleEndian ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2.2"
  }

  /// The data set (everything after the file meta), not deflated.
  func dataSet() -> [UInt8] {
    var set = DICOMEncoder(explicitVR: explicitVR, littleEndian: littleEndian)
    set.text(0x0008_0016, "UI", DICOMWriter.ctImageStorage)
    set.text(0x0008_0018, "UI", "1.2.3.4.5")
    set.text(0x0008_0060, "CS", "CT")
    if withSequences {
      // (0008,1140) undefined length, its item holding another undefined-length sequence.
      var inner = DICOMEncoder(explicitVR: explicitVR, littleEndian: littleEndian)
      inner.text(0x0008_1150, "UI", "1.2.3")
      var deeper = DICOMEncoder(explicitVR: explicitVR, littleEndian: littleEndian)
      deeper.text(0x0008_0100, "SH", "CODE")
      inner.sequence(0x0008_1199, items: [deeper.bytes, deeper.bytes], undefinedLength: true)
      set.sequence(0x0008_1140, items: [inner.bytes], undefinedLength: true)
      // Private creator and private elements, one a defined-length sequence.
      set.text(0x0009_0010, "LO", "HEMOLAB TEST")
      set.text(0x0009_1001, "LO", "private text")
      set.sequence(0x0009_1002, items: [inner.bytes], undefinedLength: false)
    }
    set.text(0x0020_000E, "UI", "1.2.3.4")
    set.text(0x0020_0032, "DS", "-120\\-100.5\\+42")
    set.unsigned16(0x0028_0002, UInt16(samplesPerPixel))
    set.text(0x0028_0004, "CS", photometric)
    set.unsigned16(0x0028_0010, UInt16(rows))
    set.unsigned16(0x0028_0011, UInt16(columns))
    if let pixelSpacing { set.text(0x0028_0030, "DS", pixelSpacing) }
    set.unsigned16(0x0028_0100, UInt16(bitsAllocated))
    set.unsigned16(0x0028_0101, UInt16(bitsStored))
    set.unsigned16(0x0028_0102, UInt16(highBit ?? bitsStored - 1))
    set.unsigned16(0x0028_0103, UInt16(pixelRepresentation))
    if let windowCenter { set.text(0x0028_1050, "DS", windowCenter) }
    if let windowWidth { set.text(0x0028_1051, "DS", windowWidth) }
    if let intercept { set.text(0x0028_1052, "DS", intercept) }
    if let slope { set.text(0x0028_1053, "DS", slope) }
    if bitsAllocated == 8 {
      var bytes = pixels.map { UInt8(truncatingIfNeeded: $0) }
      if bytes.count % 2 == 1 { bytes.append(0) }
      if !littleEndian && eightBitVR == "OW" {
        // OW words are byte-swapped in big endian: pixel pairs come reversed.
        bytes = stride(from: 0, to: bytes.count, by: 2).flatMap { [bytes[$0 + 1], bytes[$0]] }
      }
      set.element(0x7FE0_0010, eightBitVR, bytes)
    } else {
      set.values16(0x7FE0_0010, "OW", pixels)
    }
    return set.bytes
  }

  /// The whole file.
  func data() -> Data {
    var file = [UInt8]()
    if withPreamble { file += [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) }
    if withMeta {
      var meta = DICOMEncoder()
      meta.element(0x0002_0001, "OB", [0, 1])
      meta.text(0x0002_0002, "UI", DICOMWriter.ctImageStorage)
      meta.text(0x0002_0010, "UI", transferSyntaxUID)
      var group = DICOMEncoder()
      group.header(0x0002_0000, "UL", length: 4)
      group.u32(UInt32(meta.bytes.count))
      file += group.bytes + meta.bytes
    }
    let set = dataSet()
    file += deflated ? (DICOMHeader.deflate(set) ?? []) : set
    return Data(file)
  }
}

/// pydicom, when the environment provides it: `HEMOLAB_PYDICOM_TESTFILES` (pydicom's test file
/// folder) and `HEMOLAB_PYDICOM_PYTHON` (a python with pydicom and numpy); see
/// scripts/pydicom-testfiles.sh.
enum Pydicom {
  static let environment = ProcessInfo.processInfo.environment

  static var testFiles: URL? {
    environment["HEMOLAB_PYDICOM_TESTFILES"].map { URL(fileURLWithPath: $0, isDirectory: true) }
  }

  static var python: URL? {
    environment["HEMOLAB_PYDICOM_PYTHON"].map { URL(fileURLWithPath: $0) }
  }

  static let testFilesNote: Comment =
    "skipped: HEMOLAB_PYDICOM_TESTFILES is unset (run scripts/pydicom-testfiles.sh)"
  static let pythonNote: Comment =
    "skipped: HEMOLAB_PYDICOM_PYTHON is unset (a python with pydicom, e.g. .build-venv/bin/python)"

  static func file(_ name: String) -> URL {
    (testFiles ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent(name)
  }

  /// Runs scripts/pydicom-hu.py with `arguments`; returns its exit status and output.
  static func runScript(_ arguments: [String]) throws -> (status: Int32, output: String) {
    guard let python else { return (-1, "no python") }
    let process = Process()
    process.executableURL = python
    let script = SharedData.packageRoot.appendingPathComponent("scripts/pydicom-hu.py")
    process.arguments = [script.path] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  /// Writes HU values as raw little-endian float32 (the `info --dump-hu` format).
  static func dump(_ image: HUImage, to url: URL) throws {
    var bytes = [UInt8]()
    bytes.reserveCapacity(image.pixels.count * 4)
    for value in image.pixels {
      withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
    }
    try Data(bytes).write(to: url)
  }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "hemolab-dicom-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The HemoError thrown by `body`, or nil when it succeeds.
func hemoError(_ body: () throws -> Void) -> HemoError? {
  do {
    try body()
    return nil
  } catch let error as HemoError {
    return error
  } catch {
    return HemoError("not a HemoError: \(error)")
  }
}
