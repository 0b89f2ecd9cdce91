import Foundation

/// Paints a `PhantomScene` into HU pixels and a blood mask (before blur and noise).
///
/// The image is cut into 16 × 16-pixel tiles; each tile lists only the structures whose bounding
/// boxes reach it, so a pixel evaluates a handful of shapes instead of all of them. Each row is
/// painted only over the columns the head can reach, eight pixels at a time (`PhantomPixels`).
/// The per-pixel code reads the scene through raw pointers gathered in `Context` (a trivial
/// struct): no reference counting, bounds checks or allocation in the hot loop.
struct PhantomRenderer {
  let scene: PhantomScene
  let size: Int
  let spacing: Float
  /// Partial-volume edge width in millimetres.
  let edge: Float
  /// Grey–white contrast kept after averaging through the slice thickness (1 at 5 mm).
  let contrast: Float

  static let tileShift = 4

  /// An intraparenchymal haematoma in head millimetres, with an irregular outline.
  struct Haematoma {
    var cx: Float = 0, cy: Float = 0, cosine: Float = 1, sine: Float = 0, rx: Float = 1
    var ry: Float = 1, a2: Float = 0, b2: Float = 0, a3: Float = 0, b3: Float = 0
    var hu: Float = 0, edema: Float = 0, reach: Float = 0
  }

  /// Everything the per-pixel code reads.
  struct Context {
    var table: UnsafePointer<Float>
    var gyri: UnsafePointer<Float>
    var shapes: UnsafePointer<PhantomShape>
    /// Per tile: the range of `solidIndex` / `softIndex` entries that reach it.
    var solidStart: UnsafePointer<Int32>
    var solidIndex: UnsafePointer<Int32>
    var softStart: UnsafePointer<Int32>
    var softIndex: UnsafePointer<Int32>
    var edge: Float
    var inverseEdge: Float
    var grey: Float, white: Float, csf: Float, bone: Float
    var sahHU: Float, ivhHU: Float, ivhLevel: Float
    var shift: Float, shiftScale: Float
    var gyriU: Float, gyriV: Float, gyriDepthScale: Float
    var haematoma: Haematoma?
    /// Residual beam hardening: HU added just under the inner table, and 1 / its reach (mm).
    var cupping: Float
    var cuppingInverseReach: Float
  }

  /// Pixel bounds (inclusive) of everything that is not air.
  struct Bounds {
    var minRow: Int, maxRow: Int, minColumn: Int, maxColumn: Int
  }

  static let skinHU: Float = 40
  static let fatHU: Float = -95
  static let muscleHU: Float = 55
  static let skin: Float = 1.8
  /// Depth below the inner table (mm) at which residual beam hardening fades out.
  static let cuppingReach: Float = 35

  /// Per-tile lists of shape indices (compressed rows): solids and soft structures apart.
  private func tileLists(tilesPerSide: Int) -> (
    solidStart: [Int32], solid: [Int32], softStart: [Int32], soft: [Int32]
  ) {
    let p = scene.patient
    let cosR = Float(cos(p.rotation))
    let sinR = Float(sin(p.rotation))
    let centre = Float(size) / 2
    let shift = abs(scene.midlineShift)
    let tiles = tilesPerSide * tilesPerSide
    var solidLists = [[Int32]](repeating: [], count: tiles)
    var softLists = [[Int32]](repeating: [], count: tiles)
    for (index, shape) in scene.shapes.enumerated() {
      let pad: Float = shape.isSolid ? 0 : shift
      var minC = Float.infinity
      var maxC = -Float.infinity
      var minR = Float.infinity
      var maxR = -Float.infinity
      for (x, y) in [
        (shape.minX - pad, shape.minY), (shape.maxX + pad, shape.minY),
        (shape.minX - pad, shape.maxY), (shape.maxX + pad, shape.maxY),
      ] {
        let dx = cosR * x - sinR * y
        let dy = sinR * x + cosR * y
        let column = (dx + Float(p.offsetX)) / spacing + centre - 0.5
        let row = (dy + Float(p.offsetY)) / spacing + centre - 0.5
        minC = min(minC, column)
        maxC = max(maxC, column)
        minR = min(minR, row)
        maxR = max(maxR, row)
      }
      let last = Float(size - 1)
      guard maxC >= 0 && maxR >= 0 && minC <= last && minR <= last else { continue }
      let c0 = Int(max(0, minC - 1)) >> Self.tileShift
      let c1 = Int(min(last, maxC + 1)) >> Self.tileShift
      let r0 = Int(max(0, minR - 1)) >> Self.tileShift
      let r1 = Int(min(last, maxR + 1)) >> Self.tileShift
      for tr in r0...r1 {
        for tc in c0...c1 {
          if shape.isSolid {
            solidLists[tr * tilesPerSide + tc].append(Int32(index))
          } else {
            softLists[tr * tilesPerSide + tc].append(Int32(index))
          }
        }
      }
    }
    func flatten(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
      var start = [Int32](repeating: 0, count: lists.count + 1)
      var flat: [Int32] = []
      flat.reserveCapacity(lists.reduce(0) { $0 + $1.count })
      for (index, list) in lists.enumerated() {
        flat.append(contentsOf: list)
        start[index + 1] = Int32(flat.count)
      }
      if flat.isEmpty { flat.append(0) }
      return (start, flat)
    }
    let solid = flatten(solidLists)
    let soft = flatten(softLists)
    return (solid.0, solid.1, soft.0, soft.1)
  }

