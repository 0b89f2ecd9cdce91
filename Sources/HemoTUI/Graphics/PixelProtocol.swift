/// A terminal protocol that shows real pixels: DEC sixel, kitty graphics, or iTerm2 inline images.
public enum PixelProtocol: String, Sendable, CaseIterable {
  case sixel, kitty, iterm
}

/// How images are drawn in the terminal: real pixels through a protocol, chafa's symbol mosaics
/// (quadrants, sextants, blocks), or one half block per two pixels (the oldest fallback).
public enum GraphicsMode: Sendable, Hashable, CustomStringConvertible {
  case pixels(PixelProtocol)
  case symbols
  case blocks

  /// `sixel`, `kitty`, `iterm`, `symbols`, `blocks`.
  public var description: String {
    switch self {
    case .pixels(let p): p.rawValue
    case .symbols: "symbols"
    case .blocks: "blocks"
    }
  }

  /// The mode named on a command line (`auto` is not a mode: nil).
  public init?(name: String) {
    switch name.lowercased() {
    case "symbols": self = .symbols
    case "blocks": self = .blocks
    default:
      guard let p = PixelProtocol(rawValue: name.lowercased()) else { return nil }
      self = .pixels(p)
    }
  }
}
