/// Column widths of characters, independent of the process locale (so rendering is pure and
/// identical in tests and in the terminal).
public enum CharacterWidth {
  /// 1 for ordinary characters, 2 for East Asian wide and emoji, 0 for controls.
  public static func columns(_ character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    let v = scalar.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    for range in wideRanges where range.contains(v) { return 2 }
    return 1
  }

  /// The character itself when it is one column wide, otherwise `?`.
  public static func singleColumn(_ character: Character) -> Character {
    columns(character) == 1 ? character : "?"
  }

  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
  ]
}
