/// What the event loop needs from a terminal: its size and theme, showing a buffer, reading a
/// key, and the signal that ends the program. `Terminal` (ncurses) is the real one;
/// `MemoryTerminal` runs the whole app in tests.
public protocol TerminalBackend: AnyObject {
  /// Colour depth and glyphs.
  var theme: Theme { get }
  /// The screen size in cells.
  var size: Size { get }
  /// SIGINT, SIGTERM or SIGHUP received, if any.
  var pendingSignal: Int32? { get }
  /// Shows `buffer`.
  func draw(_ buffer: CellBuffer)
  /// The next key, waiting up to `timeoutMilliseconds` (or until `interrupt`); nil when none came.
  func readKey(timeoutMilliseconds: Int32) -> Key?
  /// Ends a wait in `readKey` early, from any thread (another thread posted an event); nil when
  /// the wait is short anyway.
  var interrupter: (@Sendable () -> Void)? { get }
  /// Restores the terminal (idempotent).
  func stop()
}

extension Terminal: TerminalBackend {
  /// ncurses waits at most 50 ms for a key; posted events are taken after that.
  public var interrupter: (@Sendable () -> Void)? { nil }
}
