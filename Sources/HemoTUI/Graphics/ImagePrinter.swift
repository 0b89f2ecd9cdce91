import HemoCore

/// What `hemolab show` prints for one image: symbol art with colours, or a pixel-protocol
/// sequence, sized in cells, with the blood outline when a mask is given.
public struct ImagePrinter: Sendable {
  public var mode: GraphicsMode
  /// Colours of symbol art (pixel protocols always send 24-bit colour).
  public var depth: ColourDepth
  /// 24-bit SGR colours for symbols (COLORTERM=truecolor) instead of the 256-colour palette.
  public var trueColour: Bool
  /// UTF-8 terminal; ASCII symbols otherwise.
  public var unicode: Bool
  /// A character cell in pixels (for pixel protocols and the aspect ratio).
  public var cellSize: Size

  public init(
    mode: GraphicsMode, depth: ColourDepth, trueColour: Bool, unicode: Bool, cellSize: Size
  ) {
    self.mode = mode
    self.depth = depth
    self.trueColour = trueColour
    self.unicode = unicode
    self.cellSize = cellSize
  }

  /// The bytes that draw `image` (with `mask`'s outline) in `columns`×`rows` cells, ending with
  /// the cursor on the line after the image.
  public func render(_ image: RGBImage, mask: PixelMask? = nil, columns: Int, rows: Int) -> String {
    switch mode {
    case .pixels(let proto):
      let width = columns * cellSize.width
      let height = rows * cellSize.height
      let source = mask.map {
        MaskOverlay.outlined(image, mask: $0, width: width, height: height, scale: 2)
      }
      return ChafaRenderer.pixels(
        source ?? image, columns: columns, rows: rows, cellSize: cellSize, proto: proto) + "\n"
    case .symbols, .blocks:
      let source = mask.map {
        MaskOverlay.outlined(image, mask: $0, width: columns * 4, height: rows * 6, scale: 2)
      }
      let art = ChafaRenderer.ansi(
        source ?? image, columns: columns, rows: rows, depth: depth, trueColour: trueColour,
        unicode: unicode, halfBlocks: mode == .blocks)
      let reset = depth == .none ? "" : "\u{1B}[0m"
      return art + reset + "\n"
    }
  }
}
