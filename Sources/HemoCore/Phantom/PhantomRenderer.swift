import Foundation

/// Paints a `PhantomScene` into HU pixels and a blood-fraction map (before blur and noise).
///
/// The per-pixel code reads the scene through raw buffer pointers gathered in `Context` (a
/// trivial struct), so the hot loop does no reference counting or bounds checks.
struct PhantomRenderer {
  let scene: PhantomScene
  let size: Int
  let spacing: Float
  /// Partial-volume edge width in millimetres.
  let edge: Float

  /// An intraparenchymal haematoma in head millimetres, with an irregular outline.
  struct Haematoma {
    var cx: Float = 0, cy: Float = 0, cosine: Float = 1, sine: Float = 0, rx: Float = 1
    var ry: Float = 1, a2: Float = 0, b2: Float = 0, a3: Float = 0, b3: Float = 0
    var hu: Float = 0, edema: Float = 0, reach: Float = 0
  }

  /// Everything the per-pixel code reads.
  struct Context {
    var table: UnsafePointer<Float>
    var sulci: UnsafePointer<Float>
    /// Solid shapes (bone, air, calcification) and the others, kept apart for the hot loop.
    var solids: UnsafeBufferPointer<PhantomShape>
    var soft: UnsafeBufferPointer<PhantomShape>
    var box: (minX: Float, maxX: Float, minY: Float, maxY: Float)
    var edge: Float
    var grey: Float, white: Float, csf: Float, bone: Float
    var sahHU: Float, ivhHU: Float, ivhLevel: Float, cisternSAH: Float
    var shift: Float, shiftScale: Float
    var haematoma: Haematoma?
  }

  private static let skinHU: Float = 40
  private static let fatHU: Float = -95
  private static let muscleHU: Float = 60
  private static let skin: Float = 1.8

  func render(rng: inout SeededRNG) -> (hu: [Float], blood: [Float]) {
    var hu = [Float](repeating: -1000, count: size * size)
    var blood = [Float](repeating: 0, count: size * size)
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
    let cosR = Float(cos(p.rotation))
    let sinR = Float(sin(p.rotation))
    let centre = Float(size) / 2
    let binScale = Float(PhantomScene.bins) / (2 * Float.pi)
    let lastBin = PhantomScene.bins - 1
    let maxOuter2 = scene.maxOuter * scene.maxOuter
    let stride = PhantomScene.Field.count
    let table = scene.table
    let sulci = scene.sulci
    let solidShapes = scene.shapes.filter { $0.isSolid }
    let softShapes = scene.shapes.filter { !$0.isSolid }
    let size = size
    let spacing = spacing
    table.withUnsafeBufferPointer { table in
      sulci.withUnsafeBufferPointer { sulci in
        solidShapes.withUnsafeBufferPointer { solids in
          softShapes.withUnsafeBufferPointer { soft in
            let context = Context(
              table: table.baseAddress!, sulci: sulci.baseAddress!, solids: solids, soft: soft,
              box: scene.shapeBox, edge: edge, grey: p.greyHU, white: p.whiteHU, csf: p.csfHU,
              bone: p.corticalBoneHU, sahHU: scene.plan.subarachnoidHU,
              ivhHU: scene.plan.ventricularHU, ivhLevel: scene.ivhLevel,
              cisternSAH: scene.cisternSAH ? 1 : 0, shift: scene.midlineShift,
              shiftScale: 1 / Float(scene.brainHalfLength * 0.55), haematoma: haematoma)
            hu.withUnsafeMutableBufferPointer { hu in
              blood.withUnsafeMutableBufferPointer { blood in
                for row in 0..<size {
                  let dy = (Float(row) + 0.5 - centre) * spacing - Float(p.offsetY)
                  for column in 0..<size {
                    let dx = (Float(column) + 0.5 - centre) * spacing - Float(p.offsetX)
                    let x = cosR * dx + sinR * dy
                    let y = -sinR * dx + cosR * dy
                    let r2 = x * x + y * y
                    if r2 > maxOuter2 { continue }
                    let r = r2.squareRoot()
                    var bin = Int((PhantomMath.atan2(y, x) + Float.pi) * binScale)
                    bin = bin < 0 ? 0 : (bin > lastBin ? lastBin : bin)
                    let profile = context.table + bin * stride
                    let d = profile[PhantomScene.Field.outer] - r
                    if d < -context.edge { continue }
                    let value = Self.pixel(x: x, y: y, d: d, profile: profile, context)
                    hu[row * size + column] = value.hu
                    blood[row * size + column] = value.blood
                  }
                }
              }
            }
          }
        }
      }
    }
    return (hu, blood)
  }

  @inline(__always) private static func mix(_ a: Float, _ b: Float, _ t: Float) -> Float {
    a + (b - a) * t
  }

