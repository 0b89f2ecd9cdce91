/// A run of text with or without emphasis (`**bold**` in the source).
public struct TextRun: Sendable, Equatable {
  public var text: String
  public var emphasis: Bool

  public init(_ text: String, emphasis: Bool = false) {
    self.text = text
    self.emphasis = emphasis
  }
}

/// Word-wraps text into lines of runs: paragraphs on `\n`, `**…**` emphasis, hanging indent for
/// `- ` bullets, words longer than the width broken hard.
public enum TextWrap {
  /// The wrapped lines of `text` at `width` columns.
  public static func lines(_ text: String, width: Int) -> [[TextRun]] {
    guard width > 0 else { return [] }
    var out: [[TextRun]] = []
    var bold = false
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var chars: [(Character, Bool)] = []
      var rest = Substring(paragraph)
      while let c = rest.first {
        if rest.hasPrefix("**") {
          bold.toggle()
          rest = rest.dropFirst(2)
        } else {
          chars.append((c, bold))
          rest = rest.dropFirst()
        }
      }
      let indent = (paragraph.hasPrefix("- ") || paragraph.hasPrefix("• ")) && width > 4 ? 2 : 0
      out += wrap(chars, width: width, indent: indent).map(runs)
    }
    return out
  }

  /// The number of wrapped lines.
  public static func lineCount(_ text: String, width: Int) -> Int {
    lines(text, width: width).count
  }

  private static func wrap(_ chars: [(Character, Bool)], width: Int, indent: Int) -> [[(
    Character, Bool
  )]] {
    if chars.isEmpty { return [[]] }
    var lines: [[(Character, Bool)]] = []
    var line: [(Character, Bool)] = []
    var i = 0
    while i < chars.count {
      if chars[i].0 == " " {
        i += 1
        if !line.isEmpty, line.count < width { line.append((" ", chars[i - 1].1)) }
        continue
      }
      var end = i
      while end < chars.count, chars[end].0 != " " { end += 1 }
      let word = Array(chars[i..<end])
      if line.count + word.count > width, !line.allSatisfy({ $0.0 == " " }) {
        lines.append(trimmed(line))
        line = Array(repeating: (" ", false), count: indent)
      }
      var piece = word[...]
      while line.count + piece.count > width {
        let room = width - line.count
        line += piece.prefix(room)
        piece = piece.dropFirst(room)
        lines.append(line)
        line = Array(repeating: (" ", false), count: indent)
      }
      line += piece
      i = end
    }
    if !line.allSatisfy({ $0.0 == " " }) || lines.isEmpty { lines.append(trimmed(line)) }
    return lines
  }

  private static func trimmed(_ line: [(Character, Bool)]) -> [(Character, Bool)] {
    var copy = line
    while copy.last?.0 == " " { copy.removeLast() }
    return copy
  }

  private static func runs(_ line: [(Character, Bool)]) -> [TextRun] {
    var result: [TextRun] = []
    for (c, bold) in line {
      if let last = result.last, last.emphasis == bold {
        result[result.count - 1].text.append(c)
      } else {
        result.append(TextRun(String(c), emphasis: bold))
      }
    }
    return result
  }
}
