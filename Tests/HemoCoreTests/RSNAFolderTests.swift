import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

/// A small RSNA-style folder in a temporary directory: the 32 real slices linked (never copied
/// into the repository) as `stage_2_train/ID_*.dcm`, a CSV we write with invented labels, one
/// labelled ID without a file and one zero-byte file.
final class RSNATestFolder {
  let folder: TemporaryFolder
  var root: URL { folder.url }
  let ids: [String]
  /// Labels given: 12 normal, 8 subdural only, 6 intraparenchymal only, 4 IPH + IVH, 2 epidural.
  static func labels(_ position: Int) -> Set<HemorrhageSubtype> {
    switch position {
    case 0..<12: []
    case 12..<20: [.subdural]
    case 20..<26: [.intraparenchymal]
    case 26..<30: [.intraparenchymal, .intraventricular]
    default: [.epidural]
    }
  }

  init() throws {
    folder = try TemporaryFolder()
    let images = folder.url.appendingPathComponent("stage_2_train", isDirectory: true)
    try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
    var csv = "ID,Label\n"
    var ids: [String] = []
    for (position, file) in SharedData.rsnaDICOMFiles.enumerated() {
      let id = file.deletingPathExtension().lastPathComponent
      try FileManager.default.createSymbolicLink(
        at: images.appendingPathComponent(file.lastPathComponent), withDestinationURL: file)
      csv += rsnaRows(id, Self.labels(position))
      ids.append(id)
    }
    csv += rsnaRows("ID_missing00", [])
    csv += rsnaRows("ID_empty0000", [.subdural])
    _ = FileManager.default.createFile(
      atPath: images.appendingPathComponent("ID_empty0000.dcm").path, contents: Data())
    self.ids = ids
    _ = try folder.write(Data(csv.utf8), "stage_2_train.csv")
  }
}

/// Stands in for the DICOM reader where the test is about choosing files, not decoding them:
/// reads the file's bytes (so missing and empty files fail as they would) and returns a 1×1
/// image holding the byte count.
func byteCountDecoder(_ url: URL) throws(HemoError) -> HUImage {
  let data = try DataSourceFile.read(url, maxBytes: 1 << 20)
  return HUImage(width: 1, height: 1, pixels: [Float(data.count)])
}

@Suite struct RSNAFolderTests {
  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func detectsAndIndexesTheFolder() throws {
    let fixture = try RSNATestFolder()
    guard case .rsna(let csv, let images) = try DataFolder.detect(fixture.root) else {
      Issue.record("not detected as RSNA")
      return
    }
    #expect(csv.lastPathComponent == "stage_2_train.csv")
    #expect(images.lastPathComponent == "stage_2_train")
    var stages: Set<String> = []
    let folder = try RSNAFolder.open(fixture.root) { stages.insert($0.stage) }
    #expect(stages == ["reading labels"])
    #expect(folder.index.count == 34)
    #expect(folder.index.counts.normal == 13)
    #expect(
      folder.index.labels(for: fixture.ids[27])
        == HemorrhageLabels([.intraparenchymal, .intraventricular]))
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func samplesPerRuleWithSeedAndSkipsBadFiles() throws {
    let fixture = try RSNATestFolder()
    let folder = try RSNAFolder.open(fixture.root)
    let requests = [
      RSNAClassRequest(name: "Normal", rule: .normal, count: 5),
      RSNAClassRequest(name: "Subdural", rule: .only(.subdural), count: 8),
      RSNAClassRequest(name: "Parenchymal", rule: .contains(.intraparenchymal), count: 10),
      RSNAClassRequest(name: "Epidural", rule: .only(.epidural), count: 3),
    ]
    var progress: [DataSourceProgress] = []
    var decoded: [URL] = []
    let result = folder.sample(
      requests, seed: 42, progress: { progress.append($0) },
      decode: { url throws(HemoError) in
        decoded.append(url)
        return try byteCountDecoder(url)
      })
    // Only chosen files are opened: one per sample, plus one per reported unreadable file.
    let unreadable = result.problems.filter { $0.file?.hasSuffix(".dcm") == true }.count
    #expect(decoded.count == result.samples.samples.count + unreadable)
    #expect(Set(decoded).count == decoded.count)
    // Subdural: 9 labelled, one is the empty file, so exactly the 8 readable ones.
    #expect(result.samples.classNames == ["Normal", "Subdural", "Parenchymal", "Epidural"])
    #expect(result.samples.classCounts == [5, 8, 10, 2])
    let lines = result.problems.map(\.description)
    #expect(lines.contains { $0.hasSuffix("ID_empty0000.dcm: file is empty (0 bytes)") })
    #expect(
      lines.contains {
        $0.hasSuffix(
          "stage_2_train.csv: class Epidural: 3 images wanted, only 2 labelled epidural only")
      })
    #expect(!lines.contains { $0.contains("only 8 of") })
    for sample in result.samples.samples {
      let id = URL(fileURLWithPath: sample.source).deletingPathExtension().lastPathComponent
      let rule = requests[sample.label].rule
      #expect(rule.matches(try #require(sample.hemorrhage)))
      #expect(folder.index.labels(for: id) == sample.hemorrhage)
    }
    #expect(Set(result.samples.samples.map(\.source)).count == result.samples.samples.count)
    #expect(progress.last?.done == 25 && progress.last?.total == 26)