  /// One pixel at head coordinates (x, y), depth `d` below the skin; `profile` is its angle's row.
  @inline(__always) private static func pixel(
    x: Float, y: Float, d: Float, profile: UnsafePointer<Float>, _ c: Context
  ) -> (hu: Float, blood: Float) {
    typealias F = PhantomScene.Field
    let w = c.edge
    var h = mix(-1000, skinHU, PhantomMath.cover(d, w))
    h = mix(h, fatHU, PhantomMath.cover(d - skin, w))
    let muscleStart = skin + profile[F.fat]
    h = mix(h, muscleHU, PhantomMath.cover(d - muscleStart, w))
    let boneStart = muscleStart + profile[F.muscle]
    let skull = profile[F.skull]
    let outerTable = min(1.9, skull * 0.3)
    let innerTable = min(1.5, skull * 0.25)
    h = mix(h, c.bone, PhantomMath.cover(d - boneStart, w))
    h = mix(h, profile[F.diploe], PhantomMath.cover(d - boneStart - outerTable, w))
    h = mix(h, c.bone * 0.95, PhantomMath.cover(d - boneStart - skull + innerTable, w))
    let inner = d - boneStart - skull
    var bloodFraction: Float = 0
    if inner > -w {
      let cranial = PhantomMath.cover(inner, w)
      let value = intracranial(x: x, y: y, depth: inner, profile: profile, c)
      h = mix(h, value.hu, cranial)
      bloodFraction = value.blood * cranial
    }
    // Bone, air cells and calcifications lie over everything.
    if x >= c.box.minX && x <= c.box.maxX && y >= c.box.minY && y <= c.box.maxY {
      for shape in c.solids {
        guard x >= shape.minX && x <= shape.maxX && y >= shape.minY && y <= shape.maxY else {
          continue
        }
        let cover = PhantomMath.cover(shape.inside(x, y), w)
        if cover > 0 {
          h = mix(h, shape.value, cover)
          bloodFraction *= 1 - cover
        }
      }
    }
    return (h, bloodFraction)
  }

  /// Inside the inner table: extra-axial blood, the subarachnoid space, then brain.
  @inline(__always) private static func intracranial(
    x: Float, y: Float, depth: Float, profile: UnsafePointer<Float>, _ c: Context
  ) -> (hu: Float, blood: Float) {
    typealias F = PhantomScene.Field
    let w = c.edge
    let extra = profile[F.extra]
    let fBlood = extra > 0 ? 1 - PhantomMath.cover(depth - extra, w) : 0
    let brainDepth = depth - extra - profile[F.csf]
    let fBrain = PhantomMath.cover(brainDepth, w)
    let fCSF = max(0, 1 - fBlood - fBrain)
    let sah = profile[F.sah]
    let csfValue = mix(c.csf, c.sahHU, sah)
    var hu = fBlood * profile[F.extraHU] + fCSF * csfValue
    var blood = fBlood + fCSF * sah
    if fBrain > 0 {
      let brain = brainTissue(x: x, y: y, depth: brainDepth, profile: profile, c)
      hu += fBrain * brain.hu
      blood += fBrain * brain.blood
    }
    return (hu, blood)
  }

  /// Cortex with sulci, white matter, deep grey nuclei, CSF spaces, haematoma and falx.
  @inline(__always) private static func brainTissue(
    x: Float, y: Float, depth: Float, profile: UnsafePointer<Float>, _ c: Context
  ) -> (hu: Float, blood: Float) {
    typealias F = PhantomScene.Field
    let w = c.edge
    // Sulci: one per phase period, each with its own depth, width and obliquity.
    let phase0 = profile[F.phase]
    let sulcus = c.sulci + (Int(phase0.rounded(.down)) & 63) * 3
    let sulcusDepth = sulcus[0]
    let phase = phase0 + sulcus[2] * depth
    let fraction = phase - phase.rounded(.down)
    let tangential = abs(fraction - 0.5) * profile[F.gyrusWidth]
    var inSulcus: Float = 0
    var greyDistance: Float
    if depth < sulcusDepth + w {
      let halfWidth = sulcus[1] * (0.4 + max(0, 1 - depth / sulcusDepth))
      inSulcus =
        PhantomMath.cover(halfWidth - tangential, w)
        * PhantomMath.cover(sulcusDepth - depth, w * 2)
      greyDistance = min(depth, max(0, tangential - halfWidth))
    } else {
      greyDistance = min(depth, tangential + depth - sulcusDepth)
    }
    let grey = 1 - PhantomMath.cover(greyDistance - 2.6, 2.4)
    var hu = mix(c.white, c.grey, grey)
    let sah = profile[F.sah]
    hu = mix(hu, mix(c.csf, c.sahHU, sah), inSulcus)
    var blood = inSulcus * sah

    let shift = abs(c.shift)
    if x >= c.box.minX - shift && x <= c.box.maxX + shift && y >= c.box.minY && y <= c.box.maxY {
      let bell = y * c.shiftScale
      let sx = x - c.shift / (1 + bell * bell)
      for shape in c.soft {
        guard sx >= shape.minX && sx <= shape.maxX && y >= shape.minY && y <= shape.maxY else {
          continue
        }
        let inside = shape.inside(sx, y)
        switch shape.tissue {
        case .deepGrey:
          hu += shape.value * PhantomMath.cover(inside, 3)
        case .ventricle:
          let cover = PhantomMath.cover(inside, w)
          if cover > 0 {
            let layered = PhantomMath.cover(y - c.ivhLevel, w)
            hu = mix(hu, mix(c.csf, c.ivhHU, layered), cover)
            blood = mix(blood, layered, cover)
          }
        case .cistern:
          let cover = PhantomMath.cover(inside, w)
          if cover > 0 {
            hu = mix(hu, mix(c.csf, c.sahHU, c.cisternSAH), cover)
            blood = mix(blood, c.cisternSAH, cover)
          }
        case .membrane:
          hu = mix(hu, shape.value, PhantomMath.cover(inside, w) * 0.8)
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
        let edema = PhantomMath.cover(inside + bleed.edema, 2.5)
        hu = mix(hu, c.white - 11, edema * 0.8)
        let core = PhantomMath.cover(inside, w)
        hu = mix(hu, bleed.hu, core)
        blood = max(blood, core)
      }
    }
    return (hu, blood)
  }
}
