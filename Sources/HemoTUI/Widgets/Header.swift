/// The step header: `Step n/N`, the title, and progress dots on the right.
public struct Header: Widget, Sendable {
  /// 1-based current step.
  public var step: Int
  public var stepCount: Int
  public var title: String

  public init(step: Int, stepCount: Int, title: String) {
    self.step = step
    self.stepCount = stepCount
    self.title = title
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    guard canvas.height > 0 else { return }
    let style = theme.style(.header)
    canvas.fill(Rect(x: 0, y: 0, width: canvas.width, height: 1), " ", style: style)
    let glyphs = theme.glyphs
    let dots = (1...max(1, stepCount)).map { i -> String in
      String(i < step ? glyphs.dotDone : i == step ? glyphs.dotCurrent : glyphs.dotTodo)
    }
    let spaced = dots.joined(separator: " ")
    let progress = canvas.width >= 60 ? spaced : dots.joined()
    let progressX = canvas.width - progress.count - 1
    let left = " Step \(step)/\(stepCount)  "
    var x = canvas.put(left, x: 0, y: 0, style: style)
    let room = progressX - x - 1
    if room > 0 {
      x = canvas.put(
        Canvas.truncate(title, to: room, ellipsis: glyphs.ellipsis), x: x, y: 0, style: style)
    }
    if progressX > x { canvas.put(progress, x: progressX, y: 0, style: style) }
  }
}
