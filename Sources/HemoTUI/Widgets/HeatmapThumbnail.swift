import HemoCore
import HemoLesson
import HemoTrain

/// A CT image with a saliency heatmap over it and the blood outline on top. With 256 colours the
/// heat ramp is blended over the image in half blocks and the outline is cyan; with 8 colours hot
/// cells take a magenta, red or yellow background; without colour, hot cells are reversed and
/// warm ones bold, so the heat still reads in ASCII.
public struct HeatmapThumbnail: Widget, Sendable {
  public var image: RGBImage
  public var map: SaliencyMap
  public var mask: PixelMask?

  public init(_ image: RGBImage, map: SaliencyMap, mask: PixelMask? = nil) {
    self.image = image
    self.map = map
    self.mask = mask
  }

  /// The 8-colour band of a heat value, nil below the overlay's floor.
  static func band(_ value: Float) -> Colour? {
    guard value > SaliencyOverlay.floor else { return nil }
    return value > 0.75 ? .yellow : value > 0.45 ? .red : .magenta
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    let w = canvas.width
    let h = canvas.height
    guard w > 0, h > 0 else { return }
    let pixelRows = HalfBlockPainter.pixelRows(cells: h, theme: theme)
    let display =
      theme.depth == .extended ? SaliencyOverlay.render(image, map: map, mask: nil) : image
    let pixels = Thumbnail.downsample(display, width: w, height: pixelRows)
    let heat = SaliencyOverlay.resampled(map, width: w, height: pixelRows)
    let edge = mask.map { Thumbnail.outline($0, width: w, height: pixelRows) }
    HalfBlockPainter.paint(
      pixels, edge: edge, outline: .index(51), in: &canvas, theme: theme
    ) { p, x, row, onEdge in
      shadedCell(p, heat: heat[row * w + x], edge: onEdge, theme: theme)
    }
  }

  private func shadedCell(_ p: (UInt8, UInt8, UInt8), heat: Float, edge: Bool, theme: Theme)
    -> Cell
  {
    if edge {
      return Cell(
        "+", style: theme.depth == .eight ? Style(foreground: .cyan) : Style(attributes: .bold))
    }
    let luminance = (Double(p.0) * 0.299 + Double(p.1) * 0.587 + Double(p.2) * 0.114) / 255
    let character = theme.glyphs.shade(luminance)
    guard let band = Self.band(heat) else {
      return Cell(character, style: theme.depth == .eight ? Style(foreground: .white) : .plain)
    }
    if theme.depth == .eight {
      return Cell(character, style: Style(foreground: .black, background: band))
    }
    // Monochrome: hot reversed (a blank reversed cell still shows), warm bold.
    if heat > 0.45 {
      return Cell(character == " " ? "." : character, style: Style(attributes: .reverse))
    }
    return Cell(character == " " ? "." : character, style: Style(attributes: .bold))
  }

  /// The legend line: "heat low ▀▀▀▀ high" in the heat colours (8-colour bands, or the words
  /// bold / reverse without colour), and the outline's colour.
  public static func legend(theme: Theme, hasMask: Bool) -> [(String, Style)] {
    var parts: [(String, Style)] = [("heat ", .plain)]
    switch theme.depth {
    case .extended:
      parts.append(("low ", .plain))
      for step in 0..<8 {
        let (r, g, b) = SaliencyOverlay.heat(0.2 + 0.8 * Float(step) / 7)
        parts.append((" ", Style(background: theme.colour(r: r, g: g, b: b)!)))
      }
      parts.append((" high", .plain))
      if hasMask { parts.append(("  blood outline", Style(foreground: .index(51)))) }
    case .eight:
      parts.append(("low ", .plain))
      for band in [Colour.magenta, .red, .yellow] {
        parts.append(("  ", Style(background: band)))
      }
      parts.append((" high", .plain))
      if hasMask { parts.append(("  + blood", Style(foreground: .cyan))) }
    case .none:
      parts.append(("warm ", .plain))
      parts.append(("bold", Style(attributes: .bold)))
      parts.append((" hot ", .plain))
      parts.append(("reverse", Style(attributes: .reverse)))
      if hasMask { parts.append(("  + blood", Style(attributes: .bold))) }
    }
    return parts
  }
}
