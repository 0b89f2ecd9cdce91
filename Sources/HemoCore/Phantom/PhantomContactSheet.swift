/// A grid of slices in a window, each with its blood outlined and its subtypes shown as coloured
/// squares in the top-left corner, for a person to look at beside real CT.
public enum PhantomContactSheet {
  /// Colour of each subtype's marker square and of the blood outline.
  public static func colour(of subtype: HemorrhageSubtype) -> (UInt8, UInt8, UInt8) {
    switch subtype {
    case .epidural: (255, 140, 0)
    case .intraparenchymal: (255, 40, 40)
    case .intraventricular: (230, 0, 230)
    case .subarachnoid: (255, 230, 0)
    case .subdural: (0, 220, 80)
    }
  }

  /// One slice in `window`, with its blood outline (when `outline`) and subtype markers.
  public static func tile(_ slice: PhantomSlice, window: Window = .brain, outline: Bool = true)
    -> RGBImage
  {
    let image = slice.image
    var tile = RGBImage(width: image.width, height: image.height, grey: window.grey(image))
    let mask = slice.bloodMask
    let subtypes = HemorrhageSubtype.allCases.filter { slice.labels.contains($0) }
    if outline, let first = subtypes.first {
      let c = subtypes.count == 1 ? colour(of: first) : (0, 200, 255)
      for y in 0..<mask.height {
        for x in 0..<mask.width where mask[x, y] {
          let edge =
            x == 0 || y == 0 || x == mask.width - 1 || y == mask.height - 1 || !mask[x - 1, y]
            || !mask[x + 1, y] || !mask[x, y - 1] || !mask[x, y + 1]
          if edge { tile[x, y] = c }
        }
      }
    }
    let square = max(4, image.width / 32)
    for (slot, subtype) in subtypes.enumerated() {
      let c = colour(of: subtype)
      for y in 2..<(2 + square) {
        for x in (2 + slot * (square + 2))..<(2 + slot * (square + 2) + square)
        where x < tile.width && y < tile.height {
          tile[x, y] = c
        }
      }
    }
    return tile
  }

  /// Tiles laid out `columns` wide, separated by a 2-pixel dark gap.
  public static func sheet(_ tiles: [RGBImage], columns: Int) -> RGBImage? {
    guard let first = tiles.first, columns > 0 else { return nil }
    let gap = 2
    let columns = min(columns, tiles.count)
    let rows = (tiles.count + columns - 1) / columns
    let width = columns * first.width + (columns - 1) * gap
    let height = rows * first.height + (rows - 1) * gap
    var sheet = RGBImage(width: width, height: height)
    for (index, tile) in tiles.enumerated() {
      let ox = (index % columns) * (first.width + gap)
      let oy = (index / columns) * (first.height + gap)
      for y in 0..<min(tile.height, first.height) {
        let source = y * tile.width * 3
        let target = ((oy + y) * width + ox) * 3
        for i in 0..<(min(tile.width, first.width) * 3) {
          sheet.pixels[target + i] = tile.pixels[source + i]
        }
      }
    }
    return sheet
  }
}
