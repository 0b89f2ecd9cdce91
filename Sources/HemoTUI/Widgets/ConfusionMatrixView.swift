/// A confusion matrix as a text grid: rows are the true class, columns the predicted class,
/// counts centred in cells shaded by their share of the row, per-class accuracy beside each row,
/// an optional cursor cell, and metric lines (accuracy, sensitivity, … with intervals) below.
public struct ConfusionMatrixView: Widget, Sendable {
  /// A cell position: true class `row`, predicted class `column`.
  public struct Position: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
      self.row = row
      self.column = column
    }
  }

  public var classNames: [String]
  public var counts: [[Int]]
  public var cursor: Position?
  public var metricLines: [String]

  public init(
    classNames: [String], counts: [[Int]], cursor: Position? = nil, metricLines: [String] = []
  ) {
    self.classNames = classNames
    self.counts = counts
    self.cursor = cursor
    self.metricLines = metricLines
  }

  /// The label column's header (true class down, predicted class across).
  static let header = "true\\pred"

  /// Column widths (row labels, cells) for a canvas `width` columns wide. The label column wants
  /// the longest name (or the header, if longer) plus a one-column gap, up to 16 characters of
  /// name; when the canvas is too narrow the cells shrink first, then the label.
  func widths(for width: Int) -> (label: Int, cell: Int) {
    let n = max(1, classNames.count)
    let largest = counts.flatMap { $0 }.max() ?? 0
    let minimumCell = max(5, String(largest).count + 4)
    let longest = classNames.map(\.count).max() ?? 4
    let accuracyWidth = 8
    let wantedCell = min(12, max(minimumCell, longest + 2))
    let wantedLabel = min(16, max(Self.header.count, longest)) + 1
    var cell = wantedCell
    var label = wantedLabel
    while label + n * cell + accuracyWidth > width && cell > minimumCell { cell -= 1 }
    while label + n * cell + accuracyWidth > width && label > 4 { label -= 1 }
    if label < wantedLabel {
      // Names that no longer fit are shown abbreviated (IPH) or cut: the label column needs only
      // the longest of those; the columns it frees go back to the cells.
      let shown = classNames.map { ClassNameFit.fitted($0, width: label - 1, ellipsis: "…").count }
      label = min(label, max(Self.header.count, shown.max() ?? 0) + 1)
      while cell < wantedCell && label + n * (cell + 1) + accuracyWidth <= width { cell += 1 }
    }
    return (label, cell)
  }

  /// The cell under a canvas position (for mouse clicks), if any.
  public func position(atX x: Int, y: Int, width: Int) -> Position? {
    let (label, cell) = widths(for: width)
    let row = y - 1
    guard row >= 0, row < classNames.count, x >= label else { return nil }
    let column = (x - label) / cell
    return column < classNames.count ? Position(row: row, column: column) : nil
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    let n = classNames.count
    guard n > 0, counts.count == n, counts.allSatisfy({ $0.count == n }) else {
      canvas.put("no matrix yet", x: 0, y: 0, style: theme.style(.muted))
      return
    }
    let (labelWidth, cellWidth) = widths(for: canvas.width)
    let ellipsis = theme.glyphs.ellipsis
    let muted = theme.style(.muted)
    canvas.put(
      Canvas.truncate(Self.header, to: labelWidth - 1, ellipsis: ellipsis), x: 0, y: 0,
      style: muted)
    let headers = Self.headers(classNames, cellWidth: cellWidth, ellipsis: ellipsis)
    for (column, text) in headers.enumerated() {
      canvas.put(text, x: labelWidth + column * cellWidth, y: 0, style: theme.style(.title))
    }
    let accuracyX = labelWidth + n * cellWidth + 1
    canvas.put("correct", x: accuracyX, y: 0, style: muted)
    for row in 0..<n {
      let y = 1 + row
      canvas.put(
        ClassNameFit.fitted(classNames[row], width: labelWidth - 1, ellipsis: ellipsis), x: 0, y: y,
        style: theme.style(.title))
      let total = counts[row].reduce(0, +)
      for column in 0..<n {
        drawCell(
          in: &canvas, theme: theme, x: labelWidth + column * cellWidth, y: y, width: cellWidth,
          count: counts[row][column], total: total, diagonal: row == column,
          selected: cursor == Position(row: row, column: column))
        canvas.clickable(
          Rect(x: labelWidth + column * cellWidth, y: y, width: cellWidth, height: 1),
          .matrixCell(row: row, column: column))
      }
      let accuracy =
        total > 0 ? NumberFormat.percent(Double(counts[row][row]) / Double(total)) : "–"
      canvas.put(NumberFormat.right(accuracy, width: 6), x: accuracyX, y: y)
    }
    for (i, line) in metricLines.enumerated() {
      canvas.put(line, x: 0, y: n + 2 + i, width: canvas.width, ellipsis: ellipsis)
    }
  }

  /// The column headers, each centred in its cell and cut to leave a one-column gap, except
  /// that a header gets the whole cell when the headers beside it leave a blank column anyway
  /// (the label column and the gap before "correct" are always blank at the edges).
  static func headers(_ names: [String], cellWidth: Int, ellipsis: Character) -> [String] {
    var texts = names.map {
      NumberFormat.centred(
        ClassNameFit.fitted($0, width: cellWidth - 1, ellipsis: ellipsis), width: cellWidth)
    }
    for i in texts.indices {
      let leftClear = i == 0 || texts[i - 1].last == " "
      let rightClear = i == texts.count - 1 || texts[i + 1].first == " "
      guard leftClear, rightClear else { continue }
      texts[i] = NumberFormat.centred(
        ClassNameFit.fitted(names[i], width: cellWidth, ellipsis: ellipsis), width: cellWidth)
    }
    return texts
  }

  /// Shading level 0 (empty) … 4 (the whole row) of a cell.
  static func level(count: Int, total: Int) -> Int {
    guard count > 0, total > 0 else { return 0 }
    let fraction = Double(count) / Double(total)
    return min(4, 1 + Int(fraction * 4))
  }

  private func drawCell(
    in canvas: inout Canvas, theme: Theme, x: Int, y: Int, width: Int, count: Int, total: Int,
    diagonal: Bool, selected: Bool
  ) {
    let level = Self.level(count: count, total: total)
    var style = Style.plain
    var pad: Character = " "
    switch theme.depth {
    case .extended:
      let greens: [UInt8] = [0, 22, 28, 34, 40]
      let reds: [UInt8] = [0, 52, 88, 124, 160]
      if level > 0 {
        style = Style(
          foreground: .index(level >= 3 ? 231 : 252),
          background: .index(diagonal ? greens[level] : reds[level]))
      } else {
        style = theme.style(.muted)
      }
    case .eight:
      if level >= 3 {
        style = Style(foreground: .black, background: diagonal ? .green : .red)
      } else if level > 0 {
        style = Style(foreground: diagonal ? .green : .red)
        pad = theme.glyphs.shades[level]
      } else {
        style = theme.style(.muted)
      }
    case .none:
      if level == 4 {
        style = Style(attributes: .reverse)
      } else {
        pad = theme.glyphs.shades[level]
        style = level == 0 ? theme.style(.muted) : .plain
      }
    }
    let number = NumberFormat.centred(String(count), width: width - 1)
    var text = Array(number.map { $0 == " " ? pad : $0 })
    text.append(" ")
    if selected {
      text[0] = "["
      text[text.count - 2] = "]"
      style = style.adding([.bold, .underline])
    }
    canvas.put(String(text.dropLast()), x: x, y: y, style: style)
  }
}
