/// One labelled bar.
public struct Bar: Sendable, Equatable {
  public var label: String
  public var value: Double
  public var role: Role

  public init(_ label: String, _ value: Double, role: Role = .accent) {
    self.label = label
    self.value = value
    self.role = role
  }
}

/// Horizontal bars on a common linear scale, one per row: label, bar, value. Class counts of 30
/// and 1000 look as lopsided as they are.
public struct HorizontalBars: Widget, Sendable {
  /// How values are printed after the bar.
  public enum ValueFormat: Sendable, Equatable {
    case count
    case percent
  }

  public var bars: [Bar]
  /// The value of a full-width bar; nil uses the largest value.
  public var scaleMax: Double?
  public var format: ValueFormat

  public init(_ bars: [Bar], scaleMax: Double? = nil, format: ValueFormat = .count) {
    self.bars = bars
    self.scaleMax = scaleMax
    self.format = format
  }

  /// A bar of `width` cells for `value` on a scale of `maximum`, in eighths with Unicode glyphs.
  /// A positive value always shows at least the thinnest glyph; it is never longer than `width`.
  public static func bar(value: Double, maximum: Double, width: Int, glyphs: Glyphs) -> String {
    guard width > 0, maximum > 0, value > 0 else { return "" }
    let steps = glyphs.barEighths.count
    let fraction = min(1, value / maximum)
    var units = Int((fraction * Double(width * steps)).rounded())
    units = max(1, units)
    let full = units / steps
    let partial = units % steps
    var text = String(repeating: glyphs.barEighths[steps - 1], count: full)
    if partial > 0 { text.append(glyphs.barEighths[partial - 1]) }
    return text
  }

  func valueText(_ value: Double) -> String {
    switch format {
    case .count: value.isFinite ? String(Int(value.rounded())) : "–"
    case .percent: NumberFormat.percent(value, decimals: 0)
    }
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    guard !bars.isEmpty, canvas.width > 0 else { return }
    let labelWidth = min(bars.map(\.label.count).max() ?? 0, max(4, canvas.width / 3))
    let valueWidth = bars.map { valueText($0.value).count }.max() ?? 0
    let barWidth = max(0, canvas.width - labelWidth - valueWidth - 2)
    let maximum = scaleMax ?? bars.map(\.value).max() ?? 0
    for (row, item) in bars.enumerated() where row < canvas.height {
      canvas.put(
        Canvas.truncate(item.label, to: labelWidth, ellipsis: theme.glyphs.ellipsis), x: 0,
        y: row, style: theme.style(.text))
      let bar = Self.bar(value: item.value, maximum: maximum, width: barWidth, glyphs: theme.glyphs)
      let barStyle = theme.depth == .none ? Style.plain : theme.style(item.role)
      canvas.put(bar, x: labelWidth + 1, y: row, style: barStyle)
      canvas.put(
        NumberFormat.right(valueText(item.value), width: valueWidth),
        x: labelWidth + 2 + barWidth, y: row, style: theme.style(.text))
    }
  }
}
