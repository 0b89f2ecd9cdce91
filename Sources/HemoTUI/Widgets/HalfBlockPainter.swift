/// Paints downsampled RGB pixels into a canvas: with 256 colours two pixel rows a cell (an upper
/// half block, foreground the top pixel, background the bottom one), or one pixel a cell as a
/// background colour when the glyphs have no half block; with fewer colours each cell comes from
/// `shaded`. Pixels on `edge` take the `outline` colour.
enum HalfBlockPainter {
  /// Pixel rows the canvas shows under `theme`: two a cell when half blocks can be drawn.
  static func pixelRows(cells rows: Int, theme: Theme) -> Int {
    theme.depth == .extended && theme.glyphs.upperHalf != nil ? rows * 2 : rows
  }

  /// `pixels` are `canvas.width × pixelRows(…)` RGB triples; `edge` the same size, or nil.
  static func paint(
    _ pixels: [UInt8], edge: [Bool]?, outline: Colour, in canvas: inout Canvas, theme: Theme,
    shaded: (_ rgb: (UInt8, UInt8, UInt8), _ x: Int, _ row: Int, _ onEdge: Bool) -> Cell
  ) {
    let w = canvas.width
    let halfBlocks = theme.depth == .extended
    func rgb(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
      let i = (y * w + x) * 3
      return (pixels[i], pixels[i + 1], pixels[i + 2])
    }
    func onEdge(_ x: Int, _ y: Int) -> Bool { edge?[y * w + x] ?? false }
    func colour(_ x: Int, _ y: Int) -> Colour {
      if onEdge(x, y) { return outline }
      let p = rgb(x, y)
      return theme.colour(r: p.0, g: p.1, b: p.2)!
    }
    for row in 0..<canvas.height {
      for x in 0..<w {
        if halfBlocks, let upper = theme.glyphs.upperHalf {
          canvas[x, row] = Cell(
            upper, style: Style(foreground: colour(x, row * 2), background: colour(x, row * 2 + 1)))
        } else if halfBlocks {
          canvas[x, row] = Cell(" ", style: Style(background: colour(x, row)))
        } else {
          canvas[x, row] = shaded(rgb(x, row), x, row, onEdge(x, row))
        }
      }
    }
  }
}
