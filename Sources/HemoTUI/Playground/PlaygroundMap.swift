import HemoLesson

/// A colour on the playground map, named by meaning; the screen's theme turns it into a real one.
public enum MapColour: Sendable, Hashable {
  /// A contour band, 0 = lowest loss.
  case level(Int)
  /// The colour of one optimizer's ball, trail and legend entry.
  case optimizer(OptimizerKind)
  /// Markings drawn on the surface (the global minimum).
  case marker
}

/// How the map's ground is drawn.
public enum MapShading: Sendable, Hashable {
  /// Half blocks in `PlaygroundMap.colourLevels` bands (a 256-colour ramp).
  case ramp
  /// Half blocks in `PlaygroundMap.shades.count` bands (a few basic colours).
  case bands
  /// One shade of ` ░▒▓` per cell, no colour.
  case shades

  /// True when the ground is half blocks with colours.
  public var isColour: Bool { self != .shades }
}

/// One character cell of the map.
public struct MapCell: Sendable, Hashable {
  public var glyph: Character
  public var foreground: MapColour?
  public var background: MapColour?

  public init(_ glyph: Character, foreground: MapColour? = nil, background: MapColour? = nil) {
    self.glyph = glyph
    self.foreground = foreground
    self.background = background
  }
}

/// Draws the playground's map as a grid of cells: the filled contour map of the surface, the
/// trail of every ball on show, and the balls; pure, so it is tested as text.
///
/// With colour each cell is an upper half block `▀` whose foreground is the band of its top half
/// and background the band of its bottom half (two map pixels per cell). Without colour each
/// cell is one shade of ` ░▒▓`. Each step of a trail is a dot (`•`, `·` without colour), joined
/// to the next by a dotted line (`·`); balls are `●` (with several balls and no colour the
/// optimizer's letter), a ball off the map an arrow on the edge pointing its way, the global
/// minimum `×`.
public enum PlaygroundMap {
  /// Bands with colour (the theme maps them onto a ramp): one more than the thresholds.
  public static let colourLevels = 10
  /// Shades without colour, lowest loss first.
  public static let shades: [Character] = [" ", "░", "▒", "▓"]

  /// The map of the playground's surface with every ball on show.
  public static func cells(
    _ state: PlaygroundState, columns: Int, rows: Int, colour: Bool, letters: Bool? = nil
  ) -> [[MapCell]] {
    cells(state, columns: columns, rows: rows, shading: colour ? .ramp : .shades, letters: letters)
  }

  /// The map of the playground's surface with every ball on show, shaded as asked.
  public static func cells(
    _ state: PlaygroundState, columns: Int, rows: Int, shading: MapShading, letters: Bool? = nil
  ) -> [[MapCell]] {
    cells(
      surface: state.surface, trails: state.balls.map { ($0.kind, $0.trail) }, columns: columns,
      rows: rows, shading: shading, letters: letters)
  }

  /// The map of `surface` with the given trails (each ending at its ball). Balls are letters
  /// when `letters` is true; by default when there is no colour and more than one trail.
  public static func cells(
    surface: LossSurface, trails: [(kind: OptimizerKind, points: [DescentPoint])], columns: Int,
    rows: Int, colour: Bool, letters: Bool? = nil
  ) -> [[MapCell]] {
    cells(
      surface: surface, trails: trails, columns: columns, rows: rows,
      shading: colour ? .ramp : .shades, letters: letters)
  }

  /// The map of `surface` with the given trails, shaded as asked.
  public static func cells(
    surface: LossSurface, trails: [(kind: OptimizerKind, points: [DescentPoint])], columns: Int,
    rows: Int, shading: MapShading, letters: Bool? = nil
  ) -> [[MapCell]] {
    guard columns > 0, rows > 0 else { return [] }
    let colour = shading.isColour
    var grid = background(surface, columns: columns, rows: rows, shading: shading)
    let window = MapProjection(surface: surface, columns: columns, rows: rows)

    func put(_ glyph: Character, _ colourName: MapColour, at cell: (column: Int, row: Int)) {
      var target = grid[cell.row][cell.column]
      target.glyph = glyph
      if colour {
        // Keep the band colour behind the mark: the lower half's band when it was a half block.
        target.background = target.background ?? target.foreground
        target.foreground = colourName
      }
      grid[cell.row][cell.column] = target
    }

    if let minimum = surface.landmarks.first(where: { $0.kind == .globalMinimum }),
      let cell = window.cell(minimum.point)
    {
      put("×", .marker, at: cell)
    }
    // Joins between consecutive steps first, so the steps themselves stay on top.
    for trail in trails {
      for (a, b) in zip(trail.points, trail.points.dropFirst()) {
        for cell in window.segment(from: a.position, to: b.position) {
          put("·", .optimizer(trail.kind), at: cell)
        }
      }
    }
    for trail in trails {
      for point in trail.points.dropLast() {
        if let cell = window.cell(point.position) {
          put(colour ? "•" : "·", .optimizer(trail.kind), at: cell)
        }
      }
    }
    let letters = letters ?? (!colour && trails.count > 1)
    for trail in trails {
      guard let last = trail.points.last else { continue }
      let colourName = MapColour.optimizer(trail.kind)
      if let cell = window.cell(last.position) {
        put(letters ? letter(trail.kind) : "●", colourName, at: cell)
      } else {
        let edge = window.edge(toward: last.position)
        put(edge.arrow, colourName, at: edge.cell)
      }
    }
    return grid
  }

