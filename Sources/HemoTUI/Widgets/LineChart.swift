import Foundation

/// One point of a chart series.
public struct ChartPoint: Sendable, Equatable {
  public var x: Double
  public var y: Double

  public init(_ x: Double, _ y: Double) {
    self.x = x
    self.y = y
  }
}

/// A named line on a chart; `marker` (e.g. `●`) is also drawn at each point, which keeps
/// series with few points (per-epoch test loss) distinguishable without colour.
public struct ChartSeries: Sendable, Equatable {
  public var name: String
  public var points: [ChartPoint]
  public var role: Role
  public var marker: Character?

  public init(_ name: String, points: [ChartPoint], role: Role, marker: Character? = nil) {
    self.name = name
    self.points = points
    self.role = role
    self.marker = marker
  }
}

/// A line chart in braille dots (ASCII dots without UTF-8): legend on top, y-axis labels and
/// ticks on the left, x-axis ticks and labels below.
public struct LineChart: Widget, Sendable {
  public var series: [ChartSeries]
  /// Fixed axis ranges; nil fits the data (y expanded to round ticks).
  public var xRange: ClosedRange<Double>?
  public var yRange: ClosedRange<Double>?
  /// Names the x axis at the right of the legend, e.g. `epoch`.
  public var xLabel: String

  public init(
    _ series: [ChartSeries], xRange: ClosedRange<Double>? = nil,
    yRange: ClosedRange<Double>? = nil, xLabel: String = ""
  ) {
    self.series = series
    self.xRange = xRange
    self.yRange = yRange
    self.xLabel = xLabel
  }