    let again = folder.sample(requests, seed: 42, decode: byteCountDecoder)
    #expect(again.samples.samples.map(\.source) == result.samples.samples.map(\.source))
    let other = folder.sample(requests, seed: 43, decode: byteCountDecoder)
    #expect(
      other.samples.samples.filter { $0.label == 0 }.map(\.source)
        != result.samples.samples.filter { $0.label == 0 }.map(\.source))
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func missingFileIsReplacedByTheNextInSeededOrder() throws {
    let fixture = try RSNATestFolder()
    let folder = try RSNAFolder.open(fixture.root)
    // 13 normal IDs, one without a file: asking for all 13 yields 12 and names the missing file.
    let result = folder.sample(
      [RSNAClassRequest(name: "Normal", rule: .normal, count: 13)], seed: 1,
      decode: byteCountDecoder)
    #expect(result.samples.classCounts == [12])
    #expect(
      result.problems.map(\.description).contains { $0.contains("ID_missing00.dcm: no such file") })
    #expect(
      result.problems.map(\.description).contains {
        $0.contains("class Normal: only 12 of 13 images could be read")
      })
  }

  /// Decodes the real slices with the DICOM reader.
  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func decodesRealSlices() throws {
    let fixture = try RSNATestFolder()
    let folder = try RSNAFolder.open(fixture.root)
    let result = folder.sample([RSNAClassRequest(name: "Normal", rule: .normal, count: 3)], seed: 7)
    #expect(result.samples.classCounts == [3])
    for sample in result.samples.samples {
      guard case .hounsfield(let image) = sample.pixels else {
        Issue.record("not HU")
        continue
      }
      // The real slices: 512², 12-bit unsigned with intercept −1024 (ct.md).
      #expect(image.width == 512 && image.height == 512)
      #expect(image.statistics.min >= -1024 && image.statistics.max <= 3071)
      #expect(sample.hemorrhage == .normal)
    }
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func unreadableDICOMIsSkippedNotFatal() throws {
    let fixture = try RSNATestFolder()
    let folder = try RSNAFolder.open(fixture.root)
    // 9 subdural-only IDs; ID_empty0000.dcm is a zero-byte file: 8 real slices decode.
    let result = folder.sample(
      [RSNAClassRequest(name: "Subdural", rule: .only(.subdural), count: 9)], seed: 3)
    #expect(result.samples.classCounts == [8])
    let lines = result.problems.map(\.description)
    #expect(lines.contains { $0.contains("ID_empty0000.dcm") })
    #expect(lines.contains { $0.hasSuffix("class Subdural: only 8 of 9 images could be read") })
  }
}