  /// The map's cells as plain text lines (glyphs only), for headless output and tests.
  public static func text(_ grid: [[MapCell]]) -> [String] {
    grid.map { String($0.map(\.glyph)) }
  }

  /// The letter standing for an optimizer in monochrome: G, M, R, A.
  public static func letter(_ kind: OptimizerKind) -> Character {
    switch kind {
    case .gradientDescent: "G"
    case .momentum: "M"
    case .rmsprop: "R"
    case .adam: "A"
    }
  }

  static func background(_ surface: LossSurface, columns: Int, rows: Int, shading: MapShading)
    -> [[MapCell]]
  {
    if shading.isColour {
      let raster = ContourRaster(
        surface: surface, columns: columns, pixelRows: rows * 2,
        thresholds: shading == .ramp
          ? SurfaceContours.colour(surface) : SurfaceContours.shades(surface))
      return (0..<rows).map { row in
        (0..<columns).map { column in
          MapCell(
            "▀", foreground: .level(raster.level(column: column, row: 2 * row)),
            background: .level(raster.level(column: column, row: 2 * row + 1)))
        }
      }
    }
    let raster = ContourRaster(
      surface: surface, columns: columns, pixelRows: rows,
      thresholds: SurfaceContours.shades(surface))
    return (0..<rows).map { row in
      (0..<columns).map { column in MapCell(shades[raster.level(column: column, row: row)]) }
    }
  }
}

/// The mapping between the surface's window and the map's cells.
struct MapProjection {
  let x: ClosedRange<Double>
  let y: ClosedRange<Double>
  let columns: Int
  let rows: Int

  init(surface: LossSurface, columns: Int, rows: Int) {
    (x, y) = surface.domain
    self.columns = columns
    self.rows = rows
  }

  /// The cell showing `p`, or nil when `p` lies outside the window.
  func cell(_ p: Point2) -> (column: Int, row: Int)? {
    guard x.contains(p.x), y.contains(p.y) else { return nil }
    let u = (p.x - x.lowerBound) / (x.upperBound - x.lowerBound)
    let v = (y.upperBound - p.y) / (y.upperBound - y.lowerBound)
    return (min(Int(u * Double(columns)), columns - 1), min(Int(v * Double(rows)), rows - 1))
  }

  /// `p` in cell units (column, row as real numbers), not clipped to the map.
  func position(_ p: Point2) -> (column: Double, row: Double) {
    let u = (p.x - x.lowerBound) / (x.upperBound - x.lowerBound)
    let v = (y.upperBound - p.y) / (y.upperBound - y.lowerBound)
    return (u * Double(columns), v * Double(rows))
  }

  /// The cells strictly between the cells of `a` and `b` on a straight line (Bresenham), those
  /// on the map only. Empty for a segment far longer than the map (a ball flying off).
  func segment(from a: Point2, to b: Point2) -> [(column: Int, row: Int)] {
    let pa = position(a)
    let pb = position(b)
    let limit = Double(4 * (columns + rows))
    guard pa.column.isFinite, pa.row.isFinite, pb.column.isFinite, pb.row.isFinite,
      abs(pa.column) < limit, abs(pa.row) < limit, abs(pb.column) < limit, abs(pb.row) < limit
    else { return [] }
    var cx = Int(pa.column.rounded(.down))
    var cy = Int(pa.row.rounded(.down))
    let ex = Int(pb.column.rounded(.down))
    let ey = Int(pb.row.rounded(.down))
    let dx = abs(ex - cx)
    let dy = -abs(ey - cy)
    let sx = cx < ex ? 1 : -1
    let sy = cy < ey ? 1 : -1
    var error = dx + dy
    var cells: [(column: Int, row: Int)] = []
    while !(cx == ex && cy == ey) {
      let e2 = 2 * error
      if e2 >= dy {
        error += dy
        cx += sx
      }
      if e2 <= dx {
        error += dx
        cy += sy
      }
      if cx == ex && cy == ey { break }
      if cx >= 0, cy >= 0, cx < columns, cy < rows { cells.append((cx, cy)) }
    }
    return cells
  }

  /// The edge cell nearest to an outside point, with an arrow pointing out toward it.
  func edge(toward p: Point2) -> (cell: (column: Int, row: Int), arrow: Character) {
    let cx = (x.lowerBound + x.upperBound) / 2
    let cy = (y.lowerBound + y.upperBound) / 2
    let clamped = Point2(
      min(max(p.x, x.lowerBound), x.upperBound), min(max(p.y, y.lowerBound), y.upperBound))
    let cell = self.cell(clamped) ?? (0, 0)
    // Which way it left: the larger overshoot relative to the window's half-size.
    let dx = (p.x - cx) / ((x.upperBound - x.lowerBound) / 2)
    let dy = (p.y - cy) / ((y.upperBound - y.lowerBound) / 2)
    let arrow: Character = abs(dx) >= abs(dy) ? (dx > 0 ? "▶" : "◀") : (dy > 0 ? "▲" : "▼")
    return (cell, arrow)
  }
}
