import HemoCore

@testable import HemoTUI

/// Which part of a cell a block symbol covers, on an 8×24 grid (fine enough for halves,
/// quadrants, eighths and sextants), so a symbol rendering can be turned back into pixels.
enum SymbolCoverage {
  static let gridWidth = 8
  static let gridHeight = 24

  /// The covered grid points of `character`, or nil when it is not a block symbol.
  static func mask(_ character: Character) -> [Bool]? {
    guard let v = character.unicodeScalars.first?.value else { return nil }
    func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [Bool] {
      (0..<gridWidth * gridHeight).map { i in
        let x = (Double(i % gridWidth) + 0.5) / Double(gridWidth)
        let y = (Double(i / gridWidth) + 0.5) / Double(gridHeight)
        return x >= x0 && x < x1 && y >= y0 && y < y1
      }
    }
    func union(_ parts: [[Bool]]) -> [Bool] {
      parts.dropFirst().reduce(parts[0]) { a, b in zip(a, b).map { $0 || $1 } }
    }
    let ul = rect(0, 0, 0.5, 0.5)
    let ur = rect(0.5, 0, 1, 0.5)
    let ll = rect(0, 0.5, 0.5, 1)
    let lr = rect(0.5, 0.5, 1, 1)
    switch v {
    case 0x20: return rect(0, 0, 0, 0)
    case 0x2588: return rect(0, 0, 1, 1)
    case 0x2580: return rect(0, 0, 1, 0.5)
    case 0x2581...0x2587: return rect(0, 1 - Double(v - 0x2580) / 8, 1, 1)
    case 0x2589...0x258F: return rect(0, 0, Double(0x2590 - v) / 8, 1)
    case 0x2590: return rect(0.5, 0, 1, 1)
    case 0x2594: return rect(0, 0, 1, 1.0 / 8)
    case 0x2595: return rect(7.0 / 8, 0, 1, 1)
    case 0x2596: return ll
    case 0x2597: return lr
    case 0x2598: return ul
    case 0x2599: return union([ul, ll, lr])
    case 0x259A: return union([ul, lr])
    case 0x259B: return union([ul, ur, ll])
    case 0x259C: return union([ul, ur, lr])
    case 0x259D: return ur
    case 0x259E: return union([ur, ll])
    case 0x259F: return union([ur, ll, lr])
    case 0x1FB00...0x1FB3B:
      var n = Int(v - 0x1FB00) + 1
      if n >= 21 { n += 1 }
      if n >= 42 { n += 1 }
      var parts: [[Bool]] = [rect(0, 0, 0, 0)]
      for bit in 0..<6 where n & (1 << bit) != 0 {
        let column = Double(bit % 2) / 2
        let row = Double(bit / 2) / 3
        parts.append(rect(column, row, column + 0.5, row + 1.0 / 3))
      }
      return union(parts)
    default: return nil
    }
  }

  /// The RGB an xterm palette index shows (16–255: cube and grey ramp; 0–15: the usual VGA).
  static func rgb(_ colour: Colour) -> (Double, Double, Double) {
    guard case .index(let i) = colour else { return (0, 0, 0) }
    let index = Int(i)
    if index >= 232 {
      let g = Double(8 + 10 * (index - 232))
      return (g, g, g)
    }
    if index >= 16 {
      let steps = Palette.cubeSteps
      let c = index - 16
      return (Double(steps[c / 36]), Double(steps[c / 6 % 6]), Double(steps[c % 6]))
    }
    let basic: [(Double, Double, Double)] = [
      (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
      (0, 205, 205), (229, 229, 229),
    ]
    return basic[index % 8]
  }

  /// The image a grid of symbol cells shows, at `perCell` pixels per cell side (width, height),
  /// each pixel the foreground where its symbol covers it and the background elsewhere; also
  /// the characters that are not block symbols.
  static func reconstruct(_ cells: [Cell], columns: Int, rows: Int, perCell: (Int, Int))
    -> (image: RGBImage, unknown: Set<Character>)
  {
    let (pw, ph) = perCell
    var image = RGBImage(width: columns * pw, height: rows * ph)
    var unknown: Set<Character> = []
    for row in 0..<rows {
      for column in 0..<columns {
        let cell = cells[row * columns + column]
        let coverage = mask(cell.character)
        if coverage == nil { unknown.insert(cell.character) }
        let fg = rgb(cell.style.foreground)
        let bg = rgb(cell.style.background)
        for y in 0..<ph {
          for x in 0..<pw {
            // Fraction of the grid points of this sub-rectangle the symbol covers.
            var covered = 0
            var total = 0
            for gy in (y * gridHeight / ph)..<((y + 1) * gridHeight / ph) {
              for gx in (x * gridWidth / pw)..<((x + 1) * gridWidth / pw) {
                total += 1
                if coverage?[gy * gridWidth + gx] ?? false { covered += 1 }
              }
            }
            let f = total == 0 ? 0 : Double(covered) / Double(total)
            func mix(_ a: Double, _ b: Double) -> UInt8 { UInt8((a * f + b * (1 - f)).rounded()) }
            image[column * pw + x, row * ph + y] = (
              mix(fg.0, bg.0), mix(fg.1, bg.1), mix(fg.2, bg.2)
            )
          }
        }
      }
    }
    return (image, unknown)
  }
}
