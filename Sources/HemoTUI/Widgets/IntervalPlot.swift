/// Proportions on one shared horizontal axis (a forest plot): a row is either an estimate with
/// its 95 % interval (`├──●──┤`) or a strip of several estimates (one dot each, a digit where
/// several share a column, `┃` at the median). Labels on the left, a note on the right, the
/// axis with percentage ticks on the last row.
public struct IntervalPlot: Widget, Sendable {
  /// One row of the plot.
  public enum Row: Sendable, Equatable {
    case interval(label: String, lower: Double, estimate: Double, upper: Double, note: String)
    case strip(label: String, values: [Double], median: Double?, note: String)

    var label: String {
      switch self {
      case .interval(let label, _, _, _, _), .strip(let label, _, _, _): label
      }
    }
    var note: String {
      switch self {
      case .interval(_, _, _, _, let note), .strip(_, _, _, let note): note
      }
    }
    var extent: [Double] {
      switch self {
      case .interval(_, let lower, let estimate, let upper, _): [lower, estimate, upper]
      case .strip(_, let values, _, _): values
      }
    }
  }

  public var rows: [Row]
  /// The axis range; nil fits the rows (rounded out to 10 %).
  public var range: ClosedRange<Double>?
  /// What the axis measures, left of its tick labels (e.g. "accuracy").
  public var axisLabel: String

  public init(_ rows: [Row], range: ClosedRange<Double>? = nil, axisLabel: String = "") {
    self.rows = rows
    self.range = range
    self.axisLabel = axisLabel
  }

  /// The rows' extent rounded out to whole tenths, at least 0.2 wide, inside 0…1.
  public var axis: ClosedRange<Double> {
    if let range { return range }
    let all = rows.flatMap(\.extent).filter(\.isFinite)
    guard let low = all.min(), let high = all.max() else { return 0...1 }
    var a = max(0, (low * 10 - 1e-9).rounded(.down) / 10)
    var b = min(1, (high * 10 + 1e-9).rounded(.up) / 10)
    if b - a < 0.2 {
      b = min(1, a + 0.2)
      a = max(0, b - 0.2)
    }
    return a...b
  }

  /// Rows needed: one per row and the axis.
  public var height: Int { rows.count + 1 }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    guard canvas.width >= 30, canvas.height >= 2 else { return }
    let g = theme.glyphs
    let labelWidth = min(16, max(6, axisLabel.count + 1, (rows.map(\.label.count).max() ?? 6) + 1))
    let noteWidth = min(max(0, canvas.width - labelWidth - 20), rows.map(\.note.count).max() ?? 0)
    let plotX = labelWidth
    let plotWidth = canvas.width - labelWidth - (noteWidth > 0 ? noteWidth + 2 : 0)
    let range = axis
    func column(_ value: Double) -> Int {
      let f = (value - range.lowerBound) / max(1e-9, range.upperBound - range.lowerBound)
      return plotX + min(plotWidth - 1, max(0, Int((f * Double(plotWidth - 1)).rounded())))
    }
    let shown = min(rows.count, canvas.height - 1)
    for (y, row) in rows.prefix(shown).enumerated() {
      canvas.put(
        Canvas.truncate(row.label, to: labelWidth - 1, ellipsis: g.ellipsis), x: 0, y: y,
        style: theme.style(.muted))
      switch row {
      case .interval(_, let lower, let estimate, let upper, _):
        let a = column(lower)
        let b = column(upper)
        for x in a...max(a, b) { canvas[x, y] = Cell(g.horizontal, style: theme.style(.accent)) }
        canvas[a, y] = Cell(g.isUnicode ? "├" : "|", style: theme.style(.accent))
        canvas[max(a, b), y] = Cell(g.isUnicode ? "┤" : "|", style: theme.style(.accent))
        canvas[column(estimate), y] = Cell(
          g.isUnicode ? "●" : "o", style: theme.style(.accent).adding(.bold))
      case .strip(_, let values, let median, _):
        for x in plotX..<(plotX + plotWidth) {
          canvas[x, y] = Cell(g.isUnicode ? "·" : ".", style: theme.style(.border))
        }
        if let median {
          canvas[column(median), y] = Cell(g.isUnicode ? "┃" : "|", style: theme.style(.warn))
        }
        var counts: [Int: Int] = [:]
        for value in values where value.isFinite { counts[column(value), default: 0] += 1 }
        for (x, count) in counts {
          let mark: Character =
            count == 1 ? (g.isUnicode ? "●" : "o") : Character(String(min(count, 9)))
          canvas[x, y] = Cell(mark, style: theme.style(.accent).adding(.bold))
        }
      }
      if noteWidth > 0 {
        canvas.put(
          Canvas.truncate(row.note, to: noteWidth, ellipsis: g.ellipsis),
          x: plotX + plotWidth + 2, y: y, style: theme.style(.text))
      }
    }
    // The axis: a rule with a tick and a label every tenth (every fifth when narrow).
    let y = shown
    for x in plotX..<(plotX + plotWidth) {
      canvas[x, y] = Cell(g.horizontal, style: theme.style(.muted))
    }
    if y + 1 < canvas.height, !axisLabel.isEmpty {
      canvas.put(
        Canvas.truncate(axisLabel, to: labelWidth - 1, ellipsis: g.ellipsis), x: 0, y: y + 1,
        style: theme.style(.muted))
    }
    let tenths = Int(((range.upperBound - range.lowerBound) * 10).rounded())
    let step = plotWidth / max(1, tenths) >= 5 ? 1 : 2
    var nextFree = plotX
    for k in stride(from: 0, through: tenths, by: step) {
      let value = range.lowerBound + Double(k) / 10
      let x = column(value)
      canvas[x, y] = Cell(g.axisTickX, style: theme.style(.muted))
      let label = "\(Int((value * 100).rounded()))%"
      let start = min(max(plotX, x - label.count / 2), plotX + plotWidth - label.count)
      guard start >= nextFree, y + 1 < canvas.height else { continue }
      canvas.put(label, x: start, y: y + 1, style: theme.style(.muted))
      nextFree = start + label.count + 1
    }
  }
}
