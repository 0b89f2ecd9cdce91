#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Asks the terminal on a file descriptor (a tty) about graphics, with a short timeout, in raw
/// mode, restoring the terminal's settings afterwards. Used before ncurses starts, or by
/// `hemolab show` on its own.
public enum TerminalProbe {
  /// Sends `TerminalAnswers.query` and reads until the DA1 answer or `timeoutMilliseconds`.
  /// Nil when `fd` is not a terminal.
  public static func ask(fd: Int32, timeoutMilliseconds: Int = 150) -> TerminalAnswers? {
    guard isatty(fd) == 1 else { return nil }
    var saved = termios()
    guard tcgetattr(fd, &saved) == 0 else { return nil }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutablePointer(to: &raw.c_cc) {
      $0.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) { cc in
        cc[Int(VMIN)] = 0
        cc[Int(VTIME)] = 0
      }
    }
    tcsetattr(fd, TCSANOW, &raw)
    defer { tcsetattr(fd, TCSANOW, &saved) }
    let query = Array(TerminalAnswers.query.utf8)
    _ = query.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 512)
    var clock = timespec()
    clock_gettime(CLOCK_MONOTONIC, &clock)
    let deadline = milliseconds(clock) + timeoutMilliseconds
    while true {
      clock_gettime(CLOCK_MONOTONIC, &clock)
      let left = deadline - milliseconds(clock)
      if left <= 0 { break }
      var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, Int32(left)) > 0 else { break }
      let count = read(fd, &buffer, buffer.count)
      if count <= 0 { break }
      received += buffer[0..<count]
      if TerminalAnswers.parse(received).attributesSeen { break }
    }
    return TerminalAnswers.parse(received)
  }

  /// The terminal's size in cells and, when the kernel knows it, one cell in pixels
  /// (TIOCGWINSZ's ws_xpixel/ws_ypixel divided by the columns and rows).
  public static func windowSize(fd: Int32) -> (cells: Size, cell: Size?)? {
    var size = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
      return nil
    }
    let cells = Size(width: Int(size.ws_col), height: Int(size.ws_row))
    guard size.ws_xpixel > 0, size.ws_ypixel > 0 else { return (cells, nil) }
    return (
      cells,
      Size(width: Int(size.ws_xpixel) / cells.width, height: Int(size.ws_ypixel) / cells.height)
    )
  }

  private static func milliseconds(_ t: timespec) -> Int { t.tv_sec * 1000 + t.tv_nsec / 1_000_000 }
}
