/// The per-pixel painting of `PhantomRenderer`, eight neighbouring pixels of a row at a time.
///
/// Every lane does the same IEEE operations in the same order as a pixel painted on its own;
/// branches become per-lane selections, and a branch is skipped only when no lane takes it.
/// The eight pixels always lie in one tile, so they share the tile's structure lists.
extension PhantomRenderer {
  typealias Lanes = PhantomVector.Lanes
  private typealias V = PhantomVector

  /// The angle profile's fields each of the eight pixels reads: those every pixel needs at
  /// once, the rest (skull diploë, gyri) from `field` when some lane needs them.
  struct Profile {
    let r0: UnsafePointer<Float>, r1: UnsafePointer<Float>, r2: UnsafePointer<Float>
    let r3: UnsafePointer<Float>, r4: UnsafePointer<Float>, r5: UnsafePointer<Float>
    let r6: UnsafePointer<Float>, r7: UnsafePointer<Float>
    let outer: Lanes, fat: Lanes, muscle: Lanes, skull: Lanes, csf: Lanes
    let extra: Lanes, extraHU: Lanes, sah: Lanes, sulcusDepth: Lanes

    /// From the table rows of the eight pixels' angles.
    @inline(__always) init(
      _ r0: UnsafePointer<Float>, _ r1: UnsafePointer<Float>, _ r2: UnsafePointer<Float>,
      _ r3: UnsafePointer<Float>, _ r4: UnsafePointer<Float>, _ r5: UnsafePointer<Float>,
      _ r6: UnsafePointer<Float>, _ r7: UnsafePointer<Float>
    ) {
      typealias F = PhantomScene.Field
      (self.r0, self.r1, self.r2, self.r3) = (r0, r1, r2, r3)
      (self.r4, self.r5, self.r6, self.r7) = (r4, r5, r6, r7)
      func field(_ f: Int) -> Lanes {
        Lanes(r0[f], r1[f], r2[f], r3[f], r4[f], r5[f], r6[f], r7[f])
      }
      outer = field(F.outer)
      fat = field(F.fat)
      muscle = field(F.muscle)
      skull = field(F.skull)
      csf = field(F.csf)
      extra = field(F.extra)
      extraHU = field(F.extraHU)
      sah = field(F.sah)
      sulcusDepth = field(F.sulcusDepth)
    }

    /// Field `f` (a `PhantomScene.Field`) of the eight rows.
    @inline(__always) func field(_ f: Int) -> Lanes {
      Lanes(r0[f], r1[f], r2[f], r3[f], r4[f], r5[f], r6[f], r7[f])
    }
  }