  /// Round tick values covering `low…high` with about `count` ticks, and the decimals to show.
  public static func ticks(low: Double, high: Double, count: Int) -> (
    values: [Double], decimals: Int
  ) {
    let span = high > low ? high - low : max(1, abs(high))
    let raw = span / Double(max(1, count - 1))
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw * 0.999 } ?? raw
    let first = (low / step + 1e-9).rounded(.down) * step
    let last = max(first + step, (high / step - 1e-9).rounded(.up) * step)
    var values: [Double] = []
    var index = 0.0
    while first + index * step <= last + step * 1e-6 {
      let v = first + index * step
      values.append(abs(v) < step * 1e-9 ? 0 : v)
      index += 1
    }
    let decimals =
      (0...4).first { d in
        let scaled = step * pow(10, Double(d))
        return abs(scaled - scaled.rounded()) < 1e-6
      } ?? 4
    return (values, decimals)
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    let finite = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
    let legendRows = series.contains { !$0.name.isEmpty } ? 1 : 0
    guard canvas.width >= 12, canvas.height >= legendRows + 4 else { return }
    drawLegend(in: &canvas, theme: theme)
    let plotRows = canvas.height - legendRows - 2
    let xs = finite.map(\.x)
    let ys = finite.map(\.y)
    let xLow = xRange?.lowerBound ?? xs.min() ?? 0
    var xHigh = xRange?.upperBound ?? xs.max() ?? 1
    if xHigh <= xLow { xHigh = xLow + 1 }
    let yTicks: (values: [Double], decimals: Int)
    if let yRange {
      let t = Self.ticks(
        low: yRange.lowerBound, high: yRange.upperBound, count: max(2, plotRows / 3 + 1))
      yTicks = (t.values.filter { yRange.contains($0) }, t.decimals)
    } else {
      yTicks = Self.ticks(
        low: ys.min() ?? 0, high: ys.max() ?? 1, count: max(2, min(6, plotRows / 3 + 1)))
    }
    let yLow = yRange?.lowerBound ?? yTicks.values.first ?? 0
    var yHigh = yRange?.upperBound ?? yTicks.values.last ?? 1
    if yHigh <= yLow { yHigh = yLow + 1 }
    let labels = yTicks.values.map { NumberFormat.fixed($0, yTicks.decimals) }
    let labelWidth = labels.map(\.count).max() ?? 1
    let plotX = labelWidth + 1
    let plotTop = legendRows
    let plotColumns = canvas.width - plotX
    var grid = DotGrid(columns: plotColumns, rows: plotRows, braille: theme.glyphs.isUnicode)
    func dot(_ p: ChartPoint) -> (x: Int, y: Int) {
      let fx = (p.x - xLow) / (xHigh - xLow)
      let fy = (yHigh - p.y) / (yHigh - yLow)
      return (
        Int((fx * Double(grid.dotWidth - 1)).rounded()),
        Int((fy * Double(grid.dotHeight - 1)).rounded())
      )
    }
    for (index, line) in series.enumerated() {
      var previous: (x: Int, y: Int)?
      for p in line.points {
        guard p.x.isFinite, p.y.isFinite else {
          previous = nil
          continue
        }
        let d = dot(p)
        if let previous {
          grid.line(from: previous, to: d, series: index)
        } else {
          grid.set(d.x, d.y, series: index)
        }
        previous = d
      }
    }
    let muted = theme.style(.muted)
    for row in 0..<plotRows {
      canvas[plotX - 1, plotTop + row] = Cell(theme.glyphs.vertical, style: muted)
      for column in 0..<plotColumns {
        guard let c = grid.character(column: column, row: row) else { continue }
        let owner = grid.series(column: column, row: row)
        canvas[plotX + column, plotTop + row] = Cell(c, style: theme.style(series[owner].role))
      }
    }
    for (index, line) in series.enumerated() {
      guard let symbol = line.marker else { continue }
      let marker = theme.glyphs.isUnicode ? symbol : Glyphs.asciiFallback(symbol)
      for p in line.points where p.x.isFinite && p.y.isFinite {
        let d = dot(p)
        canvas[plotX + d.x / grid.dotsX, plotTop + d.y / grid.dotsY] = Cell(
          marker, style: theme.style(series[index].role).adding(.bold))
      }
    }
    for (value, label) in zip(yTicks.values, labels) {
      let d = dot(ChartPoint(xLow, value))
      let row = plotTop + d.y / grid.dotsY
      canvas.put(NumberFormat.right(label, width: labelWidth), x: 0, y: row, style: muted)
      canvas[plotX - 1, row] = Cell(theme.glyphs.axisTickY, style: muted)
    }
    drawXAxis(
      in: &canvas, theme: theme, y: plotTop + plotRows, plotX: plotX, columns: plotColumns,
      low: xLow, high: xHigh)
  }

  private func drawLegend(in canvas: inout Canvas, theme: Theme) {
    var x = 0
    for line in series where !line.name.isEmpty {
      let style = theme.style(line.role)
      let sample =
        line.marker.map {
          let m = theme.glyphs.isUnicode ? $0 : Glyphs.asciiFallback($0)
          return "\(theme.glyphs.horizontal)\(m)\(theme.glyphs.horizontal)"
        }
        ?? String(repeating: theme.glyphs.horizontal, count: 3)
      x = canvas.put(sample, x: x, y: 0, style: style.adding(.bold))
      x = canvas.put(" \(line.name)   ", x: x, y: 0, style: theme.style(.text))
    }
    let axis = "x: \(xLabel)"
    if !xLabel.isEmpty, x + axis.count <= canvas.width {
      canvas.put(axis, x: canvas.width - axis.count, y: 0, style: theme.style(.muted))
    }
  }

  private func drawXAxis(
    in canvas: inout Canvas, theme: Theme, y: Int, plotX: Int, columns: Int, low: Double,
    high: Double
  ) {
    let muted = theme.style(.muted)
    canvas[plotX - 1, y] = Cell(theme.glyphs.axisCorner, style: muted)
    for column in 0..<columns {
      canvas[plotX + column, y] = Cell(theme.glyphs.horizontal, style: muted)
    }
    let ticks = Self.ticks(low: low, high: high, count: max(2, columns / 10 + 1))
    var nextFree = 0
    for value in ticks.values where value >= low - 1e-9 && value <= high + 1e-9 {
      let column = Int(((value - low) / (high - low) * Double(columns - 1)).rounded())
      canvas[plotX + column, y] = Cell(theme.glyphs.axisTickX, style: muted)
      let label = NumberFormat.fixed(value, ticks.decimals)
      let start = min(max(0, plotX + column - label.count / 2), canvas.width - label.count)
      guard start >= nextFree else { continue }
      canvas.put(label, x: start, y: y + 1, style: muted)
      nextFree = start + label.count + 1
    }
  }
}
