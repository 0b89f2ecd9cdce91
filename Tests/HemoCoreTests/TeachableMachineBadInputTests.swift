import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

@Suite struct TeachableMachineBadInputTests {
  static func jpeg(_ value: UInt8, side: Int = 16) throws -> Data {
    try ImageCodec.encodeJPEG(
      [UInt8](repeating: value, count: side * side * 3), width: side, height: side, channels: 3)
  }

  static let manifest = Data(
    #"{"type":"image","version":"2.4.1","appdata":{"trainEpochs":3,"trainBatchSize":8,"trainLearningRate":0.001}}"#
      .utf8)

  static func zip(_ entries: [(String, Data)], compress: Bool = false) throws -> Data {
    try TeachableMachineProject.zipData(
      entries.map { (name: $0.0, data: $0.1, compress: compress) }, file: "test.tm")
  }

  static func small() throws -> Data {
    try zip([
      ("A-!-0.jpg", jpeg(10)), ("A-!-1.jpg", jpeg(20)), ("B-!-0.jpg", jpeg(200)),
      ("manifest.json", manifest),
    ])
  }

  @Test func smallProjectReads() throws {
    let project = try TeachableMachineProject.read(Self.small(), file: "small.tm")
    #expect(project.samples.classNames == ["A", "B"])
    #expect(project.samples.classCounts == [2, 1])
    #expect(project.originalSettings == .init(epochs: 3, batchSize: 8, learningRate: 0.001))
    #expect(project.problems.isEmpty)
  }

  @Test func deflatedEntriesReadToo() throws {
    let data = try Self.zip(
      [("A-!-0.jpg", Self.jpeg(10)), ("manifest.json", Self.manifest)], compress: true)
    let project = try TeachableMachineProject.read(data, file: "deflated.tm")
    #expect(project.samples.classCounts == [1])
  }

  @Test func everyTruncationFailsWithOneLine() throws {
    let data = try Self.small()
    for length in 0..<data.count {
      do {
        _ = try TeachableMachineProject.read(data.prefix(length), file: "cut.tm")
        Issue.record("truncated to \(length) bytes but read")
      } catch {
        #expect(error.file == "cut.tm")
        #expect(!error.description.contains("\n"))
      }
    }
  }

