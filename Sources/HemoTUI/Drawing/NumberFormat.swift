import Foundation

/// Number formatting for widgets (fixed decimals, percentages), locale-independent.
public enum NumberFormat {
  /// `value` with `decimals` digits after the point; `–` for NaN or infinity.
  public static func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "–" }
    return String(format: "%.\(max(0, decimals))f", value)
  }

  /// `fraction` (0…1) as a percentage with `decimals` digits, e.g. `93.3%`.
  public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
    guard fraction.isFinite else { return "–" }
    return fixed(fraction * 100, decimals) + "%"
  }

  /// `text` padded with spaces on both sides to `width` (left-biased), or cut to it.
  public static func centred(_ text: String, width: Int) -> String {
    guard text.count < width else { return String(text.prefix(width)) }
    let left = (width - text.count) / 2
    return String(repeating: " ", count: left) + text
      + String(repeating: " ", count: width - text.count - left)
  }

  /// `text` right-aligned in `width` columns (cut from the left when longer).
  public static func right(_ text: String, width: Int) -> String {
    guard text.count < width else { return String(text.suffix(width)) }
    return String(repeating: " ", count: width - text.count) + text
  }

  /// `text` left-aligned in `width` columns (cut when longer).
  public static func left(_ text: String, width: Int) -> String {
    guard text.count < width else { return String(text.prefix(width)) }
    return text + String(repeating: " ", count: width - text.count)
  }
}
