/// Wrapped, scrollable text with `**emphasis**` and a scroll indicator in the right column when
/// the text is longer than the pane.
public struct TextPane: Widget, Sendable {
  public var text: String
  /// First visible line (clamped to the text).
  public var scroll: Int
  public var role: Role

  public init(_ text: String, scroll: Int = 0, role: Role = .text) {
    self.text = text
    self.scroll = scroll
    self.role = role
  }

  /// The largest useful scroll offset for a pane of `size`.
  public static func maxScroll(_ text: String, size: Size) -> Int {
    let all = TextWrap.lineCount(text, width: size.width)
    if all <= size.height { return 0 }
    return max(0, TextWrap.lineCount(text, width: size.width - 1) - size.height)
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    guard canvas.width > 0, canvas.height > 0 else { return }
    var lines = TextWrap.lines(text, width: canvas.width)
    let scrolls = lines.count > canvas.height && canvas.width > 1
    if scrolls { lines = TextWrap.lines(text, width: canvas.width - 1) }
    let maxScroll = max(0, lines.count - canvas.height)
    let top = min(max(0, scroll), maxScroll)
    let base = theme.style(role)
    let strong = base.adding(.bold)
    for row in 0..<canvas.height where top + row < lines.count {
      var x = 0
      for run in lines[top + row] {
        x = canvas.put(run.text, x: x, y: row, style: run.emphasis ? strong : base)
      }
    }
    guard scrolls else { return }
    let column = canvas.width - 1
    let muted = theme.style(.muted)
    let track = canvas.height
    let thumbSize = max(1, track * track / lines.count)
    let thumbTop = maxScroll == 0 ? 0 : (track - thumbSize) * top / maxScroll
    for row in 0..<track {
      let inThumb = row >= thumbTop && row < thumbTop + thumbSize
      canvas[column, row] = Cell(
        inThumb ? theme.glyphs.scrollThumb : theme.glyphs.vertical, style: muted)
    }
    if top > 0 { canvas[column, 0] = Cell(theme.glyphs.scrollUp, style: theme.style(.accent)) }
    if top < maxScroll {
      canvas[column, track - 1] = Cell(theme.glyphs.scrollDown, style: theme.style(.accent))
    }
  }
}
