import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

/// The course's own project files. Reference pixel values come from an independent decoder:
/// Pillow 13.0 (its bundled libjpeg-turbo, default islow DCT and fancy upsampling) run as
/// `/work/.bench-venv/bin/python` with `zipfile` + `PIL.Image.open(...).convert("RGB")` +
/// `numpy.asarray(...)[y, x]` on the named entry of the .tm zip.
@Suite struct TeachableMachineCourseFileTests {
  static func sample(_ project: TeachableMachineProject, _ entry: String) throws -> RGBImage {
    let sample = try #require(project.samples.samples.first { $0.source.hasSuffix("[\(entry)]") })
    guard case .picture(let image) = sample.pixels else {
      Issue.record("\(entry) is not a picture")
      return RGBImage(width: 1, height: 1)
    }
    return image
  }

  static func expectPixel(
    _ image: RGBImage, x: Int, y: Int, _ expected: (Int, Int, Int), tolerance: Int = 1
  ) {
    let pixel = image[x, y]
    let got = (Int(pixel.r), Int(pixel.g), Int(pixel.b))
    #expect(
      abs(got.0 - expected.0) <= tolerance && abs(got.1 - expected.1) <= tolerance
        && abs(got.2 - expected.2) <= tolerance,
      "pixel (\(x), \(y)) is \(got), reference \(expected)")
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func experiment1() throws {
    let project = try TeachableMachineProject.read(SharedData.url("spotlight-tm/experiment1.tm"))
    #expect(project.samples.classNames == ["Hemorrhage", "Normal"])
    #expect(project.samples.classCounts == [30, 30])
    #expect(project.originalSettings == .init(epochs: 15, batchSize: 16, learningRate: 0.00003))
    #expect(project.manifestVersion == "2.4.1")
    #expect(project.problems.isEmpty)
    #expect(
      project.samples.samples.allSatisfy { $0.pixels.width == 224 && $0.pixels.height == 224 })
    let first = try Self.sample(project, "Hemorrhage-!-0.jpg")
    Self.expectPixel(first, x: 0, y: 0, (0, 0, 0))
    Self.expectPixel(first, x: 112, y: 112, (80, 80, 80))
    Self.expectPixel(first, x: 100, y: 60, (101, 101, 101))
    let last = try Self.sample(project, "Normal-!-29.jpg")
    Self.expectPixel(last, x: 112, y: 112, (108, 108, 108))
    // Samples keep index order inside their class.
    #expect(project.samples.samples[29].source.hasSuffix("[Hemorrhage-!-29.jpg]"))
    #expect(project.samples.samples[30].label == 1)
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func experiment4() throws {
    let project = try TeachableMachineProject.read(SharedData.url("spotlight-tm/experiment4.tm"))
    #expect(project.samples.classNames == ["Normal", "Parenchymal", "Subdural"])
    #expect(project.samples.classCounts == [80, 80, 80])
    #expect(project.originalSettings == .init(epochs: 80, batchSize: 16, learningRate: 0.00002))
    #expect(project.problems.isEmpty)
    Self.expectPixel(try Self.sample(project, "Parenchymal-!-5.jpg"), x: 112, y: 112, (95, 95, 95))
    let subdural = try Self.sample(project, "Subdural-!-0.jpg")
    Self.expectPixel(subdural, x: 100, y: 60, (87, 87, 87))
    Self.expectPixel(subdural, x: 150, y: 150, (108, 108, 108))
  }

  /// Experiment 5's zip lists Normal first, then Intraparenchymal, then Subdural: class order is
  /// the order of first appearance, so that is the order read.
  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func experiment5KeepsItsRedOverlay() throws {
    let project = try TeachableMachineProject.read(SharedData.url("spotlight-tm/experiment5.tm"))
    #expect(project.samples.classNames == ["Normal", "Intraparenchymal", "Subdural"])
    #expect(Set(project.samples.classNames) == ["Intraparenchymal", "Normal", "Subdural"])
    #expect(project.samples.classCounts == [80, 80, 80])
    #expect(project.originalSettings == .init(epochs: 80, batchSize: 16, learningRate: 0.00002))
    let bleed = try Self.sample(project, "Intraparenchymal-!-0.jpg")
    Self.expectPixel(bleed, x: 74, y: 126, (228, 13, 0))
    Self.expectPixel(bleed, x: 100, y: 60, (124, 111, 120))
    // Pillow counts 263 pixels with red exceeding green by more than 60.
    var reddish = 0
    for index in 0..<(224 * 224)
    where Int(bleed.pixels[index * 3]) - Int(bleed.pixels[index * 3 + 1]) > 60 {
      reddish += 1
    }
    #expect(abs(reddish - 263) <= 3)
    Self.expectPixel(try Self.sample(project, "Subdural-!-79.jpg"), x: 223, y: 223, (38, 0, 9))
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func savedCopyReopensWithSameClassesCountsAndPixels() throws {
    let original = try TeachableMachineProject.read(SharedData.url("spotlight-tm/experiment5.tm"))
    let folder = try TemporaryFolder()
    let copy = folder.url.appendingPathComponent("copy.tm")
    try TeachableMachineProject.write(
      original.samples, to: copy, settings: original.originalSettings)
    let reopened = try TeachableMachineProject.read(copy)
    #expect(reopened.samples.classNames == original.samples.classNames)
    #expect(reopened.samples.classCounts == original.samples.classCounts)
    #expect(reopened.originalSettings == original.originalSettings)
    #expect(reopened.manifestVersion == "2.4.1")
    #expect(reopened.problems.isEmpty)
    var worst = 0
    var total = 0
    var count = 0
    #expect(original.samples.samples.map(\.label) == reopened.samples.samples.map(\.label))
    // Every 8th sample pixel by pixel (tests run unoptimised; all 240 would take seconds).
    for (a, b) in zip(original.samples.samples, reopened.samples.samples).enumerated()
      .filter({ $0.offset % 8 == 0 }).map(\.element)
    {
      guard case .picture(let x) = a.pixels, case .picture(let y) = b.pixels else {
        Issue.record("not pictures")
        continue
      }
      for (p, q) in zip(x.pixels, y.pixels) {
        let difference = abs(Int(p) - Int(q))
        worst = max(worst, difference)
        total += difference
        count += 1
      }
    }
    // Re-encoding a JPEG at quality 92: small average error, bounded worst case.
    #expect(Double(total) / Double(count) < 1.5)
    #expect(worst < 64)
  }
}

/// A folder in the system temporary directory, removed when the value goes away.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-test-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func write(_ data: Data, _ name: String) throws -> URL {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    return file
  }
}
