import Foundation
import HemoLesson

/// Loss against step for every ball, in braille, on a log scale: a run that settles drops decade
/// by decade, one that diverges climbs, and neither flattens the other. Losses below
/// `PlaygroundLossChart.floor` are drawn on the bottom line.
public struct PlaygroundLossChart: Widget, Sendable {
  /// One ball's curve.
  public struct Line: Sendable, Equatable {
    public var kind: OptimizerKind
    public var points: [DescentPoint]

    public init(kind: OptimizerKind, points: [DescentPoint]) {
      self.kind = kind
      self.points = points
    }
  }

  /// The lowest loss shown; smaller ones sit on the bottom line.
  public static let floor = 1e-4

  public var lines: [Line]

  public init(_ lines: [Line]) { self.lines = lines }

  /// The curves of every ball on show.
  public init(_ state: PlaygroundState) {
    lines = state.balls.map { Line(kind: $0.kind, points: $0.trail) }
  }

  /// The decades shown (10^low … 10^high) for losses between `smallest` and `largest`.
  public static func decades(smallest: Double, largest: Double) -> ClosedRange<Int> {
    let low = Int(log10(max(floor, smallest)).rounded(.down))
    let high = Int(log10(max(floor, largest)).rounded(.up))
    return low...max(high, low + 1)
  }

  /// The x-axis end: the step count rounded up to 20, 50, 100, 200, 500, 1000, …
  public static func stepSpan(_ steps: Int) -> Int {
    var scale = 10
    while true {
      for m in [2, 5, 10] where m * scale >= steps { return m * scale }
      scale *= 10
    }
  }

  /// `10^k` written for a learner: 0.001, 0.01, 0.1, 1, 10, 100, 1000, and 1e-4 / 1e4 beyond.
  public static func label(decade k: Int) -> String {
    switch k {
    case -3...(-1): "0." + String(repeating: "0", count: -k - 1) + "1"
    case 0...3: "1" + String(repeating: "0", count: k)
    default: "1e\(k)"
    }
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    guard canvas.width >= 16, canvas.height >= 5 else { return }
    let muted = theme.style(.muted)
    canvas.put("Loss (log scale) by step", x: 0, y: 0, style: theme.style(.title))
    let losses = lines.flatMap { $0.points.map(\.loss) }.filter(\.isFinite)
    let range = Self.decades(smallest: losses.min() ?? 0.1, largest: losses.max() ?? 10)
    let steps = lines.compactMap { $0.points.last?.step }.max() ?? 0
    let span = Self.stepSpan(steps)
    let labels = range.map { Self.label(decade: $0) }
    let labelWidth = labels.map(\.count).max() ?? 1
    let plotX = labelWidth + 1
    let plotRows = canvas.height - 3
    let plotColumns = canvas.width - plotX
    var grid = DotGrid(columns: plotColumns, rows: plotRows, braille: theme.glyphs.isUnicode)
    let low = Double(range.lowerBound)
    let high = Double(range.upperBound)
    func dot(step: Int, loss: Double) -> (x: Int, y: Int) {
      let fx = Double(step) / Double(span)
      let fy = (high - log10(max(Self.floor, loss))) / (high - low)
      return (
        Int((fx * Double(grid.dotWidth - 1)).rounded()),
        Int((min(1, max(0, fy)) * Double(grid.dotHeight - 1)).rounded())
      )
    }
    for (index, line) in lines.enumerated() {
      var previous: (x: Int, y: Int)?
      for point in line.points where point.loss.isFinite {
        let d = dot(step: point.step, loss: point.loss)
        if let previous {
          grid.line(from: previous, to: d, series: index)
        } else {
          grid.set(d.x, d.y, series: index)
        }
        previous = d
      }
    }
    for row in 0..<plotRows {
      canvas[plotX - 1, 1 + row] = Cell(theme.glyphs.vertical, style: muted)
      for column in 0..<plotColumns {
        guard let c = grid.character(column: column, row: row) else { continue }
        let kind = lines[grid.series(column: column, row: row)].kind
        var style = PlaygroundPalette.optimizerStyle(kind, theme: theme)
        style.attributes.remove(.bold)
        canvas[plotX + column, 1 + row] = Cell(c, style: style)
      }
    }
    // Without colour several curves are told apart by the optimizer's letter at their end.
    if theme.depth == .none && lines.count > 1 {
      for line in lines {
        guard let last = line.points.last(where: { $0.loss.isFinite }) else { continue }
        let d = dot(step: last.step, loss: last.loss)
        canvas[plotX + d.x / grid.dotsX, 1 + d.y / grid.dotsY] = Cell(
          PlaygroundMap.letter(line.kind), style: Style(attributes: .bold))
      }
    }
    // A label on each decade, top down, skipping one that would touch the label above.
    var lastRow = -2
    for (k, label) in zip(range, labels).reversed() {
      let row = 1 + dot(step: 0, loss: pow(10, Double(k))).y / grid.dotsY
      guard row - lastRow >= 2 else { continue }
      canvas.put(NumberFormat.right(label, width: labelWidth), x: 0, y: row, style: muted)
      canvas[plotX - 1, row] = Cell(theme.glyphs.axisTickY, style: muted)
      lastRow = row
    }
    let axisRow = 1 + plotRows
    canvas[plotX - 1, axisRow] = Cell(theme.glyphs.axisCorner, style: muted)
    for column in 0..<plotColumns {
      canvas[plotX + column, axisRow] = Cell(theme.glyphs.horizontal, style: muted)
    }
    canvas.put("0", x: plotX, y: axisRow + 1, style: muted)
    let end = "\(span) steps"
    canvas.put(end, x: canvas.width - end.count, y: axisRow + 1, style: muted)
  }
}
