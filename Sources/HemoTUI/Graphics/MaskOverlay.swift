import HemoCore

/// Paints a blood mask's outline onto an image in yellow, at a resolution chosen so that the line
/// survives the terminal's rendering (one symbol sub-cell, or two screen pixels).
public enum MaskOverlay {
  /// The outline colour (xterm 226, pure yellow).
  public static let colour: (UInt8, UInt8, UInt8) = (255, 255, 0)

  /// `image` resized to `width`×`height` with the outline of `mask`, computed on a grid
  /// `scale` times coarser, drawn over it (each outline cell becomes a `scale`×`scale` block).
  public static func outlined(
    _ image: RGBImage, mask: PixelMask, width: Int, height: Int, scale: Int
  ) -> RGBImage {
    guard width > 0, height > 0 else { return image }
    var out = image.resized(width: width, height: height)
    let gridWidth = max(1, width / max(1, scale))
    let gridHeight = max(1, height / max(1, scale))
    let edge = Thumbnail.outline(mask, width: gridWidth, height: gridHeight)
    for y in 0..<height {
      let gy = min(gridHeight - 1, y * gridHeight / height)
      for x in 0..<width where edge[gy * gridWidth + min(gridWidth - 1, x * gridWidth / width)] {
        out[x, y] = (colour.0, colour.1, colour.2)
      }
    }
    return out
  }
}
