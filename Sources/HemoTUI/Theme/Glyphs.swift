/// The characters widgets draw with: Unicode (box drawing, blocks, braille) or an ASCII fallback
/// for terminals whose locale is not UTF-8.
public struct Glyphs: Sendable, Equatable {
  public var isUnicode: Bool
  public var horizontal: Character
  public var vertical: Character
  public var topLeft: Character
  public var topRight: Character
  public var bottomLeft: Character
  public var bottomRight: Character
  /// Axis corner and ticks of charts.
  public var axisCorner: Character
  public var axisTickY: Character
  public var axisTickX: Character
  /// Upper half block `▀`; nil when not available (then thumbnails use one pixel per cell).
  public var upperHalf: Character?
  /// Five shading levels, empty to full.
  public var shades: [Character]
  /// Partial bar glyphs in eighths, 1/8 … 8/8 (ASCII has only the full one).
  public var barEighths: [Character]
  public var ellipsis: Character
  public var dotDone: Character
  public var dotCurrent: Character
  public var dotTodo: Character
  public var scrollUp: Character
  public var scrollDown: Character
  public var scrollThumb: Character
  public var separator: Character
  public var marker: Character

  /// Unicode box drawing, blocks and braille.
  public static let unicode = Glyphs(
    isUnicode: true, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
    bottomLeft: "└", bottomRight: "┘", axisCorner: "└", axisTickY: "┤", axisTickX: "┬",
    upperHalf: "▀", shades: [" ", "░", "▒", "▓", "█"],
    barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], ellipsis: "…", dotDone: "●",
    dotCurrent: "◉", dotTodo: "○", scrollUp: "▲", scrollDown: "▼", scrollThumb: "█",
    separator: "·", marker: "▸")

  /// Plain ASCII for non-UTF-8 locales.
  public static let ascii = Glyphs(
    isUnicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
    bottomLeft: "+", bottomRight: "+", axisCorner: "+", axisTickY: "+", axisTickX: "+",
    upperHalf: nil, shades: [" ", ".", ":", "+", "#"], barEighths: ["#"], ellipsis: "~",
    dotDone: "*", dotCurrent: "@", dotTodo: ".", scrollUp: "^", scrollDown: "v",
    scrollThumb: "#", separator: "-", marker: ">")

  /// Shade for a level in 0...1.
  public func shade(_ level: Double) -> Character {
    let index = Int((max(0, min(1, level)) * Double(shades.count - 1)).rounded())
    return shades[index]
  }

  /// An ASCII stand-in for a character a non-UTF-8 terminal cannot show.
  public static func asciiFallback(_ character: Character) -> Character {
    if character.isASCII { return character }
    if let mapped = asciiTable[character] { return mapped }
    if let scalar = character.unicodeScalars.first {
      let v = scalar.value
      if (0x2500...0x257F).contains(v) { return "+" }
      if (0x2800...0x28FF).contains(v) { return v == 0x2800 ? " " : "*" }
      if (0x2580...0x259F).contains(v) { return "#" }
    }
    let stripped = String(character).decomposedStringWithCanonicalMappingLite
    if let first = stripped.first, first.isASCII { return first }
    return "?"
  }

  private static let asciiTable: [Character: Character] = [
    "─": "-", "│": "|", "═": "=", "║": "|", "←": "<", "→": ">", "↑": "^", "↓": "v",
    "×": "x", "·": "-", "•": "*", "…": "~", "—": "-", "–": "-", "‘": "'", "’": "'", "“": "\"",
    "”": "\"", "±": "+", "≥": ">", "≤": "<", "●": "*", "○": "o", "◉": "@", "▲": "^", "▼": "v",
    "▸": ">", "░": ".", "▒": ":", "▓": "+", "█": "#", "▀": "\"", "✓": "v", "✗": "x", "°": "o",
    "µ": "u", "²": "2", "³": "3", " ": " ", "−": "-", "≈": "~", "✔": "v", "✘": "x",
  ]
}

extension String {
  /// The first scalar of each character's canonical decomposition (é → e), without Foundation.
  fileprivate var decomposedStringWithCanonicalMappingLite: String {
    let table: [Character: Character] = [
      "à": "a", "á": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "ç": "c", "è": "e", "é": "e",
      "ê": "e", "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i", "ñ": "n", "ò": "o", "ó": "o",
      "ô": "o", "ö": "o", "õ": "o", "ù": "u", "ú": "u", "û": "u", "ü": "u", "ý": "y", "ÿ": "y",
      "À": "A", "Á": "A", "Â": "A", "Ä": "A", "Ç": "C", "È": "E", "É": "E", "Ê": "E", "Ö": "O",
      "Ü": "U", "ß": "s",
    ]
    return String(map { table[$0] ?? $0 })
  }
}
