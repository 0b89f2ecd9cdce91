import HemoLesson

/// The playground's colours at each depth: the map's named colours (`MapColour`) turned into
/// terminal styles, so every optimizer keeps one colour on the map, in the legend and on the
/// loss curve.
///
/// - 256 colours: a ten-step ramp from dark blue (low loss) through teal and green to yellow
///   (high), balls white, red, magenta and orange, the lowest point a yellow `×`.
/// - 8 colours: four bands (black, blue, cyan, green), balls white, red, magenta and yellow.
/// - No colour: the map is shaded with ` ░▒▓`; balls and the `×` are bold.
public enum PlaygroundPalette {
  /// The 256-colour ramp, lowest loss first (xterm indices).
  public static let ramp: [UInt8] = [17, 18, 24, 30, 36, 71, 113, 149, 185, 221]
  /// The four bands with eight colours, lowest loss first.
  public static let bands: [Colour] = [.black, .blue, .cyan, .green]

  /// How the map's ground is drawn at `depth`.
  public static func shading(_ depth: ColourDepth) -> MapShading {
    switch depth {
    case .extended: .ramp
    case .eight: .bands
    case .none: .shades
    }
  }

  /// How many bands the map has at `depth` (for the legend's scale).
  public static func levelCount(_ depth: ColourDepth) -> Int {
    depth == .extended ? PlaygroundMap.colourLevels : PlaygroundMap.shades.count
  }

  /// The terminal colour of a named map colour; nil in monochrome.
  public static func colour(_ name: MapColour, depth: ColourDepth) -> Colour? {
    switch (depth, name) {
    case (.none, _): return nil
    case (.extended, .level(let n)): return .index(ramp[min(max(n, 0), ramp.count - 1)])
    case (.eight, .level(let n)): return bands[min(max(n, 0), bands.count - 1)]
    case (.extended, .marker): return .index(226)
    case (.eight, .marker): return .white
    case (_, .optimizer(let kind)): return optimizerColour(kind, depth: depth)
    }
  }

  /// The style of one map cell.
  public static func style(_ cell: MapCell, theme: Theme) -> Style {
    var style = Style()
    if let name = cell.foreground, let c = colour(name, depth: theme.depth) {
      style.foreground = c
    }
    if let name = cell.background, let c = colour(name, depth: theme.depth) {
      style.background = c
    }
    if cell.glyph == "●" || cell.glyph == "×" || isArrowOrLetter(cell.glyph) {
      style.attributes.insert(.bold)
    }
    return style
  }

  /// An optimizer's style on the plain background (legend, readouts, loss curve).
  public static func optimizerStyle(_ kind: OptimizerKind, theme: Theme) -> Style {
    guard let c = optimizerColour(kind, depth: theme.depth) else { return Style(attributes: .bold) }
    return Style(foreground: c, attributes: .bold)
  }

  /// The style of one band's swatch in the legend's scale.
  public static func swatchStyle(level: Int, theme: Theme) -> Style {
    guard let c = colour(.level(level), depth: theme.depth) else { return .plain }
    return Style(foreground: c)
  }

  static func optimizerColour(_ kind: OptimizerKind, depth: ColourDepth) -> Colour? {
    switch depth {
    case .none: nil
    case .extended:
      switch kind {
      case .gradientDescent: .index(231)
      case .momentum: .index(196)
      case .rmsprop: .index(201)
      case .adam: .index(208)
      }
    case .eight:
      switch kind {
      case .gradientDescent: .white
      case .momentum: .red
      case .rmsprop: .magenta
      case .adam: .yellow
      }
    }
  }

  private static func isArrowOrLetter(_ glyph: Character) -> Bool {
    "▶◀▲▼GMRA".contains(glyph)
  }
}
