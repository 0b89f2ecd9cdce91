import HemoLesson

/// The gradient descent playground drawn into any region: the lesson's step 1 hosts it in its
/// body, `hemolab descent --play` full screen. Pure: the same state, size and theme give the
/// same cells.
public struct PlaygroundView: Widget, Sendable {
  public var state: PlaygroundState

  public init(_ state: PlaygroundState) { self.state = state }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    guard canvas.width >= 20, canvas.height >= 6 else {
      canvas.put(
        "Gradient descent playground: needs more room", x: 0, y: 0, style: theme.style(.warn))
      return
    }
    let layout = PlaygroundLayout(size: canvas.size, surface: state.surface)
    drawTitle(in: &canvas, rect: layout.title, theme: theme)
    drawMap(in: &canvas, rect: layout.map, theme: theme)
    drawScale(in: &canvas, rect: layout.scale, theme: theme)
    if layout.panel.width >= 16 {
      canvas.draw(PlaygroundPanel(state), in: layout.panel, theme: theme)
    }
    if let text = layout.text {
      canvas.draw(TextPane(PlaygroundLayout.explanation, role: .text), in: text, theme: theme)
    }
    drawHints(layout.hintRows, in: &canvas, rect: layout.hints, theme: theme)
    if layout.text == nil && state.showsText {
      canvas.draw(
        Modal(
          title: PlaygroundText.title,
          text: PlaygroundText.paragraphs.joined(separator: "\n\n") + "\n\n(t or Esc closes this)"),
        in: canvas.bounds, theme: theme)
    }
  }

  /// The surface's summary, its name (before the colon) in bold.
  private func drawTitle(in canvas: inout Canvas, rect: Rect, theme: Theme) {
    let summary = state.surface.summary
    let parts = summary.split(separator: ":", maxSplits: 1)
    let head = parts.count == 2 ? String(parts[0]) + ":" : ""
    let tail = parts.count == 2 ? String(parts[1]) : summary
    let x = canvas.put(head, x: rect.x, y: rect.y, style: theme.style(.title))
    canvas.put(
      tail, x: x, y: rect.y, width: rect.maxX - x, ellipsis: theme.glyphs.ellipsis,
      style: theme.style(.text))
  }

  private func drawMap(in canvas: inout Canvas, rect: Rect, theme: Theme) {
    let shading = theme.glyphs.isUnicode ? PlaygroundPalette.shading(theme.depth) : .shades
    let grid = PlaygroundMap.cells(
      state, columns: rect.width, rows: rect.height, shading: shading,
      letters: theme.depth != .extended && state.balls.count > 1)
    for (row, cells) in grid.enumerated() {
      for (column, cell) in cells.enumerated() {
        canvas[rect.x + column, rect.y + row] = Cell(
          cell.glyph, style: PlaygroundPalette.style(cell, theme: theme))
      }
    }
  }

  /// `× lowest point   low ▀▀▀▀ high loss`: what the marks and colours mean.
  private func drawScale(in canvas: inout Canvas, rect: Rect, theme: Theme) {
    let muted = theme.style(.muted)
    var x = rect.x
    let marker = Cell(
      "×", style: PlaygroundPalette.style(MapCell("×", foreground: .marker), theme: theme))
    canvas[x, rect.y] = marker
    x = canvas.put(" lowest point   low ", x: x + 1, y: rect.y, style: muted)
    let levels = PlaygroundPalette.levelCount(theme.depth)
    for level in 0..<levels {
      if theme.depth == .none {
        canvas[x, rect.y] = Cell(PlaygroundMap.shades[level])
        x += 1
      } else {
        let swatch = Cell("█", style: PlaygroundPalette.swatchStyle(level: level, theme: theme))
        for _ in 0..<(levels > 4 ? 1 : 2) {
          canvas[x, rect.y] = swatch
          x += 1
        }
      }
    }
    canvas.put(" high loss", x: x, y: rect.y, style: muted)
  }

  private func drawHints(_ rows: [[KeyHint]], in canvas: inout Canvas, rect: Rect, theme: Theme) {
    for (index, hints) in rows.enumerated() where index < rect.height {
      var x = rect.x + 1
      for hint in hints {
        x = canvas.put(hint.key, x: x, y: rect.y + index, style: theme.style(.key))
        x = canvas.put(" " + hint.action, x: x, y: rect.y + index, style: theme.style(.muted)) + 2
      }
    }
  }
}
