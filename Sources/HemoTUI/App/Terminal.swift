import CNCurses
import CTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal through ncursesw: start-up, colour pairs, blitting `CellBuffer`s, decoding
/// keys, and restoring the tty on exit, signals and crashes. The only file that imports CNCurses;
/// use it from the main thread only.
public final class Terminal {
  /// True when stdin and stdout are both terminals (otherwise ncurses must not start).
  public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

  /// Colour depth and glyphs detected at start-up (or forced).
  public let theme: Theme
  private var previous: CellBuffer?
  /// How many times `draw` has redrawn the whole screen (the graphics layer then redraws its
  /// images).
  public private(set) var fullRedraws = 0
  private var pairs: [PairKey: Int32] = [:]
  private var nextPair: Int32 = 1
  private var running = true

  private struct PairKey: Hashable {
    var foreground: Int32
    var background: Int32
  }

  /// Starts ncurses: locale, raw-ish input (cbreak, no echo, keypad), colours, mouse, and the
  /// handlers that restore the terminal. `depth` forces a colour depth (never above what the
  /// terminal has); `NO_COLOR` turns colour off.
  /// Draws pixel images after each frame, when the terminal shows them (see `PixelImages`).
  private var graphics: GraphicsLayer?

  public init(depth forced: ColourDepth? = nil, pixels: PixelImages? = nil) {
    setlocale(LC_ALL, "")
    let codeset = String(cString: hl_codeset()).uppercased()
    let utf8 = codeset == "UTF-8" || codeset == "UTF8"
    initscr()
    hl_install_crash_hook { _ = endwin() }
    hl_install_exit_signals { _ = endwin() }
    cbreak()
    noecho()
    nonl()
    keypad(hl_stdscr(), true)
    set_escdelay(25)
    curs_set(0)
    wtimeout(hl_stdscr(), 50)
    mousemask(hl_mouse_button1_clicked() | hl_mouse_scroll_up() | hl_mouse_scroll_down(), nil)
    mouseinterval(0)
    let noColour = (getenv("NO_COLOR").map { String(cString: $0) } ?? "").isEmpty == false
    var detected = ColourDepth.none
    if !noColour && has_colors() {
      start_color()
      use_default_colors()
      detected = hl_colors() >= 256 ? .extended : hl_colors() >= 8 ? .eight : .none
    }
    let depth = forced.map { ColourDepth(rawValue: min($0.rawValue, detected.rawValue)) ?? .none }
    var theme = Theme(depth: depth ?? detected, glyphs: utf8 ? .unicode : .ascii)
    graphics = pixels?.layer()
    theme.pixelImages = graphics != nil
    self.theme = theme
  }

  deinit { stop() }

  /// The screen size in cells.
  public var size: Size { Size(width: Int(hl_cols()), height: Int(hl_lines())) }

  /// The signal (SIGINT, SIGTERM, SIGHUP) received since start-up, if any.
  public var pendingSignal: Int32? {
    let s = hl_pending_exit_signal()
    return s == 0 ? nil : s
  }

  /// Restores the terminal (idempotent).
  public func stop() {
    guard running else { return }
    running = false
    endwin()
    hl_remove_exit_signals()
    hl_remove_crash_hook()
  }

  /// Shows `buffer`, writing only cells that changed since the last call.
  public func draw(_ buffer: CellBuffer) {
    let screen = hl_stdscr()
    let full = previous?.size != buffer.size
    if full {
      wclear(screen)
      fullRedraws += 1
    }
    var cell = cchar_t()
    for y in 0..<buffer.height {
      for x in 0..<buffer.width {
        let c = buffer[x, y]
        if !full, let previous, previous[x, y] == c { continue }
        var text: [wchar_t] = c.character.unicodeScalars.prefix(4).map { wchar_t($0.value) }
        text.append(0)
        var pair = pairNumber(c.style)
        setcchar(&cell, text, attributes(c.style.attributes), 0, &pair)
        mvwadd_wch(screen, Int32(y), Int32(x), &cell)
      }
    }
    previous = buffer
    wnoutrefresh(screen)
    doupdate()
    if let graphics {
      if full, let cell = TerminalProbe.windowSize(fd: 1)?.cell { graphics.cellSize = cell }
      graphics.present(buffer, on: self)
    }
  }

  /// Forgets what is on screen, so the next `draw` repaints everything.
  public func invalidate() { previous = nil }

  /// The next key, waiting up to `timeoutMilliseconds`; nil when none came.
  public func readKey(timeoutMilliseconds: Int32 = 50) -> Key? {
    wtimeout(hl_stdscr(), timeoutMilliseconds)
    var value: wint_t = 0
    let status = wget_wch(hl_stdscr(), &value)
    if status == hl_err() { return nil }
    let code = Int32(bitPattern: UInt32(value))
    if status == hl_key_code_yes() { return functionKey(code) }
    switch code {
    case 10, 13: return .enter
    case 27: return .escape
    case 9: return .tab
    case 32: return .space
    case 8, 127: return .backspace
    default:
      guard let scalar = Unicode.Scalar(UInt32(value)), code >= 32 else { return nil }
      return .character(Character(scalar))
    }
  }

  private func functionKey(_ code: Int32) -> Key? {
    if code == hl_key_resize() {
      invalidate()
      return .resize
    }
    if code == hl_key_mouse() { return mouseKey() }
    let table: [(Int32, Key)] = [
      (hl_key_up(), .up), (hl_key_down(), .down), (hl_key_left(), .left),
      (hl_key_right(), .right), (hl_key_enter(), .enter), (hl_key_backspace(), .backspace),
      (hl_key_delete(), .delete), (hl_key_home(), .home), (hl_key_end(), .end),
      (hl_key_page_up(), .pageUp), (hl_key_page_down(), .pageDown), (hl_key_back_tab(), .backTab),
    ]
    return table.first { $0.0 == code }?.1
  }

  private func mouseKey() -> Key? {
    var event = MEVENT()
    guard getmouse(&event) != hl_err() else { return nil }
    if event.bstate & hl_mouse_button1_clicked() != 0 {
      return .click(x: Int(event.x), y: Int(event.y))
    }
    if event.bstate & hl_mouse_scroll_up() != 0 { return .wheel(up: true) }
    let down = hl_mouse_scroll_down()
    if down != 0 && event.bstate & down != 0 { return .wheel(up: false) }
    return nil
  }

  private func attributes(_ a: Attributes) -> attr_t {
    var result: attr_t = 0
    if a.contains(.bold) { result |= hl_a_bold() }
    if a.contains(.dim) { result |= hl_a_dim() }
    if a.contains(.reverse) { result |= hl_a_reverse() }
    if a.contains(.underline) { result |= hl_a_underline() }
    return result
  }

  private func colourNumber(_ colour: Colour) -> Int32 {
    switch colour {
    case .default: -1
    case .index(let i): Int32(i)
    }
  }

  private func pairNumber(_ style: Style) -> Int32 {
    guard theme.depth != .none else { return 0 }
    let key = PairKey(
      foreground: colourNumber(style.foreground), background: colourNumber(style.background))
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let known = pairs[key] { return known }
    if nextPair >= hl_color_pairs() { return 0 }
    let number = nextPair
    nextPair += 1
    init_extended_pair(number, key.foreground, key.background)
    pairs[key] = number
    return number
  }
}
