/// A centred box over the screen with a title and wrapped, scrollable text (help, confirmations).
public struct Modal: Widget, Sendable {
  public var title: String
  public var text: String
  public var scroll: Int
  /// Largest width of the box, borders included.
  public var maxWidth: Int

  public init(title: String, text: String, scroll: Int = 0, maxWidth: Int = 72) {
    self.title = title
    self.text = text
    self.scroll = scroll
    self.maxWidth = maxWidth
  }

  /// Where the box goes in a canvas of `size`.
  public func frame(in size: Size) -> Rect {
    let width = min(maxWidth, size.width - 4)
    let lines = TextWrap.lineCount(text, width: max(1, width - 4))
    let height = min(lines + 2, size.height - 2)
    return Rect(size: size).centred(Size(width: width, height: height))
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    let box = frame(in: canvas.size)
    guard box.width >= 8, box.height >= 3 else { return }
    canvas.fill(box)
    canvas.box(
      box, title: title, glyphs: theme.glyphs, style: theme.style(.accent),
      titleStyle: theme.style(.title))
    canvas.draw(
      TextPane(text, scroll: scroll), in: box.inset(top: 1, left: 2, bottom: 1, right: 1),
      theme: theme)
  }
}