  /// Eight pixels at head coordinates (x, y), depth `d` below the skin.
  @inline(__always) static func pixels(
    x: Lanes, y: Lanes, d: Lanes, _ p: Profile, tile: Int, _ c: Context
  ) -> (hu: Lanes, blood: Lanes) {
    let w = c.edge
    let inverse = c.inverseEdge
    let muscleStart = skin + p.fat
    let boneStart = muscleStart + p.muscle
    let inner = d - boneStart - p.skull
    let deep = inner .>= w * 0.5
    let brain = intracranial(x: x, y: y, depth: inner, p, tile: tile, c)
    // Residual beam hardening: brighter under the inner table, fading as (1 − depth/reach)².
    let fade = V.min(
      Lanes(repeating: 1), V.max(Lanes(), 1 - inner * c.cuppingInverseReach))
    var h = brain.hu + c.cupping * fade * fade
    var bloodFraction = brain.blood
    if V.any(.!deep) {
      // Scalp, muscle and skull tables, then the inside of the skull where it reaches.
      var layers = V.mix(-1000, Lanes(repeating: skinHU), V.cover(d, inverse: inverse))
      layers = V.mix(layers, fatHU, V.cover(d - skin, inverse: inverse))
      layers = V.mix(layers, muscleHU, V.cover(d - muscleStart, inverse: inverse))
      let outer = p.skull * 0.3
      let outerTable = Lanes(repeating: 2.2).replacing(with: outer, where: outer .< 2.2)
      let innerWidth = p.skull * 0.25
      let innerTable = Lanes(repeating: 1.6).replacing(with: innerWidth, where: innerWidth .< 1.6)
      layers = V.mix(layers, c.bone, V.cover(d - boneStart, inverse: inverse))
      let diploe = p.field(PhantomScene.Field.diploe)
      layers = V.mix(layers, diploe, V.cover(d - boneStart - outerTable, inverse: inverse))
      layers = V.mix(
        layers, c.bone * 0.95, V.cover(d - boneStart - p.skull + innerTable, inverse: inverse))
      let reaches = inner .> -w * 0.5
      let cranial = V.cover(inner, inverse: inverse)
      let mixed = V.mix(layers, brain.hu, cranial)
      let mixedBlood = brain.blood * cranial
      h = h.replacing(with: layers.replacing(with: mixed, where: reaches), where: .!deep)
      bloodFraction.replace(
        with: Lanes().replacing(with: mixedBlood, where: reaches), where: .!deep)
    }
    // Bone, air cells, orbits and calcifications lie over everything.
    let end = Int(c.solidStart[tile + 1])
    var k = Int(c.solidStart[tile])
    while k < end {
      let shape = c.shapes[Int(c.solidIndex[k])]
      k += 1
      let box = (x .>= shape.minX) .& (x .<= shape.maxX) .& (y .>= shape.minY) .& (y .<= shape.maxY)
      guard V.any(box) else { continue }
      let cover = V.cover(shape.inside(x, y), inverse: inverse)
      let covered = box .& (cover .> 0)
      h.replace(with: V.mix(h, shape.value, cover), where: covered)
      bloodFraction.replace(with: bloodFraction * (1 - cover), where: covered)
    }
    return (h, bloodFraction)
  }

  /// Inside the inner table: extra-axial blood, the subarachnoid space, then brain.
  @inline(__always) private static func intracranial(
    x: Lanes, y: Lanes, depth: Lanes, _ p: Profile, tile: Int, _ c: Context
  ) -> (hu: Lanes, blood: Lanes) {
    let inverse = c.inverseEdge
    let fBlood = Lanes().replacing(
      with: 1 - V.cover(depth - p.extra, inverse: inverse), where: p.extra .> 0)
    let brainDepth = depth - p.extra - p.csf
    let fBrain = V.cover(brainDepth, inverse: inverse)
    let fCSF = V.max(Lanes(), 1 - fBlood - fBrain)
    let csfValue = V.mix(c.csf, Lanes(repeating: c.sahHU), p.sah)
    var hu = fBlood * p.extraHU + fCSF * csfValue
    var blood = fBlood + fCSF * p.sah
    let inBrain = fBrain .> 0
    if V.any(inBrain) {
      let brain = brainTissue(x: x, y: y, depth: brainDepth, p, tile: tile, c)
      hu.replace(with: hu + fBrain * brain.hu, where: inBrain)
      blood.replace(with: blood + fBrain * brain.blood, where: inBrain)
    }
    return (hu, blood)
  }

