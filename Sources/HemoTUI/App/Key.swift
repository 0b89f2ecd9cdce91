/// A decoded key press (or mouse click, or terminal resize).
public enum Key: Sendable, Hashable {
  case up, down, left, right
  case enter, space, escape, tab, backTab, backspace, delete
  case home, end, pageUp, pageDown
  case character(Character)
  /// A left click at a screen cell.
  case click(x: Int, y: Int)
  /// A mouse wheel step.
  case wheel(up: Bool)
  case resize
}

/// What the app's reducer reacts to.
public enum Event: Sendable, Hashable {
  case key(Key)
  /// The terminal changed size.
  case resize(Size)
  /// Time passed (at least 10 times a second), for live data.
  case tick
}
