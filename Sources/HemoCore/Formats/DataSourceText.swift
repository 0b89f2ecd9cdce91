/// Makes text taken from a file (zip entry names, CSV cells) safe to show in a one-line message:
/// control characters (newlines, escape sequences) become `?`, and long text is cut with "…".
public enum DataSourceText {
  public static func printable(_ text: String, limit: Int = 80) -> String {
    var result = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count == limit {
        result += "…"
        break
      }
      let value = scalar.value
      let isControl =
        value < 0x20 || (value >= 0x7F && value < 0xA0) || value == 0x2028
        || value == 0x2029
      result.unicodeScalars.append(isControl ? "?" : scalar)
      count += 1
    }
    return result
  }
}