  /// The slice's HU pixels before blur and noise, where blood covers at least
  /// `PhantomSlice.bloodFractionThreshold` of a pixel, and the bounds of the head.
  func render(rng: inout SeededRNG) -> (hu: [Float], blood: [Bool], bounds: Bounds) {
    var hu = [Float](repeating: -1000, count: size * size)
    var blood = [Bool](repeating: false, count: size * size)
    let haematoma = scene.plan.parenchymal.map { bleed -> Haematoma in
      let rx = Float(bleed.radius * bleed.elongation)
      return Haematoma(
        cx: Float(bleed.site.0 * scene.brainHalfWidth),
        cy: Float(bleed.site.1 * scene.brainHalfLength), cosine: Float(cos(bleed.angle)),
        sine: Float(sin(bleed.angle)), rx: rx, ry: Float(bleed.radius),
        a2: Float(rng.normal() * 0.08), b2: Float(rng.normal() * 0.08),
        a3: Float(rng.normal() * 0.06), b3: Float(rng.normal() * 0.06), hu: bleed.hu,
        edema: Float(bleed.edema), reach: rx * 1.4 + Float(bleed.edema) + 3)
    }
    let p = scene.patient
    let tilesPerSide = (size + (1 << Self.tileShift) - 1) >> Self.tileShift
    let lists = tileLists(tilesPerSide: tilesPerSide)
    var bounds = Bounds(minRow: size, maxRow: -1, minColumn: size, maxColumn: -1)
    let white = p.whiteHU
    let grey = white + (p.greyHU - white) * contrast
    scene.table.withUnsafeBufferPointer { table in
      PhantomGyri.distance.withUnsafeBufferPointer { gyri in
        scene.shapes.withUnsafeBufferPointer { shapes in
          lists.solidStart.withUnsafeBufferPointer { solidStart in
            lists.solid.withUnsafeBufferPointer { solidIndex in
              lists.softStart.withUnsafeBufferPointer { softStart in
                lists.soft.withUnsafeBufferPointer { softIndex in
                  let context = Context(
                    table: table.baseAddress!, gyri: gyri.baseAddress!,
                    shapes: shapes.baseAddress ?? UnsafePointer(bitPattern: 16)!,
                    solidStart: solidStart.baseAddress!, solidIndex: solidIndex.baseAddress!,
                    softStart: softStart.baseAddress!, softIndex: softIndex.baseAddress!,
                    edge: edge, inverseEdge: 1 / edge, grey: grey, white: white, csf: p.csfHU,
                    bone: p.corticalBoneHU, sahHU: scene.plan.subarachnoidHU,
                    ivhHU: scene.plan.ventricularHU, ivhLevel: scene.ivhLevel,
                    shift: scene.midlineShift,
                    shiftScale: 1 / Float(scene.brainHalfLength * 0.55),
                    gyriU: scene.gyriOffset.0, gyriV: scene.gyriOffset.1,
                    gyriDepthScale: scene.gyriDepthScale, haematoma: haematoma,
                    cupping: Float(p.cupping), cuppingInverseReach: 1 / Self.cuppingReach)
                  hu.withUnsafeMutableBufferPointer { hu in
                    blood.withUnsafeMutableBufferPointer { blood in
                      paint(
                        hu: hu.baseAddress!, blood: blood.baseAddress!, bounds: &bounds, context)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return (hu, blood, bounds)
  }

  /// The pixel loop: per row, the columns the head can reach in runs of eight (each inside one
  /// tile), their polar coordinates and angle profiles, then the eight pixels together.
  private func paint(
    hu: UnsafeMutablePointer<Float>, blood: UnsafeMutablePointer<Bool>, bounds: inout Bounds,
    _ context: Context
  ) {
    let lane = PhantomVector.width
    let p = scene.patient
    let size = size
    let spacing = spacing
    let cosR = Float(cos(p.rotation))
    let sinR = Float(sin(p.rotation))
    let offsetX = Float(p.offsetX)
    let offsetY = Float(p.offsetY)
    let centre = Float(size) / 2
    let binScale = Float(PhantomScene.bins) / (2 * Float.pi)
    let lastBin = PhantomScene.bins - 1
    let maxOuter2 = scene.maxOuter * scene.maxOuter
    let stride = PhantomScene.Field.count
    let threshold = PhantomSlice.bloodFractionThreshold
    let tilesPerSide = (size + (1 << Self.tileShift) - 1) >> Self.tileShift
    let steps = Lanes(0, 1, 2, 3, 4, 5, 6, 7)
    for row in 0..<size {
      let dy = (Float(row) + 0.5 - centre) * spacing - offsetY
      // Columns whose distance from the head's centre can be within `maxOuter` (with a margin:
      // each pixel is still tested exactly below).
      let reach2 = Double(maxOuter2) * 1.001 - Double(dy) * Double(dy)
      guard reach2 > 0 else { continue }
      let reach = reach2.squareRoot() / Double(spacing) + 2
      let middle = Double(offsetX) / Double(spacing) + Double(centre) - 0.5
      let first = max(0, Int((middle - reach).rounded(.down))) & ~(lane - 1)
      let last = min(size - 1, Int((middle + reach).rounded(.up)))
      guard first <= last else { continue }
      let sinDY = sinR * dy
      let cosDY = cosR * dy
      let tileRow = (row >> Self.tileShift) * tilesPerSide
      var start = first
      while start <= last {
        defer { start += lane }
        let dx = (Float(start) + steps + 0.5 - centre) * spacing - offsetX
        let x = cosR * dx + sinDY
        let y = -sinR * dx + cosDY
        let r2 = x * x + y * y
        let inside = r2 .<= maxOuter2
        guard PhantomVector.any(inside) else { continue }
        let r = r2.squareRoot()
        let t = (PhantomMath.atan2(y, x) + Float.pi) * binScale
        func angle(_ k: Int) -> UnsafePointer<Float> {
          let bin = Int(t[k])
          return context.table + (bin < 0 ? 0 : (bin > lastBin ? lastBin : bin)) * stride
        }
        let profile = Profile(
          angle(0), angle(1), angle(2), angle(3), angle(4), angle(5), angle(6), angle(7))
        var d = profile.outer - r
        let live = inside .& (d .>= -context.edge) .& (Float(start) + steps .< Float(size))
        guard PhantomVector.any(live) else { continue }
        // Lanes that are not painted get a harmless depth (their results are dropped).
        d.replace(with: 0, where: .!live)
        let tile = tileRow + (start >> Self.tileShift)
        let value = Self.pixels(x: x, y: y, d: d, profile, tile: tile, context)
        for k in 0..<lane where live[k] {
          let column = start + k
          hu[row * size + column] = value.hu[k]
          blood[row * size + column] = value.blood[k] >= threshold
          bounds.minColumn = min(bounds.minColumn, column)
          bounds.maxColumn = max(bounds.maxColumn, column)
        }
        bounds.minRow = min(bounds.minRow, row)
        bounds.maxRow = row
      }
    }
  }
}
