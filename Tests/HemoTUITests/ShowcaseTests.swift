import HemoCore
import Testing

@testable import HemoTUI

/// The widgets composed with `Layout` into an experiment-like screen: a check that they fit
/// together at 100×24 (the lesson's screens are built in the next phase).
@Suite struct ShowcaseTests {
  func screen(_ size: Size, theme: Theme) -> CellBuffer {
    let (image, _) = phantom(size: 32)
    let (blood, _) = phantom(size: 32, blood: true)
    return CellBuffer.draw(size: size) { canvas in
      let rows = Layout.rows(canvas.bounds, [.fixed(1), .fixed(7), .flex(1), .fixed(1)])
      canvas.draw(
        Header(step: 4, stepCount: 8, title: "Experiment 2: class imbalance"), in: rows[0],
        theme: theme)
      let cards = Layout.columns(rows[1], [.flex(1), .flex(1)], gap: 1)
      canvas.draw(
        ClassCard(
          name: "Normal", count: 1000, scaleMax: 1000, trainCount: 800, testCount: 200,
          thumbnails: [image, image], role: .good), in: cards[0], theme: theme)
      canvas.draw(
        ClassCard(
          name: "Hemorrhage", count: 30, scaleMax: 1000, trainCount: 24, testCount: 6,
          thumbnails: [blood], role: .bad), in: cards[1], theme: theme)
      let panels = Layout.columns(rows[2], [.flex(3), .flex(2)], gap: 2)
      let loss = (0..<30).map { ChartPoint(Double($0) / 10, 0.7 - Double($0) / 60) }
      canvas.draw(
        LineChart(
          [ChartSeries("train loss", points: loss, role: .accent)], xRange: 0...3,
          xLabel: "epoch"), in: panels[0], theme: theme)
      canvas.draw(
        ConfusionMatrixView(
          classNames: ["normal", "hemorrhage"], counts: [[200, 0], [6, 0]],
          metricLines: ["accuracy 97.1%", "sensitivity 0.0%"]), in: panels[1], theme: theme)
      canvas.draw(
        Footer([KeyHint("←/→", "step"), KeyHint("?", "help"), KeyHint("q", "quit")]),
        in: rows[3], theme: theme)
    }
  }

  @Test func experimentLikeScreenAt100x24() {
    expectGolden(
      screen(Size(width: 100, height: 24), theme: .monochrome).text,
      #"""
       Step 4/8  Experiment 2: class imbalance                                            ● ● ● ◉ ○ ○ ○ ○
      ┌ Normal ───────────────────────────────────────┐ ┌ Hemorrhage ────────────────────────────────────┐
      │ 1000 images █████████████████████████████████ │ │ 30 images █▏                                   │
      │ train 800 · test 200                          │ │ train 24 · test 6                              │
      │ 🬞▞▞▞🬚▖ 🬞▞▞▞🬚▖                                 │ │ 🬞▞▞▞🬚▖                                         │
      │ ▞▖▞▞▞▟ ▞▖▞▞▞▟                                 │ │ ▞▖▞▖▞▟                                         │
      │ 🬁🬍▖▞▞🬀 🬁🬍▖▞▞🬀                                 │ │ 🬁🬍▖▞▞🬀                                         │
      └───────────────────────────────────────────────┘ └────────────────────────────────────────────────┘
      ─── train loss                                    x: epoch  true\pred    normal  hemorrhage correct
      0.8┤                                                        normal        200        0      100.0%
         │                                                        hemorrhage     6         0        0.0%
         │⠉⠒⠒⠤⣀
         │     ⠉⠑⠒⠤⢄⡀                                             accuracy 97.1%
      0.6┤          ⠈⠑⠒⠢⠤⣀                                        sensitivity 0.0%
         │                ⠉⠒⠒⠤⣀
         │                     ⠉⠑⠒⠤⠤⣀⡀
      0.4┤                           ⠈⠑⠢⠤⢄⡀
         │                                ⠈⠑⠒⠤⢄⣀
         │                                      ⠉⠒⠤⠤⣀⣀
         │                                            ⠉⠒⠤⢄⣀
      0.2┤                                                 ⠉⠑⠢
         └┬─────────────────┬────────────────┬─────────────────┬
          0                 1                2                 3
       ←/→ step  ? help  q quit
      """#)
  }

  @Test func everyDepthFillsTheSameCells() {
    let size = Size(width: 100, height: 24)
    let reference = screen(size, theme: .extended)
    for theme in [Theme.eight, .monochrome] {
      let other = screen(size, theme: theme)
      for (a, b) in zip(reference.cells, other.cells) where a.character == " " {
        #expect(b.character == " " || b.character == "░" || b.character == "▒")
      }
    }
  }
}
