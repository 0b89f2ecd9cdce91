/// A key and what it does, for the footer and help.
public struct KeyHint: Sendable, Equatable {
  public var key: String
  public var action: String

  public init(_ key: String, _ action: String) {
    self.key = key
    self.action = action
  }
}

/// A one-line footer of key hints; hints that do not fit are dropped from the end, whole.
public struct Footer: Widget, Sendable {
  public var hints: [KeyHint]

  public init(_ hints: [KeyHint]) { self.hints = hints }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    guard canvas.height > 0 else { return }
    var x = 1
    for hint in hints {
      let needed = hint.key.count + 1 + hint.action.count
      if x + needed > canvas.width { break }
      x = canvas.put(hint.key, x: x, y: 0, style: theme.style(.key))
      x = canvas.put(" " + hint.action, x: x, y: 0, style: theme.style(.muted)) + 2
    }
  }
}
