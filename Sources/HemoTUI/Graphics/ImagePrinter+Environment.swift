import HemoCore

extension ImagePrinter {
  /// Colour depth, 24-bit colour and UTF-8 as the environment describes the terminal:
  /// `NO_COLOR` turns colour off, `COLORTERM=truecolor|24bit` allows 24-bit, `TERM` names 256 or
  /// 8 colours (vt100, dumb: none), the locale (`LC_ALL`, `LC_CTYPE`, `LANG`) says UTF-8.
  public static func terminalTraits(_ environment: [String: String]) -> (
    depth: ColourDepth, trueColour: Bool, unicode: Bool
  ) {
    let term = environment["TERM"]?.lowercased() ?? ""
    let colourTerm = environment["COLORTERM"]?.lowercased() ?? ""
    let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
    var depth: ColourDepth =
      term.contains("256") || term.contains("kitty") || term.contains("direct")
        || colourTerm == "truecolor" || colourTerm == "24bit"
      ? .extended
      : term.isEmpty || term == "dumb" || term.hasPrefix("vt1") || term.hasPrefix("vt2")
        ? .none
        : .eight
    if noColour { depth = .none }
    let trueColour = depth == .extended && (colourTerm == "truecolor" || colourTerm == "24bit")
    let locale =
      [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
      .compactMap { $0 }.first { !$0.isEmpty } ?? ""
    let unicode = locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
    return (depth, trueColour, unicode)
  }
}
