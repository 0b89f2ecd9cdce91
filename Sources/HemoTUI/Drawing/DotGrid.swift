/// A grid of dots laid over cells for line charts: braille (2×4 dots per cell, U+2800) or, for
/// ASCII, 1×3 dots per cell drawn as `'`, `-`, `.`, `:`, `+`, `|`.
public struct DotGrid: Sendable {
  public let columns: Int
  public let rows: Int
  public let dotsX: Int
  public let dotsY: Int
  private var bits: [UInt8]
  private var owner: [Int]

  public init(columns: Int, rows: Int, braille: Bool) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    dotsX = braille ? 2 : 1
    dotsY = braille ? 4 : 3
    bits = Array(repeating: 0, count: self.columns * self.rows)
    owner = Array(repeating: -1, count: self.columns * self.rows)
  }

  public var dotWidth: Int { columns * dotsX }
  public var dotHeight: Int { rows * dotsY }

  /// Sets the dot at (x, y) (dot coordinates, y down) for series `series`; outside is ignored.
  public mutating func set(_ x: Int, _ y: Int, series: Int) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let cell = (y / dotsY) * columns + x / dotsX
    let dx = x % dotsX
    let dy = y % dotsY
    let bit: UInt8
    if dotsX == 2 {
      bit = dy == 3 ? (dx == 0 ? 0x40 : 0x80) : UInt8(1 << (dy + 3 * dx))
    } else {
      bit = UInt8(1 << dy)
    }
    bits[cell] |= bit
    owner[cell] = series
  }

  /// A straight line of dots between two dot positions (Bresenham).
  public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), series: Int) {
    var x = a.x
    var y = a.y
    let dx = abs(b.x - a.x)
    let dy = -abs(b.y - a.y)
    let sx = a.x < b.x ? 1 : -1
    let sy = a.y < b.y ? 1 : -1
    var error = dx + dy
    while true {
      set(x, y, series: series)
      if x == b.x && y == b.y { break }
      let e2 = 2 * error
      if e2 >= dy {
        error += dy
        x += sx
      }
      if e2 <= dx {
        error += dx
        y += sy
      }
    }
  }

  /// The character of a cell, or nil when it has no dots.
  public func character(column: Int, row: Int) -> Character? {
    let value = bits[row * columns + column]
    guard value != 0 else { return nil }
    if dotsX == 2 { return Character(Unicode.Scalar(0x2800 + UInt32(value))!) }
    return Self.asciiDots[Int(value)]
  }

  /// The last series that drew in a cell (-1 when none).
  public func series(column: Int, row: Int) -> Int { owner[row * columns + column] }

  private static let asciiDots: [Character] = [" ", "'", "-", "+", ".", ":", "+", "|"]
}
