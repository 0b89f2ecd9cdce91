import Testing

@testable import HemoTUI

@Suite struct LineChartTests {
  /// 40 per-batch losses falling from ~0.7, and 4 per-epoch test losses.
  var chart: LineChart {
    let train = (0..<40).map { i in
      ChartPoint(Double(i) / 10, 0.7 * (1 - Double(i) / 50) + (i % 3 == 0 ? 0.04 : 0))
    }
    let test = (1...4).map { e in ChartPoint(Double(e), 0.62 - 0.08 * Double(e)) }
    return LineChart(
      [
        ChartSeries("train loss", points: train, role: .accent),
        ChartSeries("test loss", points: test, role: .warn, marker: "●"),
      ], xRange: 0...4, xLabel: "epoch")
  }

  @Test func ticksAreRound() {
    let t = LineChart.ticks(low: 0.13, high: 0.74, count: 4)
    #expect(t.values.map { ($0 * 100).rounded() / 100 } == [0, 0.25, 0.5, 0.75])
    #expect(t.decimals == 2)
    let e = LineChart.ticks(low: 0, high: 10, count: 3)
    #expect(e.values == [0, 5, 10])
    #expect(e.decimals == 0)
  }

  @Test func brailleDotsMapToTheRightBits() {
    var grid = DotGrid(columns: 1, rows: 1, braille: true)
    grid.set(0, 0, series: 0)
    #expect(grid.character(column: 0, row: 0) == "⠁")
    grid.set(1, 3, series: 0)
    #expect(grid.character(column: 0, row: 0) == "⢁")
    var ascii = DotGrid(columns: 1, rows: 1, braille: false)
    ascii.line(from: (0, 0), to: (0, 2), series: 0)
    #expect(ascii.character(column: 0, row: 0) == "|")
  }

  @Test func goldenBrailleSmall() {
    expectGolden(
      render(chart, 40, 10).styledText,
      #"""
      ─── train loss   ─●─ test loss
      1.0┤
         │⡀
         │⠈⠑⠊⠢⠤⠒⣄⡠⢄
      0.5┤         ●⠙⠒⠒⠲⢤⡤⢄⣀●⣀⡀
         │                 ⠈⠁⠉⠚⠉⠯⠝⠳⣒●⡒⠒⣤⠤⠤⠤⢄⣀●
         │                           ⠈⠉ ⠓⠒⠢⠤⠤
      0.0┤
         └┬─────────────────┬────────────────┬
          0                 2                4
      --
      aaa..............bbb
      cccc
      ...ca
      ...caaaaaaaaa
      cccc.........bddddddddbdd
      ...c.................aaaddddddbddddddddb
      ...c...........................aa.aaaaa
      cccc
      ...ccccccccccccccccccccccccccccccccccccc
      ....c.................c................c
      a: fg=75 bold
      b: fg=221 bold
      c: fg=245
      d: fg=221
      """#)
  }

  @Test func goldenBrailleLarge() {
    expectGolden(
      render(chart, 60, 14).text,
      #"""
      ─── train loss   ─●─ test loss                      x: epoch
      0.8┤⡀
         │⠈⠢⢄⡠⠢⡀
      0.6┤     ⠈⠑⠒⠉⢆⣀⣀⠤⡀
         │             ⠈●⠤⣊⣢⣀⡀⢀⡀
         │                   ⠉⠉⠉⠛⠶⠖⠲⡢⠤●⣄⣀⣀⡀
      0.4┤                          ⠈⠉⠁⠈⠢⢄⡨⠝⡍⠒⠒⠢⠤⠤⢄●⣀⡀
         │                                  ⠈⠑⠒⠉⠒⢄⣀⠤⡀⠈⠉⠉⠉⠒⠒⠒⠢⠤⠤⠤⣀●
         │                                          ⠈⠒⠒⠊⠱⣀ ⣀⢄
      0.2┤                                                ⠉  ⠑⠤⠔⠂
         │
      0.0┤
         └┬─────────────┬─────────────┬────────────┬─────────────┬
          0             1             2            3             4
      """#)
  }

  @Test func goldenASCIIFallback() {
    expectGolden(
      render(chart, 40, 10, theme: .ascii).text,
      #"""
      --- train loss   -*- test loss
      1.0+
         |.
         | '-'--...
      0.5+         *'+-+-++.*...
         |                  ''''+++:*''+---..*
         |                           '' +-+.-
      0.0+
         ++-----------------+----------------+
          0                 2                4
      """#)
  }
}
