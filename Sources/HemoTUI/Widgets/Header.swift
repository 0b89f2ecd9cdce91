/// The step header: `Step n/N`, the title, and progress dots on the right.
public struct Header: Widget, Sendable {
  /// 1-based current step.
  public var step: Int
  public var stepCount: Int
  public var title: String
  /// A short note before the dots (which data is in use), dropped first when space is short.
  public var badge: String?

  public init(step: Int, stepCount: Int, title: String, badge: String? = nil) {
    self.step = step
    self.stepCount = stepCount
    self.title = title
    self.badge = badge
  }

  /// The x of step `n`'s dot (1-based) in a header `width` wide.
  public static func dotX(_ n: Int, stepCount: Int, width: Int) -> Int {
    let spaced = width >= 60
    let length = spaced ? stepCount * 2 - 1 : stepCount
    return width - length - 1 + (n - 1) * (spaced ? 2 : 1)
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
    var room = progressX - x - 1
    if let badge, room >= badge.count + 24 {
      let badgeX = progressX - badge.count - 2
      canvas.put(badge, x: badgeX, y: 0, style: style)
      room = badgeX - x - 2
    }
    if room > 0 {
      x = canvas.put(
        Canvas.truncate(title, to: room, ellipsis: glyphs.ellipsis), x: x, y: 0, style: style)
    }
    if progressX > x {
      canvas.put(progress, x: progressX, y: 0, style: style)
      for n in 1...max(1, stepCount) {
        let dotX = Self.dotX(n, stepCount: stepCount, width: canvas.width)
        canvas.clickable(
          Rect(x: dotX, y: 0, width: canvas.width >= 60 ? 2 : 1, height: 1), .step(n))
      }
    }
  }
}
