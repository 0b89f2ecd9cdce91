/// A terminal colour: the terminal's default, or an index into the 256-colour palette
/// (0–7 are the eight basic colours).
public enum Colour: Sendable, Hashable, CustomStringConvertible {
  case `default`
  case index(UInt8)

  public static let black = Colour.index(0)
  public static let red = Colour.index(1)
  public static let green = Colour.index(2)
  public static let yellow = Colour.index(3)
  public static let blue = Colour.index(4)
  public static let magenta = Colour.index(5)
  public static let cyan = Colour.index(6)
  public static let white = Colour.index(7)

  public var description: String {
    switch self {
    case .default: "-"
    case .index(let i): String(i)
    }
  }
}

/// Text attributes of a cell.
public struct Attributes: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = Attributes(rawValue: 1)
  public static let dim = Attributes(rawValue: 2)
  public static let reverse = Attributes(rawValue: 4)
  public static let underline = Attributes(rawValue: 8)

  /// Compact names for golden text: `bold dim reverse underline`.
  public var names: [String] {
    var out: [String] = []
    if contains(.bold) { out.append("bold") }
    if contains(.dim) { out.append("dim") }
    if contains(.reverse) { out.append("reverse") }
    if contains(.underline) { out.append("underline") }
    return out
  }
}

/// Foreground, background and attributes of a cell.
public struct Style: Sendable, Hashable, CustomStringConvertible {
  public var foreground: Colour
  public var background: Colour
  public var attributes: Attributes

  public init(
    foreground: Colour = .default, background: Colour = .default, attributes: Attributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  public static let plain = Style()

  /// The same style with extra attributes.
  public func adding(_ extra: Attributes) -> Style {
    var copy = self
    copy.attributes.formUnion(extra)
    return copy
  }

  /// `fg=… bg=… bold`, omitting defaults; `plain` when nothing is set.
  public var description: String {
    var parts: [String] = []
    if foreground != .default { parts.append("fg=\(foreground)") }
    if background != .default { parts.append("bg=\(background)") }
    parts += attributes.names
    return parts.isEmpty ? "plain" : parts.joined(separator: " ")
  }
}

/// One terminal cell: a single-column character and its style.
public struct Cell: Sendable, Hashable {
  public var character: Character
  public var style: Style

  public init(_ character: Character = " ", style: Style = .plain) {
    self.character = character
    self.style = style
  }

  public static let blank = Cell()
}
