import HemoLesson

/// A loss surface sampled on a grid and cut into bands: the filled contour map's data.
///
/// Each grid point (pixel) holds its band: how many of the ascending `thresholds` its loss
/// reaches, from 0 (below the first, the lowest ground) to `thresholds.count`.
public struct ContourRaster: Sendable, Hashable {
  public let columns: Int
  public let pixelRows: Int
  /// Band numbers, row-major, row 0 at the top (highest y).
  public let levels: [Int]

  /// Samples `surface` at the centres of a `columns` × `pixelRows` grid over its window.
  public init(surface: LossSurface, columns: Int, pixelRows: Int, thresholds: [Double]) {
    let columns = max(columns, 0)
    let pixelRows = max(pixelRows, 0)
    self.columns = columns
    self.pixelRows = pixelRows
    let (xs, ys) = surface.domain
    let width = xs.upperBound - xs.lowerBound
    let height = ys.upperBound - ys.lowerBound
    var levels = [Int](repeating: 0, count: columns * pixelRows)
    for row in 0..<pixelRows {
      let y = ys.upperBound - (Double(row) + 0.5) / Double(pixelRows) * height
      for column in 0..<columns {
        let x = xs.lowerBound + (Double(column) + 0.5) / Double(columns) * width
        let loss = surface.loss(at: Point2(x, y))
        levels[row * columns + column] = thresholds.count { loss >= $0 }
      }
    }
    self.levels = levels
  }

  /// The band at `column`, `row` (row 0 at the top).
  public func level(column: Int, row: Int) -> Int { levels[row * columns + column] }
}