  /// Cortex with winding sulci, white matter, deep grey nuclei, CSF spaces, haematoma and falx.
  @inline(__always) private static func brainTissue(
    x: Lanes, y: Lanes, depth: Lanes, _ p: Profile, tile: Int, _ c: Context
  ) -> (hu: Lanes, blood: Lanes) {
    let inverse = c.inverseEdge
    var hu = Lanes(repeating: c.white)
    var blood = Lanes()
    let cortex = depth .< p.sulcusDepth + 5
    if V.any(cortex) {
      typealias F = PhantomScene.Field
      let u = p.field(F.phase) * PhantomGyri.texelsPerGyrus + c.gyriU
      let v = depth * c.gyriDepthScale + c.gyriV
      var texels = Lanes()
      for lane in 0..<PhantomVector.width where cortex[lane] {
        texels[lane] = PhantomGyri.sample(c.gyri, u[lane], v[lane])
      }
      let across = V.abs(texels) * p.field(F.gyrusWidth) * (1 / PhantomGyri.texelsPerGyrus)
      let inGroove = depth .< p.sulcusDepth
      // Wider at the surface, narrowing to the fundus.
      let open = 1 - depth / p.sulcusDepth
      let lip = Lanes().replacing(with: 1 - depth * 0.5, where: depth .< 2)
      let halfWidth = p.field(F.sulcusHalfWidth) * (0.45 + open + lip)
      let inSulcus = Lanes().replacing(
        with: V.cover(halfWidth - across, inverse: inverse)
          * V.cover(p.sulcusDepth - depth, inverse: inverse * 0.5), where: inGroove)
      let besideGroove = V.min(depth, V.max(Lanes(), across - halfWidth))
      let belowGroove = V.min(depth, across + depth - p.sulcusDepth)
      let greyDistance = belowGroove.replacing(with: besideGroove, where: inGroove)
      let grey = 1 - V.cover(greyDistance - 2.4, inverse: 0.5)
      var cortical = V.mix(c.white, Lanes(repeating: c.grey), grey)
      cortical = V.mix(cortical, V.mix(c.csf, Lanes(repeating: c.sahHU), p.sah), inSulcus)
      hu.replace(with: cortical, where: cortex)
      blood.replace(with: inSulcus * p.sah, where: cortex)
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
        let box =
          (sx .>= shape.minX) .& (sx .<= shape.maxX) .& (y .>= shape.minY) .& (y .<= shape.maxY)
        guard V.any(box) else { continue }
        let inside = shape.inside(sx, y)
        switch shape.tissue {
        case .deepGrey:
          hu.replace(
            with: V.mix(hu, c.grey + shape.value, V.cover(inside, inverse: 0.5)), where: box)
        case .soft:
          hu.replace(with: V.mix(hu, shape.value, V.cover(inside, inverse: 0.2)), where: box)
        case .ventricle:
          let cover = V.cover(inside, inverse: inverse)
          let covered = box .& (cover .> 0)
          let layered = V.cover(y - c.ivhLevel, inverse: inverse)
          hu.replace(
            with: V.mix(hu, V.mix(c.csf, Lanes(repeating: c.ivhHU), layered), cover),
            where: covered)
          blood.replace(with: V.mix(blood, layered, cover), where: covered)
        case .cistern:
          let cover = V.cover(inside, inverse: inverse)
          let covered = box .& (cover .> 0)
          hu.replace(
            with: V.mix(hu, c.csf + (c.sahHU - c.csf) * shape.blood, cover), where: covered)
          blood.replace(with: V.mix(blood, shape.blood, cover), where: covered)
        case .membrane:
          hu.replace(
            with: V.mix(hu, shape.value, V.cover(inside, inverse: inverse) * 0.8), where: box)
        case .solid:
          break
        }
      }
    }
    if let bleed = c.haematoma {
      let dx = x - bleed.cx
      let dy = y - bleed.cy
      let near = (V.abs(dx) .< bleed.reach) .& (V.abs(dy) .< bleed.reach)
      if V.any(near) {
        let u = (dx * bleed.cosine + dy * bleed.sine) / bleed.rx
        let v = (-dx * bleed.sine + dy * bleed.cosine) / bleed.ry
        let q = V.max((u * u + v * v).squareRoot(), Lanes(repeating: 1e-4))
        let cu = u / q
        let sv = v / q
        // Left to right, as one expression would be evaluated.
        let second: Lanes = bleed.a2 * (cu * cu - sv * sv)
        let b2: Float = bleed.b2 * 2
        let mixed: Lanes = b2 * cu * sv
        let cube: Lanes = 4 * cu * cu - 3
        let third: Lanes = bleed.a3 * cu * cube
        let cubeSine: Lanes = 3 - 4 * sv * sv
        let fourth: Lanes = bleed.b3 * sv * cubeSine
        let outline: Lanes = 1 + second + mixed + third + fourth
        let inside = (outline - q) * bleed.ry
        let edema = V.cover(inside + bleed.edema, inverse: 0.4)
        var core = V.mix(hu, c.white - 11, edema * 0.8)
        let fraction = V.cover(inside, inverse: inverse)
        core = V.mix(core, bleed.hu, fraction)
        hu.replace(with: core, where: near)
        blood.replace(with: V.max(blood, fraction), where: near)
      }
    }
    return (hu, blood)
  }
}
