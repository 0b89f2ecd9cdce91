/// What a terminal said when asked about graphics: whether it answered the kitty graphics query,
/// whether its primary device attributes (DA1) list sixel (attribute 4), and its cell size.
public struct TerminalAnswers: Sendable, Equatable {
  public var kitty = false
  public var sixel = false
  /// The DA1 answer came (terminals answer in order, so everything asked before it has too).
  public var attributesSeen = false
  /// One cell in pixels, from `CSI 6 ; h ; w t` (the answer to `CSI 16 t`).
  public var cellSize: Size?
  /// The text area in pixels, from `CSI 4 ; h ; w t` (the answer to `CSI 14 t`).
  public var areaPixels: Size?

  public init() {}

  /// The questions, in the order the answers are expected: a 1×1 kitty graphics query (id 31),
  /// the text area and cell size in pixels, then DA1, which every terminal answers.
  public static let query =
    "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\\u{1B}[14t\u{1B}[16t\u{1B}[c"

  /// Reads the answers in `bytes` (any order, any junk between them).
  public static func parse(_ bytes: [UInt8]) -> TerminalAnswers {
    var answers = TerminalAnswers()
    let text = String(decoding: bytes, as: UTF8.self)
    if text.contains("\u{1B}_Gi=31;OK") { answers.kitty = true }
    var rest = Substring(text)
    while let start = rest.range(of: "\u{1B}[") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(where: { $0.isLetter }) else { break }
      let body = rest[..<end]
      let final = rest[end]
      rest = rest[rest.index(after: end)...]
      if final == "c", body.hasPrefix("?") {
        answers.attributesSeen = true
        let params = body.dropFirst().split(separator: ";").compactMap { Int($0) }
        if params.dropFirst().contains(4) { answers.sixel = true }
      } else if final == "t" {
        let params = body.split(separator: ";").compactMap { Int($0) }
        guard params.count == 3, params[1] > 0, params[2] > 0 else { continue }
        if params[0] == 6 { answers.cellSize = Size(width: params[2], height: params[1]) }
        if params[0] == 4 { answers.areaPixels = Size(width: params[2], height: params[1]) }
      }
    }
    return answers
  }

  /// The graphics mode these answers allow, else a hint from the environment, else symbols.
  /// Inside tmux pixel protocols are used only when `passthrough` (tmux's allow-passthrough).
  public static func decide(
    answers: TerminalAnswers?, environment: [String: String], passthrough: Bool = false
  ) -> GraphicsMode {
    let inTmux = environment["TMUX"] != nil
    if inTmux && !passthrough { return .symbols }
    if let answers, answers.kitty { return .pixels(.kitty) }
    if let answers, answers.sixel { return .pixels(.sixel) }
    if let answers, answers.attributesSeen, !inTmux {
      // The terminal answered and offered neither: env hints only add iTerm2 (it has no query).
      return environmentHint(environment) == .pixels(.iterm) ? .pixels(.iterm) : .symbols
    }
    return environmentHint(environment) ?? .symbols
  }

  /// A guess from variables terminals set, for when they could not be asked.
  public static func environmentHint(_ environment: [String: String]) -> GraphicsMode? {
    let program = environment["TERM_PROGRAM"]?.lowercased() ?? ""
    let term = environment["TERM"]?.lowercased() ?? ""
    if environment["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" || program == "ghostty" {
      return .pixels(.kitty)
    }
    if program == "iterm.app" || program == "wezterm" || environment["WEZTERM_EXECUTABLE"] != nil {
      return .pixels(.iterm)
    }
    if term.hasPrefix("foot") || term.hasPrefix("mlterm") || environment["WT_SESSION"] != nil {
      return .pixels(.sixel)
    }
    return nil
  }
}
