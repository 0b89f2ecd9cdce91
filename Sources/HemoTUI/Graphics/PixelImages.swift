#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lesson's choice of real-pixel images: which protocol, the cell size, tmux passthrough.
public struct PixelImages: Sendable, Equatable {
  public var proto: PixelProtocol
  public var cellSize: Size
  public var tmuxPassthrough: Bool

  public init(proto: PixelProtocol, cellSize: Size, tmuxPassthrough: Bool = false) {
    self.proto = proto
    self.cellSize = cellSize
    self.tmuxPassthrough = tmuxPassthrough
  }

  func layer() -> GraphicsLayer {
    let layer = GraphicsLayer(proto: proto, cellSize: cellSize)
    layer.tmuxPassthrough = tmuxPassthrough
    return layer
  }

  /// What the terminal on stdout can show, decided before ncurses starts: `forced` when given
  /// (`--graphics`), else the terminal's answers (kitty query, DA1 sixel; 150 ms at most), else
  /// environment hints. Nil for symbols: also with `NO_COLOR` or a non-UTF-8 locale, which keep
  /// their fallbacks, and inside tmux unless forced.
  public static func detect(forced: GraphicsMode?, environment: [String: String]) -> PixelImages? {
    let traits = ImagePrinter.terminalTraits(environment)
    let inTmux = environment["TMUX"] != nil
    var mode = forced
    var answers: TerminalAnswers?
    if mode == nil {
      guard traits.depth != .none, traits.unicode, isatty(1) == 1 else { return nil }
      if !inTmux { answers = TerminalProbe.ask(fd: 1) }
      mode = TerminalAnswers.decide(answers: answers, environment: environment)
    }
    guard case .pixels(let proto) = mode else { return nil }
    let cell =
      TerminalProbe.windowSize(fd: 1)?.cell ?? answers?.cellSize ?? Size(width: 10, height: 20)
    return PixelImages(proto: proto, cellSize: cell, tmuxPassthrough: inTmux)
  }
}
