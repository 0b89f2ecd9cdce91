import CChafa
import HemoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Draws RGB images with libchafa: into cells (a symbol per cell, with the colours the theme's
/// depth allows) or as a pixel-protocol escape sequence (sixel, kitty, iTerm2).
public enum ChafaRenderer {
  /// The symbols chafa may choose from with Unicode: blocks (halves, quadrants, eighths),
  /// sextants, space and solid. Each has a known coverage, so a rendering can be read back.
  static let unicodeSymbols: Int32 =
    CHAFA_SYMBOL_TAG_SPACE.rawValue | CHAFA_SYMBOL_TAG_SOLID.rawValue
    | CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_HALF.rawValue
    | CHAFA_SYMBOL_TAG_QUAD.rawValue | CHAFA_SYMBOL_TAG_SEXTANT.rawValue
  /// Half blocks only (the `blocks` mode): space, full, upper and lower half.
  static let halfBlockSymbols: Int32 =
    CHAFA_SYMBOL_TAG_SPACE.rawValue | CHAFA_SYMBOL_TAG_SOLID.rawValue
    | CHAFA_SYMBOL_TAG_VHALF.rawValue
  /// Printable ASCII, for terminals whose locale is not UTF-8.
  static let asciiSymbols: Int32 = CHAFA_SYMBOL_TAG_ASCII.rawValue

  /// Cells for `image` at `columns`×`rows`, row-major. `depth` picks the colours (256: the
  /// palette's cube and grey ramp, 16–255; 8: the basic colours; none: foreground on background,
  /// shape only); `unicode` false keeps to ASCII; `halfBlocks` restricts to `▀ ▄ █` and space.
  public static func cells(
    _ image: RGBImage, columns: Int, rows: Int, depth: ColourDepth, unicode: Bool,
    halfBlocks: Bool = false
  ) -> [Cell] {
    guard columns > 0, rows > 0 else { return [] }
    let canvas = makeCanvas(
      image, columns: columns, rows: rows, mode: canvasMode(depth),
      symbols: symbolTags(depth: depth, unicode: unicode, halfBlocks: halfBlocks),
      pixelMode: CHAFA_PIXEL_MODE_SYMBOLS, cellSize: nil)
    defer { chafa_canvas_unref(canvas) }
    let tints = depth == .eight ? tint(image, columns: columns, rows: rows) : []
    var out: [Cell] = []
    out.reserveCapacity(columns * rows)
    for y in 0..<rows {
      for x in 0..<columns {
        let code = chafa_canvas_get_char_at(canvas, Int32(x), Int32(y))
        var fg: Int32 = -1
        var bg: Int32 = -1
        chafa_canvas_get_raw_colors_at(canvas, Int32(x), Int32(y), &fg, &bg)
        let scalar = Unicode.Scalar(code) ?? " "
        var character = Character(scalar)
        if !unicode && !character.isASCII { character = "#" }
        if character == " " && unicode && depth == .extended {
          // A coloured blank invites ncurses to erase with the background colour (bce), which
          // terminals under tmux with a borrowed TERM do not honour: draw a full block instead.
          character = "█"
          fg = bg
        }
        if depth == .eight {
          out.append(
            Cell(character, style: Style(foreground: tints[y * columns + x], background: .black)))
          continue
        }
        out.append(Cell(character, style: style(fg: fg, bg: bg, depth: depth)))
      }
    }
    return out
  }

  /// The escape sequence that shows `image` in `columns`×`rows` cells of `cellSize` pixels
  /// through `proto` (chafa's own encoder; sixel bands, kitty chunks or iTerm2's base64 PNG).
  public static func pixels(
    _ image: RGBImage, columns: Int, rows: Int, cellSize: Size, proto: PixelProtocol
  ) -> String {
    guard columns > 0, rows > 0 else { return "" }
    let pixelMode: ChafaPixelMode =
      switch proto {
      case .sixel: CHAFA_PIXEL_MODE_SIXELS
      case .kitty: CHAFA_PIXEL_MODE_KITTY
      case .iterm: CHAFA_PIXEL_MODE_ITERM2
      }
    let canvas = makeCanvas(
      image, columns: columns, rows: rows, mode: CHAFA_CANVAS_MODE_TRUECOLOR,
      symbols: unicodeSymbols, pixelMode: pixelMode, cellSize: cellSize)
    defer { chafa_canvas_unref(canvas) }
    return print(canvas)
  }

  /// Symbol art as text with SGR colour sequences (what `hemolab show` prints for symbols).
  public static func ansi(
    _ image: RGBImage, columns: Int, rows: Int, depth: ColourDepth, trueColour: Bool,
    unicode: Bool, halfBlocks: Bool = false
  ) -> String {
    guard columns > 0, rows > 0 else { return "" }
    let mode = trueColour && depth == .extended ? CHAFA_CANVAS_MODE_TRUECOLOR : canvasMode(depth)
    let canvas = makeCanvas(
      image, columns: columns, rows: rows, mode: mode,
      symbols: symbolTags(depth: depth, unicode: unicode, halfBlocks: halfBlocks),
      pixelMode: CHAFA_PIXEL_MODE_SYMBOLS, cellSize: nil)
    defer { chafa_canvas_unref(canvas) }
    return print(canvas)
  }

  /// The foreground of each cell with eight colours: red where the image is red there
  /// (colour-coded blood), yellow on the mask outline, white elsewhere.
  static func tint(_ image: RGBImage, columns: Int, rows: Int) -> [Colour] {
    let average = Thumbnail.downsample(image, width: columns, height: rows)
    var out: [Colour] = []
    out.reserveCapacity(columns * rows)
    for cell in 0..<columns * rows {
      let (r, g, b) = (
        Int(average[cell * 3]), Int(average[cell * 3 + 1]), Int(average[cell * 3 + 2])
      )
      if r - max(g, b) > 60 {
        out.append(.red)
      } else if min(r, g) - b > 60 {
        out.append(.yellow)
      } else {
        out.append(.white)
      }
    }
    return out
  }

  /// Without colour, shades (`░ ▒ ▓`) carry the grey levels that colours would.
  static func symbolTags(depth: ColourDepth, unicode: Bool, halfBlocks: Bool) -> Int32 {
    if !unicode { return asciiSymbols }
    if halfBlocks { return halfBlockSymbols }
    return depth == .extended ? unicodeSymbols : unicodeSymbols | CHAFA_SYMBOL_TAG_STIPPLE.rawValue
  }

  /// chafa's effort for symbols (`HEMOLAB_CHAFA_WORK` overrides it, for measuring).
  static let workFactor: Float = {
    if let text = getenv("HEMOLAB_CHAFA_WORK"), let value = Float(String(cString: text)) {
      return max(0, min(1, value))
    }
    return 0.5
  }()

  static func canvasMode(_ depth: ColourDepth) -> ChafaCanvasMode {
    switch depth {
    case .extended: CHAFA_CANVAS_MODE_INDEXED_240
    // chafa's nearest of the eight colours to a CT grey is often yellow or blue: draw the
    // greys as white-on-black shapes and dither instead, and tint cells afterwards (`tint`).
    case .eight: CHAFA_CANVAS_MODE_FGBG
    case .none: CHAFA_CANVAS_MODE_FGBG
    }
  }

  private static func style(fg: Int32, bg: Int32, depth: ColourDepth) -> Style {
    guard depth != .none else { return .plain }
    // chafa reports the canvas background (black) as -1, "transparent": keep it black, so an
    // image looks the same on light and dark terminals.
    let black: Colour = depth == .extended ? .index(16) : .black
    func colour(_ value: Int32) -> Colour {
      (0...255).contains(value) ? .index(UInt8(value)) : black
    }
    return Style(foreground: colour(fg), background: colour(bg))
  }

  private static func makeCanvas(
    _ image: RGBImage, columns: Int, rows: Int, mode: ChafaCanvasMode, symbols: Int32,
    pixelMode: ChafaPixelMode, cellSize: Size?
  ) -> OpaquePointer {
    let config = chafa_canvas_config_new()
    defer { chafa_canvas_config_unref(config) }
    chafa_canvas_config_set_geometry(config, Int32(columns), Int32(rows))
    if let cellSize, cellSize.width > 0, cellSize.height > 0 {
      chafa_canvas_config_set_cell_geometry(config, Int32(cellSize.width), Int32(cellSize.height))
    }
    chafa_canvas_config_set_canvas_mode(config, mode)
    chafa_canvas_config_set_pixel_mode(config, pixelMode)
    chafa_canvas_config_set_fg_color(config, 0xFF_FFFF)
    chafa_canvas_config_set_bg_color(config, 0x00_0000)
    // chafa's effort per cell (0…1): symbol choice costs the most; 0.5 (its default) renders
    // an 84×42 viewer in 13 ms instead of 155 ms at 1.0, and the read-back test still passes.
    chafa_canvas_config_set_work_factor(
      config, pixelMode == CHAFA_PIXEL_MODE_SYMBOLS ? workFactor : 1.0)
    // Deterministic output: no dithering noise, no preprocessing that depends on statistics.
    chafa_canvas_config_set_dither_mode(
      config, mode == CHAFA_CANVAS_MODE_FGBG ? CHAFA_DITHER_MODE_ORDERED : CHAFA_DITHER_MODE_NONE)
    chafa_canvas_config_set_preprocessing_enabled(config, 0)
    let map = chafa_symbol_map_new()
    defer { chafa_symbol_map_unref(map) }
    chafa_symbol_map_add_by_tags(map, ChafaSymbolTags(rawValue: symbols))
    chafa_canvas_config_set_symbol_map(config, map)
    let canvas = chafa_canvas_new(config)!
    // RGBA, not RGB: libchafa 1.12 misreads RGB8 rows whose stride is not a multiple of four
    // (a 486-pixel-wide image comes out sheared).
    var rgba = [UInt8](repeating: 255, count: image.width * image.height * 4)
    for p in 0..<image.width * image.height {
      rgba[p * 4] = image.pixels[p * 3]
      rgba[p * 4 + 1] = image.pixels[p * 3 + 1]
      rgba[p * 4 + 2] = image.pixels[p * 3 + 2]
    }
    rgba.withUnsafeBufferPointer { bytes in
      chafa_canvas_draw_all_pixels(
        canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, bytes.baseAddress, Int32(image.width),
        Int32(image.height), Int32(image.width * 4))
    }
    return canvas
  }

  private static func print(_ canvas: OpaquePointer) -> String {
    var length = 0
    guard let bytes = hl_chafa_print(canvas, TermInfo.fallback.pointer, &length) else { return "" }
    defer { free(bytes) }
    return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
  }

  /// chafa's fallback terminal description, made once (it knows every sequence).
  private final class TermInfo: @unchecked Sendable {
    let pointer: OpaquePointer
    init() { pointer = hl_chafa_fallback_term_info() }
    static let fallback = TermInfo()
  }
}
