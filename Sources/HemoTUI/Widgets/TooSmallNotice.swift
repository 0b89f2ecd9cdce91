/// The whole-screen notice shown when the terminal is below the minimum size.
public struct TooSmallNotice: Widget, Sendable {
  public var current: Size
  public var needed: Size

  public init(current: Size, needed: Size) {
    self.current = current
    self.needed = needed
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    let message = "terminal too small: \(current), need \(needed)"
    let lines =
      TextWrap.lines(message, width: canvas.width).map { $0.map(\.text).joined() }
      + [""]
      + TextWrap.lines("Enlarge the window, or press q to quit.", width: canvas.width)
      .map { $0.map(\.text).joined() }
    let top = max(0, (canvas.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
      let x = max(0, (canvas.width - line.count) / 2)
      canvas.put(line, x: x, y: top + i, style: theme.style(i == 0 ? .warn : .muted))
    }
  }
}
