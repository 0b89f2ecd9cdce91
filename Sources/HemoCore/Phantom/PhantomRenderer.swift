import Foundation

/// Paints a `PhantomScene` into HU pixels and a blood-fraction map (before blur and noise).
///
/// The image is cut into 16 × 16-pixel tiles; each tile lists only the structures whose bounding
/// boxes reach it, so a pixel evaluates a handful of shapes instead of all of them. The per-pixel
/// code reads the scene through raw pointers gathered in `Context` (a trivial struct): no
/// reference counting, bounds checks or allocation in the hot loop.
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
  }

  /// Pixel bounds (inclusive) of everything that is not air.
  struct Bounds {
    var minRow: Int, maxRow: Int, minColumn: Int, maxColumn: Int
  }

  private static let skinHU: Float = 40
  private static let fatHU: Float = -95
  private static let muscleHU: Float = 55
  private static let skin: Float = 1.8

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
    // One row of head coordinates, distance from the centre and angle bin (as a float), made
    // eight pixels at a time before the per-pixel pass reads them.
    let lane = PhantomVector.width
    var polar = [Float](repeating: 0, count: 4 * (size + lane))
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
                    gyriDepthScale: scene.gyriDepthScale, haematoma: haematoma)
                  hu.withUnsafeMutableBufferPointer { hu in
                    blood.withUnsafeMutableBufferPointer { blood in
                      polar.withUnsafeMutableBufferPointer { polar in
                        paint(
                          hu: hu.baseAddress!, blood: blood.baseAddress!,
                          polar: polar.baseAddress!, bounds: &bounds, context)
                      }
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

  /// The pixel loop: per row, the columns the head can reach, their polar coordinates in
  /// vectors, then each pixel.
  private func paint(
    hu: UnsafeMutablePointer<Float>, blood: UnsafeMutablePointer<Bool>,
    polar: UnsafeMutablePointer<Float>, bounds: inout Bounds, _ context: Context
  ) {
    typealias Lanes = PhantomVector.Lanes
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
    let xs = polar
    let ys = xs + size + lane
    let rs = ys + size + lane
    let ts = rs + size + lane
    let steps = Lanes(0, 1, 2, 3, 4, 5, 6, 7)
    for row in 0..<size {
      let dy = (Float(row) + 0.5 - centre) * spacing - offsetY
      // Columns whose distance from the head's centre can be within `maxOuter` (with a margin:
      // each pixel is still tested exactly below).
      let reach2 = Double(maxOuter2) * 1.001 - Double(dy) * Double(dy)
      guard reach2 > 0 else { continue }
      let reach = reach2.squareRoot() + 2 * Double(spacing)
      let middle = Double(offsetX) / Double(spacing) + Double(centre) - 0.5
      let first = max(0, Int((middle - reach / Double(spacing)).rounded(.down)))
      let last = min(size - 1, Int((middle + reach / Double(spacing)).rounded(.up)))
      guard first <= last else { continue }
      let sinDY = sinR * dy
      let cosDY = cosR * dy
      var start = first
      while start <= last {
        let dx = (Float(start) + steps + 0.5 - centre) * spacing - offsetX
        let x = cosR * dx + sinDY
        let y = -sinR * dx + cosDY
        let r2 = x * x + y * y
        var r = r2.squareRoot()
        r.replace(with: .infinity, where: r2 .> maxOuter2)
        let t = (PhantomMath.atan2(y, x) + Float.pi) * binScale
        let k = start - first
        PhantomVector.store(x, xs + k)
        PhantomVector.store(y, ys + k)
        PhantomVector.store(r, rs + k)
        PhantomVector.store(t, ts + k)
        start += lane
      }
      let tileRow = (row >> Self.tileShift) * tilesPerSide
      for column in first...last {
        let k = column - first
        let r = rs[k]
        var bin = Int(ts[k])
        bin = bin < 0 ? 0 : (bin > lastBin ? lastBin : bin)
        let profile = context.table + bin * stride
        let d = profile[PhantomScene.Field.outer] - r
        if d < -context.edge { continue }
        let tile = tileRow + (column >> Self.tileShift)
        let value = Self.pixel(x: xs[k], y: ys[k], d: d, profile: profile, tile: tile, context)
        hu[row * size + column] = value.hu
        blood[row * size + column] = value.blood >= threshold
        bounds.minColumn = min(bounds.minColumn, column)
        bounds.maxColumn = max(bounds.maxColumn, column)
        bounds.minRow = min(bounds.minRow, row)
        bounds.maxRow = row
      }
    }
  }

  @inline(__always) private static func mix(_ a: Float, _ b: Float, _ t: Float) -> Float {
    a + (b - a) * t
  }

  /// One pixel at head coordinates (x, y), depth `d` below the skin; `profile` is its angle's row.
  @inline(__always) private static func pixel(
    x: Float, y: Float, d: Float, profile: UnsafePointer<Float>, tile: Int, _ c: Context
  ) -> (hu: Float, blood: Float) {
    typealias F = PhantomScene.Field
    let w = c.edge
    let muscleStart = skin + profile[F.fat]
    let boneStart = muscleStart + profile[F.muscle]
    let skull = profile[F.skull]
    let inner = d - boneStart - skull
    var h: Float
    var bloodFraction: Float = 0
    if inner >= w * 0.5 {
      // Wholly inside the inner table (most pixels): no scalp or skull layers to mix.
      (h, bloodFraction) = intracranial(x: x, y: y, depth: inner, profile: profile, tile: tile, c)
    } else {
      h = mix(-1000, skinHU, PhantomMath.cover(d, inverse: c.inverseEdge))
      h = mix(h, fatHU, PhantomMath.cover(d - skin, inverse: c.inverseEdge))
      h = mix(h, muscleHU, PhantomMath.cover(d - muscleStart, inverse: c.inverseEdge))
      let outerTable = min(2.2, skull * 0.3)
      let innerTable = min(1.6, skull * 0.25)
      h = mix(h, c.bone, PhantomMath.cover(d - boneStart, inverse: c.inverseEdge))
      h = mix(
        h, profile[F.diploe], PhantomMath.cover(d - boneStart - outerTable, inverse: c.inverseEdge))
      h = mix(
        h, c.bone * 0.95,
        PhantomMath.cover(d - boneStart - skull + innerTable, inverse: c.inverseEdge))
      if inner > -w * 0.5 {
        let cranial = PhantomMath.cover(inner, inverse: c.inverseEdge)
        let value = intracranial(x: x, y: y, depth: inner, profile: profile, tile: tile, c)
        h = mix(h, value.hu, cranial)
        bloodFraction = value.blood * cranial
      }
    }
    // Bone, air cells, orbits and calcifications lie over everything.
    let start = Int(c.solidStart[tile])
    let end = Int(c.solidStart[tile + 1])
    var k = start
    while k < end {
      let shape = c.shapes[Int(c.solidIndex[k])]
      k += 1
      guard x >= shape.minX && x <= shape.maxX && y >= shape.minY && y <= shape.maxY else {
        continue
      }
      let cover = PhantomMath.cover(shape.inside(x, y), inverse: c.inverseEdge)
      if cover > 0 {
        h = mix(h, shape.value, cover)
        bloodFraction *= 1 - cover
      }
    }
    return (h, bloodFraction)
  }

  /// Inside the inner table: extra-axial blood, the subarachnoid space, then brain.
  @inline(__always) private static func intracranial(
    x: Float, y: Float, depth: Float, profile: UnsafePointer<Float>, tile: Int, _ c: Context
  ) -> (hu: Float, blood: Float) {
    typealias F = PhantomScene.Field
    let extra = profile[F.extra]
    let fBlood = extra > 0 ? 1 - PhantomMath.cover(depth - extra, inverse: c.inverseEdge) : 0
    let brainDepth = depth - extra - profile[F.csf]
    let fBrain = PhantomMath.cover(brainDepth, inverse: c.inverseEdge)
    let fCSF = max(0, 1 - fBlood - fBrain)
    let sah = profile[F.sah]
    let csfValue = mix(c.csf, c.sahHU, sah)
    var hu = fBlood * profile[F.extraHU] + fCSF * csfValue
    var blood = fBlood + fCSF * sah
    if fBrain > 0 {
      let brain = brainTissue(x: x, y: y, depth: brainDepth, profile: profile, tile: tile, c)
      hu += fBrain * brain.hu
      blood += fBrain * brain.blood
    }
    return (hu, blood)
  }

  /// Cortex with winding sulci, white matter, deep grey nuclei, CSF spaces, haematoma and falx.
  @inline(__always) private static func brainTissue(
    x: Float, y: Float, depth: Float, profile: UnsafePointer<Float>, tile: Int, _ c: Context
  ) -> (hu: Float, blood: Float) {
    typealias F = PhantomScene.Field
    let sulcusDepth = profile[F.sulcusDepth]
    var hu = c.white
    var blood: Float = 0
    if depth < sulcusDepth + 5 {
      let u = profile[F.phase] * PhantomGyri.texelsPerGyrus + c.gyriU
      let v = depth * c.gyriDepthScale + c.gyriV
      let texels = abs(PhantomGyri.sample(c.gyri, u, v))
      let across = texels * profile[F.gyrusWidth] * (1 / PhantomGyri.texelsPerGyrus)
      var greyDistance: Float
      var inSulcus: Float = 0
      if depth < sulcusDepth {
        // Wider at the surface, narrowing to the fundus.
        let open = 1 - depth / sulcusDepth
        let halfWidth =
          profile[F.sulcusHalfWidth] * (0.45 + open + (depth < 2 ? 1 - depth * 0.5 : 0))
        inSulcus =
          PhantomMath.cover(halfWidth - across, inverse: c.inverseEdge)
          * PhantomMath.cover(sulcusDepth - depth, inverse: c.inverseEdge * 0.5)
        greyDistance = min(depth, max(0, across - halfWidth))
      } else {
        greyDistance = min(depth, across + depth - sulcusDepth)
      }
      let grey = 1 - PhantomMath.cover(greyDistance - 2.4, inverse: 0.5)
      hu = mix(c.white, c.grey, grey)
      let sah = profile[F.sah]
      hu = mix(hu, mix(c.csf, c.sahHU, sah), inSulcus)
      blood = inSulcus * sah
    }

    let start = Int(c.softStart[tile])
    let end = Int(c.softStart[tile + 1])
    if start < end {
      let bell = y * c.shiftScale
      let sx = x - c.shift / (1 + bell * bell)
      var k = start
      while k < end {
        let shape = c.shapes[Int(c.softIndex[k])]
        k += 1
        guard sx >= shape.minX && sx <= shape.maxX && y >= shape.minY && y <= shape.maxY else {
          continue
        }
        let inside = shape.inside(sx, y)
        switch shape.tissue {
        case .deepGrey:
          hu = mix(hu, c.grey + shape.value, PhantomMath.cover(inside, inverse: 0.5))
        case .soft:
          hu = mix(hu, shape.value, PhantomMath.cover(inside, inverse: 0.2))
        case .ventricle:
          let cover = PhantomMath.cover(inside, inverse: c.inverseEdge)
          if cover > 0 {
            let layered = PhantomMath.cover(y - c.ivhLevel, inverse: c.inverseEdge)
            hu = mix(hu, mix(c.csf, c.ivhHU, layered), cover)
            blood = mix(blood, layered, cover)
          }
        case .cistern:
          let cover = PhantomMath.cover(inside, inverse: c.inverseEdge)
          if cover > 0 {
            hu = mix(hu, mix(c.csf, c.sahHU, shape.blood), cover)
            blood = mix(blood, shape.blood, cover)
          }
        case .membrane:
          hu = mix(hu, shape.value, PhantomMath.cover(inside, inverse: c.inverseEdge) * 0.8)
        case .solid:
          break
        }
      }
    }
    if let bleed = c.haematoma {
      let dx = x - bleed.cx
      let dy = y - bleed.cy
      if abs(dx) < bleed.reach && abs(dy) < bleed.reach {
        let u = (dx * bleed.cosine + dy * bleed.sine) / bleed.rx
        let v = (-dx * bleed.sine + dy * bleed.cosine) / bleed.ry
        let q = max((u * u + v * v).squareRoot(), 1e-4)
        let cu = u / q
        let sv = v / q
        let outline =
          1 + bleed.a2 * (cu * cu - sv * sv) + bleed.b2 * 2 * cu * sv
          + bleed.a3 * cu * (4 * cu * cu - 3) + bleed.b3 * sv * (3 - 4 * sv * sv)
        let inside = (outline - q) * bleed.ry
        let edema = PhantomMath.cover(inside + bleed.edema, inverse: 0.4)
        hu = mix(hu, c.white - 11, edema * 0.8)
        let core = PhantomMath.cover(inside, inverse: c.inverseEdge)
        hu = mix(hu, bleed.hu, core)
        blood = max(blood, core)
      }
    }
    return (hu, blood)
  }
}