  /// A real project cut short: a stride through the body, every length over the last 8 KB
  /// (local data tail, central directory, end record).
  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func realProjectTruncationsFail() throws {
    let data = try Data(contentsOf: SharedData.url("spotlight-tm/experiment1.tm"))
    let lengths =
      Array(stride(from: 0, to: data.count - 8192, by: 4099))
      + Array((data.count - 8192)..<data.count)
    for length in lengths {
      #expect(throws: HemoError.self, "length \(length)") {
        try TeachableMachineProject.read(data.prefix(length), file: "experiment1.tm")
      }
    }
  }

  @Test func wrongMagicIsNamed() throws {
    let error = #expect(throws: HemoError.self) {
      try TeachableMachineProject.read(Data("GIF89a not a zip".utf8), file: "x.tm")
    }
    #expect(error?.description.hasPrefix("x.tm: not a Teachable Machine project") == true)
  }

  @Test func pathTraversalEntriesAreSkippedAndNamed() throws {
    let data = try Self.zip([
      ("../x.jpg", Self.jpeg(1)), ("/etc/A-!-5.jpg", Self.jpeg(1)), ("A-!-0.jpg", Self.jpeg(9)),
      ("dir/../../A-!-1.jpg", Self.jpeg(1)), ("manifest.json", Self.manifest),
    ])
    let project = try TeachableMachineProject.read(data, file: "evil.tm")
    #expect(project.samples.classCounts == [1])
    let lines = project.problems.map(\.description)
    #expect(lines.count == 3)
    #expect(
      lines.contains("evil.tm: entry \"../x.jpg\" skipped: path leads outside the project (\"..\")")
    )
    #expect(lines.contains("evil.tm: entry \"/etc/A-!-5.jpg\" skipped: absolute path"))
  }

  /// Fuzzing found this: an entry skipped for its name still had its local header read by
  /// ZIPFoundation, which crashed on an offset past the end. Every entry is now checked.
  @Test func skippedEntryWithOffsetPastTheEndIsRefused() throws {
    var bytes = [UInt8](try Self.zip([("A-!-0.jpg", Self.jpeg(9)), ("../x.jpg", Self.jpeg(1))]))
    let name = Array("../x.jpg".utf8)
    var position = bytes.count - 22
    while !(bytes[position..<(position + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02])
      && bytes[(position + 46)..<(position + 46 + name.count)].elementsEqual(name))
    {
      position -= 1
    }
    bytes.replaceSubrange((position + 42)..<(position + 46), with: [0x50, 0x00, 0x80, 0x01])
    let error = #expect(throws: HemoError.self) {
      try TeachableMachineProject.read(Data(bytes), file: "crash.tm")
    }
    #expect(error?.description == "crash.tm: damaged zip: local header of \"../x.jpg\" is missing")
  }

  /// Fuzzing found this too: an entry name holding a newline made a two-line error. Names from
  /// the file are shown with control characters replaced.
  @Test func controlCharactersInNamesNeverReachTheMessage() throws {
    let data = try Self.zip([
      ("A-!-0.jpg", Self.jpeg(9)), ("evil\n\u{1B}[31mred.jpg", Self.jpeg(1)),
    ])
    let project = try TeachableMachineProject.read(data, file: "names.tm")
    #expect(
      project.problems.map(\.description)
        == [
          "names.tm: entry \"evil??[31mred.jpg\" skipped: control character in the name",
          "names.tm: no manifest.json: original training settings unknown",
        ])
    var bytes = [UInt8](data)
    let name = Array("evil\n".utf8)
    var position = bytes.count - 22
    while !(bytes[position..<(position + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02])
      && bytes[(position + 46)..<(position + 46 + name.count)].elementsEqual(name))
    {
      position -= 1
    }
    bytes.replaceSubrange((position + 42)..<(position + 46), with: [0xFF, 0xFF, 0x00, 0x00])
    let error = #expect(throws: HemoError.self) {
      try TeachableMachineProject.read(Data(bytes), file: "names.tm")
    }
    #expect(
      error?.description
        == "names.tm: damaged zip: local header of \"evil??[31mred.jpg\" is missing")
  }

  @Test func missingManifestStillLoadsAndSaysSo() throws {
    let data = try Self.zip([("A-!-0.jpg", Self.jpeg(9)), ("B-!-0.jpg", Self.jpeg(99))])
    let project = try TeachableMachineProject.read(data, file: "bare.tm")
    #expect(project.samples.classCounts == [1, 1])
    #expect(project.originalSettings == TeachableMachineSettings())
    #expect(project.manifestVersion == nil)
    #expect(
      project.problems.map(\.description) == [
        "bare.tm: no manifest.json: original training settings unknown"
      ])
  }

  @Test func nonJPEGEntriesAreSkippedAndNamed() throws {
    let png = try ImageCodec.encodePNG(
      [UInt8](repeating: 5, count: 12), width: 2, height: 2, channels: 3)
    let data = try Self.zip([
      ("A-!-0.jpg", Self.jpeg(9)), ("A-!-1.jpg", png), ("notes.txt", Data("hi".utf8)),
      ("A-!-2.jpg", Data()), ("manifest.json", Data("{not json".utf8)),
    ])
    let project = try TeachableMachineProject.read(data, file: "mixed.tm")
    #expect(project.samples.classCounts == [1])
    let lines = project.problems.map(\.description)
    #expect(lines.count == 4)
    #expect(lines.contains { $0.hasPrefix("mixed.tm: entry \"A-!-1.jpg\" skipped:") })
    #expect(lines.contains("mixed.tm: entry \"notes.txt\" skipped: not a <Class>-!-<n>.jpg sample"))
    #expect(lines.contains { $0.hasPrefix("mixed.tm: entry \"A-!-2.jpg\" skipped:") })
    #expect(lines.contains("mixed.tm: manifest.json is not valid JSON"))
  }

  @Test func projectWithoutSamplesFails() throws {
    let data = try Self.zip([("manifest.json", Self.manifest)])
    #expect(throws: HemoError.self) { try TeachableMachineProject.read(data, file: "empty.tm") }
  }

  @Test func zipBombIsRefusedBeforeInflating() throws {
    let data = try Self.zip([("A-!-0.jpg", Data(count: 4 << 20))], compress: true)
    let error = #expect(throws: HemoError.self) {
      try TeachableMachineProject.read(data, file: "bomb.tm")
    }
    #expect(error?.problem.contains("zip bomb") == true)
  }

  @Test func zeroByteFolderAndMissingFilesAreNamed() throws {
    let folder = try TemporaryFolder()
    let empty = try folder.write(Data(), "empty.tm")
    #expect(throws: HemoError(file: empty.path, "file is empty (0 bytes)")) {
      try TeachableMachineProject.read(empty)
    }
    #expect(throws: HemoError(file: folder.url.path, "is a folder, not a file")) {
      try TeachableMachineProject.read(folder.url)
    }
    let missing = folder.url.appendingPathComponent("nope.tm")
    #expect(throws: HemoError(file: missing.path, "no such file")) {
      try TeachableMachineProject.read(missing)
    }
  }

  @Test(.enabled(if: getuid() != 0, "skipped: running as root, which ignores file permissions"))
  func unreadableFileIsNamed() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write(try Self.small(), "locked.tm")
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
    let error = #expect(throws: HemoError.self) { try TeachableMachineProject.read(file) }
    #expect(error?.problem.contains("permission denied") == true)
  }

  @Test func writeRefusesToOverwriteUnlessAsked() throws {
    let folder = try TemporaryFolder()
    let url = folder.url.appendingPathComponent("out.tm")
    let picture = RGBImage(width: 300, height: 200, grey: [UInt8](repeating: 77, count: 60_000))
    let hu = HUImage(width: 64, height: 64, fill: 40)
    let set = SampleSet(
      classNames: ["Normal", "Bleed"],
      samples: [
        Sample(pixels: .picture(picture), label: 0, source: "p"),
        Sample(pixels: .hounsfield(hu), label: 1, source: "h"),
      ])
    let settings = TeachableMachineSettings(epochs: 15, batchSize: 16, learningRate: 0.00003)
    try TeachableMachineProject.write(set, to: url, settings: settings)
    #expect(throws: HemoError.self) {
      try TeachableMachineProject.write(set, to: url, settings: settings)
    }
    try TeachableMachineProject.write(set, to: url, settings: settings, overwrite: true)
    let project = try TeachableMachineProject.read(url)
    #expect(project.samples.classNames == ["Normal", "Bleed"])
    #expect(project.originalSettings == settings)
    guard case .picture(let bleed) = project.samples.samples[1].pixels else {
      Issue.record("not a picture")
      return
    }
    guard case .picture(let normal) = project.samples.samples[0].pixels else {
      Issue.record("not a picture")
      return
    }
    // The 300×200 grey-77 picture is resized to 224×224 and keeps its grey.
    #expect(normal.width == 224 && normal.height == 224)
    #expect(abs(Int(normal[0, 0].r) - 77) <= 2 && abs(Int(normal[200, 150].b) - 77) <= 2)
    // 40 HU in the brain window (80/40) is mid grey, 128.
    #expect(bleed.width == 224 && bleed.height == 224)
    #expect(abs(Int(bleed[100, 100].g) - 128) <= 2)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(leftovers == ["out.tm"])
  }

  @Test func manifestIsWrittenAsTeachableMachineWritesIt() {
    let text = String(
      decoding: TeachableMachineManifest.encode(
        .init(epochs: 15, batchSize: 16, learningRate: 0.00003)), as: UTF8.self)
    #expect(
      text
        == #"{"type":"image","version":"2.4.1","appdata":{"publishResults":{},"trainEpochs":15,"trainBatchSize":16,"trainLearningRate":0.00003}}"#
    )
  }
}
