import Foundation
import HemoCore
import HemoLesson
import HemoTrain
import Testing

@testable import HemoTUI

/// Inspect's heatmap (`g`): the large test image with a saliency map over it, the legend and the
/// class it explains, at 80×24 and 160×48, in 256 colours, 8 colours and ASCII.
@Suite struct HeatmapGoldenTests {
  /// A map peaking on the fixture's bleed (right of centre, upper half) at 64×64.
  static func map(classIndex: Int) -> SaliencyMap {
    var values = [Float](repeating: 0, count: 64 * 64)
    let (cx, cy) = (31.5 * 1.4, 31.5 * 0.8)
    for y in 0..<64 {
      for x in 0..<64 {
        let d2 = (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy)
        values[y * 64 + x] = Float(exp(-d2 / 60))
      }
    }
    return SaliencyMap(
      width: 64, height: 64, values: values, classIndex: classIndex, method: .hiResCAM,
      probabilities: [0.9, 0.1])
  }

  /// Experiment 2 finished, inspect on the found hemorrhage, large view, heatmap on.
  static func state(computed: Bool = true) throws -> LessonState {
    let snapshot = LessonFixtures.snapshot(
      state: .finished, epoch: 8, batch: 55, found: 1, falseAlarms: 2)
    var state = try LessonFixtures.experiment2(snapshot)
    for key in ["i", "\n", "\n", "g"] {
      state = reduce(state, .key(key == "\n" ? .enter : .character(Character(key))))
    }
    state.images.samples[.experiment(2, index: 0)] = LessonFixtures.sample(size: 64, blood: true)
    if computed, let key = state.wantedHeatmap {
      state.images.heatmaps[key] = map(classIndex: key.classIndex)
    }
    return state
  }

  @Test func keysToggleTheHeatmapAndPickTheClass() throws {
    var state = try Self.state()
    let key = try #require(state.wantedHeatmap)
    #expect(key.classIndex == 0 && key.image == 0)
    state = reduce(state, .key(.right))
    #expect(state.wantedHeatmap?.classIndex == 1)
    state = reduce(state, .key(.right))
    #expect(state.wantedHeatmap?.classIndex == 0)
    state = reduce(state, .key(.character("g")))
    #expect(state.wantedHeatmap == nil)
  }

  @Test func heatmapAt80x24() throws {
    expectGolden(
      render(try Self.state(), size: Size(width: 80, height: 24), theme: .extended),
      file: "heatmap_80")
  }

  @Test func heatmapAt160x48() throws {
    expectGolden(
      render(try Self.state(), size: Size(width: 160, height: 48), theme: .extended),
      file: "heatmap_160")
  }

  @Test func heatmapInEightColours() throws {
    expectGolden(
      render(try Self.state(), size: Size(width: 80, height: 24), theme: .eight),
      file: "heatmap_eight")
  }

  @Test func heatmapInASCII() throws {
    expectGolden(
      render(try Self.state(), size: Size(width: 80, height: 24), theme: .ascii),
      file: "heatmap_ascii")
  }

  @Test func whileComputingTheViewSaysSo() throws {
    let text = render(
      try Self.state(computed: false), size: Size(width: 80, height: 24), theme: .extended
    ).text
    #expect(text.contains("computing the HiResCAM map…"))
  }

  /// 8 colours: the hot cells take the heat bands' backgrounds, the outline stays cyan.
  @Test func eightColoursShowBandsAndOutline() throws {
    let sample = LessonFixtures.sample(size: 64, blood: true)
    let image = Preprocessing().display(sample.pixels)
    let buffer = render(
      HeatmapThumbnail(image, map: Self.map(classIndex: 0), mask: sample.bloodMask), 32, 16,
      theme: .eight)
    let styles = buffer.cells.map(\.style)
    #expect(styles.contains { $0.background == .yellow })
    #expect(styles.contains { $0.background == .magenta })
    #expect(styles.contains { $0.foreground == .cyan })
    // The far corner (air, no heat) has no heat background.
    #expect(buffer.cells[0].style.background != .yellow)
  }

  /// Without colour the heat is in the attributes: hot cells reversed, warm ones bold.
  @Test func monochromeShowsHeatAsAttributes() throws {
    let sample = LessonFixtures.sample(size: 64, blood: true)
    let image = Preprocessing().display(sample.pixels)
    let buffer = render(
      HeatmapThumbnail(image, map: Self.map(classIndex: 0), mask: nil), 32, 16, theme: .ascii)
    let reversed = buffer.cells.filter { $0.style.attributes.contains(.reverse) }.count
    let bold = buffer.cells.filter { $0.style.attributes.contains(.bold) }.count
    #expect(reversed > 0 && bold > 0)
    #expect(!buffer.cells[0].style.attributes.contains(.reverse))
  }
}
