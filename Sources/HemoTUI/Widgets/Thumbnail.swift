import HemoCore

/// A CT image in a block of cells, drawn by libchafa with symbols (quadrants, sextants, eighth
/// blocks: up to six pixels a cell instead of a half block's two) in the colours the theme has
/// (256: cube and grey ramp; 8: basic colours; none: shape only) and ASCII where the terminal
/// is not UTF-8. An optional mask is drawn as a yellow outline. `drawHalfBlocks` keeps the older
/// half-block rendering.
public struct Thumbnail: Widget, Sendable {
  public var image: RGBImage
  public var mask: PixelMask?

  public init(_ image: RGBImage, mask: PixelMask? = nil) {
    self.image = image
    self.mask = mask
  }

  /// Cell width that keeps the image's aspect ratio at `height` rows (cells are about twice as
  /// tall as wide).
  public static func width(forHeight height: Int, imageWidth: Int, imageHeight: Int) -> Int {
    guard imageHeight > 0 else { return 0 }
    return max(1, Int((Double(height * 2 * imageWidth) / Double(imageHeight)).rounded()))
  }

  /// Area-average downsampling of an RGB image to `width`×`height` pixels (interleaved RGB).
  public static func downsample(_ image: RGBImage, width: Int, height: Int) -> [UInt8] {
    guard width > 0, height > 0, image.width > 0, image.height > 0 else { return [] }
    var out = [UInt8](repeating: 0, count: width * height * 3)
    for ty in 0..<height {
      let y0 = ty * image.height / height
      let y1 = max(y0 + 1, (ty + 1) * image.height / height)
      for tx in 0..<width {
        let x0 = tx * image.width / width
        let x1 = max(x0 + 1, (tx + 1) * image.width / width)
        var sum = (0, 0, 0)
        for y in y0..<y1 {
          for x in x0..<x1 {
            let i = (y * image.width + x) * 3
            sum.0 += Int(image.pixels[i])
            sum.1 += Int(image.pixels[i + 1])
            sum.2 += Int(image.pixels[i + 2])
          }
        }
        let n = (y1 - y0) * (x1 - x0)
        let o = (ty * width + tx) * 3
        out[o] = UInt8((sum.0 + n / 2) / n)
        out[o + 1] = UInt8((sum.1 + n / 2) / n)
        out[o + 2] = UInt8((sum.2 + n / 2) / n)
      }
    }
    return out
  }

  /// Outline of `mask` at `width`×`height`: pixels covering any mask pixel that touch a pixel
  /// covering none (or the edge).
  public static func outline(_ mask: PixelMask, width: Int, height: Int) -> [Bool] {
    guard width > 0, height > 0, mask.width > 0, mask.height > 0 else { return [] }
    let covered = mask.covering(width: width, height: height)
    func isCovered(_ x: Int, _ y: Int) -> Bool {
      x >= 0 && y >= 0 && x < width && y < height && covered[x, y]
    }
    return (0..<width * height).map { i in
      let (x, y) = (i % width, i / width)
      return covered[x, y]
        && !(isCovered(x - 1, y) && isCovered(x + 1, y) && isCovered(x, y - 1)
          && isCovered(x, y + 1))
    }
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    let (columns, rows) = (canvas.width, canvas.height)
    guard columns > 0, rows > 0 else { return }
    if theme.pixelImages {
      canvas.fill(canvas.bounds)
      canvas.buffer.images.append(ImagePlacement(rect: canvas.frame, image: image, mask: mask))
      return
    }
    let unicode = theme.glyphs.isUnicode
    let key = SymbolCache.Key(
      image: image, mask: mask, columns: columns, rows: rows, depth: theme.depth,
      unicode: unicode)
    let cells = SymbolCache.shared.cells(key) {
      // The outline is painted at a sextant sub-cell (2×3 per cell), doubled so it survives.
      let source = mask.map {
        MaskOverlay.outlined(image, mask: $0, width: columns * 4, height: rows * 6, scale: 2)
      }
      return ChafaRenderer.cells(
        source ?? image, columns: columns, rows: rows, depth: theme.depth, unicode: unicode)
    }
    for row in 0..<rows {
      for x in 0..<columns { canvas[x, row] = cells[row * columns + x] }
    }
  }

  /// The half-block rendering (two pixels a cell with 256 colours, shading characters
  /// otherwise).
  public func drawHalfBlocks(in canvas: inout Canvas, theme: Theme) {
    let w = canvas.width
    let h = canvas.height
    guard w > 0, h > 0 else { return }
    let pixelRows = HalfBlockPainter.pixelRows(cells: h, theme: theme)
    let pixels = Self.downsample(image, width: w, height: pixelRows)
    let edge = mask.map { Self.outline($0, width: w, height: pixelRows) }
    HalfBlockPainter.paint(
      pixels, edge: edge, outline: .index(226), in: &canvas, theme: theme
    ) { p, _, _, onEdge in
      shadedCell(p, edge: onEdge, theme: theme)
    }
  }

  private func shadedCell(_ p: (UInt8, UInt8, UInt8), edge: Bool, theme: Theme) -> Cell {
    if edge {
      return Cell(
        "+", style: theme.depth == .eight ? Style(foreground: .yellow) : Style(attributes: .bold))
    }
    let luminance = (Double(p.0) * 0.299 + Double(p.1) * 0.587 + Double(p.2) * 0.114) / 255
    let saturated = Int(p.0) - Int(max(p.1, p.2)) > 60
    let character = theme.glyphs.shade(saturated ? max(luminance, 0.5) : luminance)
    guard theme.depth == .eight else { return Cell(character) }
    return Cell(character, style: Style(foreground: saturated ? .red : .white))
  }
}
