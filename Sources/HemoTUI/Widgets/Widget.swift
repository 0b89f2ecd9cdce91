/// Something that draws itself into a canvas region; pure (same inputs, same cells).
public protocol Widget {
  func draw(in canvas: inout Canvas, theme: Theme)
}

extension Canvas {
  /// Draws `widget` into the local rectangle `rect`.
  public mutating func draw(_ widget: some Widget, in rect: Rect, theme: Theme) {
    region(rect) { widget.draw(in: &$0, theme: theme) }
  }
}
