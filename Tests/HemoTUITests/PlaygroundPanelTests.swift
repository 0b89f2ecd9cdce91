import HemoLesson
import Testing

@testable import HemoTUI

/// The playground's colours, loss curve and verdicts.
@Suite struct PlaygroundPanelTests {
  @Test func rampAndBandsAreDistinctAndBallsStandOutFromThem() {
    #expect(Set(PlaygroundPalette.ramp).count == PlaygroundMap.colourLevels)
    for depth in [ColourDepth.extended, .eight] {
      let levels = (0..<PlaygroundPalette.levelCount(depth)).map {
        PlaygroundPalette.colour(.level($0), depth: depth)
      }
      let balls = OptimizerKind.allCases.map {
        PlaygroundPalette.colour(.optimizer($0), depth: depth)
      }
      #expect(Set(levels).count == levels.count, "\(depth)")
      #expect(Set(balls).count == 4, "\(depth)")
      #expect(Set(balls).isDisjoint(with: Set(levels)), "\(depth)")
    }
    #expect(PlaygroundPalette.colour(.level(3), depth: .none) == nil)
  }

  @Test func lossAxisLabelsAndRanges() {
    #expect(PlaygroundLossChart.decades(smallest: 1.03, largest: 11.3) == 0...2)
    #expect(PlaygroundLossChart.decades(smallest: 0, largest: 0.5) == -4...0)
    #expect(PlaygroundLossChart.decades(smallest: 2, largest: 3) == 0...1)
    #expect(
      (-5...5).map(PlaygroundLossChart.label) == [
        "1e-5", "1e-4", "0.001", "0.01", "0.1", "1", "10", "100", "1000", "1e4", "1e5",
      ])
    #expect(
      [0, 7, 20, 21, 99, 101, 1000].map(PlaygroundLossChart.stepSpan) == [
        20, 20, 20, 50, 100, 200, 1000,
      ])
  }

  /// The row of the topmost dot in the first and last columns the curve reaches.
  func curveEnds(_ state: PlaygroundState) -> (first: Int, last: Int) {
    let buffer = CellBuffer.draw(size: Size(width: 40, height: 12)) { canvas in
      PlaygroundLossChart(state).draw(in: &canvas, theme: .monochrome)
    }
    var rows: [Int: Int] = [:]
    for y in 0..<buffer.height {
      for x in 0..<buffer.width
      where buffer[x, y].character.unicodeScalars.first!.value > 0x2800
        && buffer[x, y].character.unicodeScalars.first!.value <= 0x28FF
      {
        if rows[x] == nil { rows[x] = y }
      }
    }
    return (rows[rows.keys.min()!]!, rows[rows.keys.max()!]!)
  }

  @Test func divergingCurveClimbsAndSettlingCurveFalls() {
    var wild = PlaygroundState(surface: .bowl, learningRate: 1.5)
    var calm = PlaygroundState(surface: .bowl, learningRate: 0.5)
    for _ in 0..<15 {
      wild = PlaygroundReducer.reduce(wild, .step)
      calm = PlaygroundReducer.reduce(calm, .step)
    }
    let up = curveEnds(wild)
    let down = curveEnds(calm)
    #expect(up.last < up.first)  // rows count down the screen: higher loss, smaller row
    #expect(down.last > down.first)
  }

  func run(_ state: PlaygroundState, steps: Int) -> PlaygroundState {
    var state = state
    for _ in 0..<steps { state = PlaygroundReducer.reduce(state, .step) }
    return state
  }

  func verdict(_ state: PlaygroundState) -> PlaygroundVerdict? {
    PlaygroundVerdict.of(state.balls[0], surface: state.surface)
  }

  @Test func verdictsSayWhatHappened() throws {
    let start = try #require(verdict(PlaygroundState()))
    #expect(start.role == .muted)

    let wild = try #require(
      verdict(run(PlaygroundState(surface: .bowl, learningRate: 1.5), steps: 20)))
    #expect(wild.role == .bad && wild.text.hasPrefix("Diverged at step 10"))

    let trapped = try #require(verdict(run(PlaygroundState(), steps: 400)))
    #expect(trapped.role == .warn && trapped.text.contains("shallow basin"))

    let rolled = try #require(
      verdict(run(PlaygroundState(selection: .one(.momentum)), steps: 400)))
    #expect(rolled.role == .good && rolled.text.contains("lowest point"))

    let crawl = try #require(
      verdict(run(PlaygroundState(surface: .bowl, learningRate: 0.001), steps: 40)))
    #expect(crawl.text.hasPrefix("Crawling"))
  }

  @Test func aBallClosingInAtAGoodPaceIsNotCrawling() {
    // Plain descent at 0.05 slows down in the shallow basin, but its steps shrink fast.
    for steps in [25, 30, 40, 60] {
      let state = run(PlaygroundState(), steps: steps)
      #expect(!PlaygroundVerdict.isCrawling(state.balls[0], surface: state.surface), "\(steps)")
    }
  }
}

extension PlaygroundPanelTests {
  @Test func numbersKeepThreeSignificantDigitsAndStayNarrow() {
    let losses = [0.0216, 1.0, 1.032, 32.28, 412.4, 1_520_000, 0.00012, 0]
    #expect(
      losses.map(PlaygroundPanel.loss) == [
        "0.0216", "1.00", "1.03", "32.3", "412", "1.52e+06", "1.20e-04", "0",
      ])
    #expect(PlaygroundPanel.position(Point2(0.004, -921.6)) == "(0.00, -922)")
    #expect(PlaygroundPanel.rate(0.001) == "0.001" && PlaygroundPanel.rate(1.5) == "1.5")
    #expect(PlaygroundPanel.rate(2) == "2")
  }
}
