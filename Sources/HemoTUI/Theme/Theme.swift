/// How many colours the terminal shows.
public enum ColourDepth: Int, Sendable, CaseIterable, CustomStringConvertible {
  /// Monochrome: attributes (bold, dim, reverse) and shading characters only.
  case none = 0
  /// The eight basic colours.
  case eight = 8
  /// The xterm 256-colour palette.
  case extended = 256

  public var description: String {
    switch self {
    case .none: "no colour"
    case .eight: "8 colours"
    case .extended: "256 colours"
    }
  }
}

/// What a piece of text means; the theme decides how that looks at each colour depth.
public enum Role: Sendable, Hashable, CaseIterable {
  case text, muted, accent, good, bad, warn, title, selection, border, key, header
}

/// Maps semantic roles and ramps to terminal styles for one colour depth and glyph set.
public struct Theme: Sendable, Equatable {
  public var depth: ColourDepth
  public var glyphs: Glyphs
  /// Images are left to the graphics layer (sixel, kitty, iTerm2) instead of drawn as symbols.
  public var pixelImages = false

  public init(depth: ColourDepth, glyphs: Glyphs = .unicode) {
    self.depth = depth
    self.glyphs = glyphs
  }

  public static let extended = Theme(depth: .extended)
  public static let eight = Theme(depth: .eight)
  public static let monochrome = Theme(depth: .none)
  public static let ascii = Theme(depth: .none, glyphs: .ascii)

  /// The style of a role.
  public func style(_ role: Role) -> Style {
    switch depth {
    case .extended:
      switch role {
      case .text: .plain
      case .muted: Style(foreground: .index(245))
      case .accent: Style(foreground: .index(75), attributes: .bold)
      case .good: Style(foreground: .index(78))
      case .bad: Style(foreground: .index(203))
      case .warn: Style(foreground: .index(221))
      case .title: Style(attributes: .bold)
      case .selection: Style(attributes: .reverse)
      case .border: Style(foreground: .index(240))
      case .key: Style(foreground: .index(75), attributes: .bold)
      case .header: Style(foreground: .index(255), background: .index(24), attributes: .bold)
      }
    case .eight:
      switch role {
      case .text: .plain
      case .muted: Style(attributes: .dim)
      case .accent: Style(foreground: .cyan, attributes: .bold)
      case .good: Style(foreground: .green)
      case .bad: Style(foreground: .red)
      case .warn: Style(foreground: .yellow)
      case .title: Style(attributes: .bold)
      case .selection: Style(attributes: .reverse)
      case .border: Style(foreground: .blue)
      case .key: Style(foreground: .cyan, attributes: .bold)
      case .header: Style(foreground: .white, background: .blue, attributes: .bold)
      }
    case .none:
      switch role {
      case .text, .border: .plain
      case .muted: Style(attributes: .dim)
      case .accent, .good, .warn, .title, .key: Style(attributes: .bold)
      case .bad: Style(attributes: [.bold, .underline])
      case .selection, .header: Style(attributes: .reverse)
      }
    }
  }

  /// The 256-colour grey for `level` (0 black … 255 white); nil without 256 colours (callers
  /// then shade with characters).
  public func greyColour(_ level: UInt8) -> Colour? {
    depth == .extended ? .index(Palette.grey(level)) : nil
  }

  /// A red-ramp colour for `level` (0 … 255); the basic red with 8 colours; nil in monochrome.
  public func redColour(_ level: UInt8) -> Colour? {
    switch depth {
    case .extended: .index(Palette.red(level))
    case .eight: level >= 64 ? .red : .black
    case .none: nil
    }
  }

  /// The nearest colour to an RGB pixel; nil in monochrome.
  public func colour(r: UInt8, g: UInt8, b: UInt8) -> Colour? {
    switch depth {
    case .extended: .index(Palette.nearest(r: r, g: g, b: b))
    case .eight: .index(Palette.basic(r: r, g: g, b: b))
    case .none: nil
    }
  }
}
