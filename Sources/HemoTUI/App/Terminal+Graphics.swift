import CNCurses

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Terminal {
  /// Writes bytes straight to the terminal (after ncurses has flushed), keeping the cursor where
  /// ncurses believes it is (DECSC … DECRC around them).
  func writeAround(_ text: String) {
    let bytes = Array(("\u{1B}7" + text + "\u{1B}8").utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
      if written <= 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return
      }
      offset += written
    }
  }

  /// Stops ncurses from erasing runs of blank cells (pixels may be drawn there).
  func keepBlankCells() { hl_keep_blank_cells() }

  /// Makes ncurses repaint rows `rows` from its own copy now (over pixels drawn there).
  func repaint(rows: Range<Int>) {
    guard !rows.isEmpty else { return }
    wredrawln(hl_stdscr(), Int32(rows.lowerBound), Int32(rows.count))
    wrefresh(hl_stdscr())
  }
}
