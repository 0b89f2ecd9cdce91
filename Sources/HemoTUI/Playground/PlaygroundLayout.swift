import HemoLesson

/// Where the parts of the playground go in a region of `size`: a title row, the map (kept near
/// the surface's proportions, as square map pixels) with its colour scale below, the side panel,
/// the explanation when it has room of its own, and one or two rows of key hints at the bottom.
public struct PlaygroundLayout: Sendable, Equatable {
  /// The narrowest side panel worth drawing.
  public static let panelMinimum = 34
  /// The map never takes more than this share of the width.
  static let mapShare = 0.62

  public var title: Rect
  public var map: Rect
  public var scale: Rect
  public var panel: Rect
  /// The explanation's place when it fits on screen; nil puts it behind `t`.
  public var text: Rect?
  public var hints: Rect
  /// The hints as they are laid out, one array per row.
  public var hintRows: [[KeyHint]]

  public init(size: Size, surface: LossSurface) {
    let width = size.width
    let flowed = Self.flow(PlaygroundKeys.hints, width: width, rows: 2, withAbout: false)
    let inline = Self.flow(PlaygroundKeys.hints, width: width, rows: 1, withAbout: false)[0]
    // One row of hints when they fit there, two otherwise; `t about` only when needed.
    var hintRows = inline.count == PlaygroundKeys.hints.count - 1 ? [inline] : flowed
    let hintHeight = hintRows.count == 1 ? 1 : 2
    title = Rect(x: 0, y: 0, width: width, height: 1)
    let mainTop = 1
    let mainHeight = max(0, size.height - 1 - hintHeight)
    hints = Rect(x: 0, y: mainTop + mainHeight, width: width, height: hintHeight)

    let (xs, ys) = surface.domain
    let aspect = (xs.upperBound - xs.lowerBound) / (ys.upperBound - ys.lowerBound)
    let rowsAvailable = max(1, mainHeight - 1)
    let widest = min(
      width - Self.panelMinimum - 2, Int(Double(width) * Self.mapShare))
    let columns = max(
      0, min(widest, Int((Double(rowsAvailable) * 2 * aspect).rounded())))
    let rows = max(1, min(rowsAvailable, Int((Double(columns) / (2 * aspect)).rounded())))
    map = Rect(x: 0, y: mainTop, width: columns, height: rows)
    scale = Rect(x: 0, y: mainTop + rows, width: columns, height: 1)
    panel = Rect(x: columns + 2, y: mainTop, width: width - columns - 2, height: mainHeight)

    // The explanation: under the map if there is room, else at the foot of the panel.
    let below = mainHeight - rows - 2
    let textBelow = TextWrap.lineCount(Self.explanation, width: columns) + 1
    if columns >= 40 && below >= textBelow {
      text = Rect(x: 0, y: mainTop + rows + 2, width: columns, height: below)
    } else {
      let needed = TextWrap.lineCount(Self.explanation, width: panel.width) + 1
      let panelNeeds = PlaygroundLayout.panelRowsBeforeText
      if mainHeight - panelNeeds >= needed {
        text = Rect(
          x: panel.x, y: panel.maxY - needed, width: panel.width, height: needed)
        panel.height = mainHeight - needed - 1
      } else {
        text = nil
      }
    }
    if text == nil {
      hintRows = Self.flow(PlaygroundKeys.hints, width: width, rows: hintHeight, withAbout: true)
    }
    self.hintRows = hintRows
  }

  /// Rows the panel needs for its settings, four readouts, a verdict and a readable loss curve.
  static let panelRowsBeforeText = 3 + 4 + 3 + 10

  /// The explanation as one text: the title in bold, then the paragraphs.
  public static var explanation: String {
    "**\(PlaygroundText.title)**\n" + PlaygroundText.paragraphs.joined(separator: "\n")
  }

  /// Hints flowed into at most `rows` rows of `width`, in order, dropping whole hints that no
  /// longer fit; `t about` is kept only when `withAbout`.
  static func flow(_ hints: [KeyHint], width: Int, rows: Int, withAbout: Bool) -> [[KeyHint]] {
    var out: [[KeyHint]] = [[]]
    var x = 1
    for hint in hints where withAbout || hint.key != "t" {
      let needed = hint.key.count + 1 + hint.action.count
      if x + needed > width {
        guard out.count < rows else { break }
        out.append([])
        x = 1
        guard needed < width else { break }
      }
      out[out.count - 1].append(hint)
      x += needed + 2
    }
    return out
  }
}
