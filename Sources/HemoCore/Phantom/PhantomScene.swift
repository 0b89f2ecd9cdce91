import Foundation

/// Everything needed to paint one slice: per-angle profiles of the scalp, skull and brain surface,
/// and the structures inside the skull, in head millimetres (x to the image's right, y towards the
/// back of the head, origin at the head's centre).
struct PhantomScene: Sendable {
  static let bins = 720
  /// Per-angle profiles, indexed by angle bin.
  var outer: [Float]  // skin surface radius
  var fat: [Float]  // subcutaneous fat thickness
  var muscle: [Float]  // galea / temporalis / neck muscle thickness
  var skull: [Float]  // total skull thickness
  var diploe: [Float]  // diploë HU
  var csf: [Float]  // subarachnoid space thickness
  var extra: [Float]  // extra-axial blood thickness
  var extraHU: [Float]
  var sahWeight: [Float]  // 1 where sulci hold subarachnoid blood
  var phase: [Float]  // sulcal phase (one period per gyrus)
  var gyrusWidth: [Float]
  /// Per-sulcus depth (mm), half-width (mm) and obliquity (period per mm), indexed by sulcus & 63.
  var sulcusDepth: [Float]
  var sulcusHalfWidth: [Float]
  var sulcusTilt: [Float]
  var shapes: [PhantomShape]
  var shapeBox: (minX: Float, maxX: Float, minY: Float, maxY: Float)
  var maxOuter: Float
  var patient: PhantomPatient
  var plan: PhantomBleedPlan
  var brainHalfWidth: Double
  var brainHalfLength: Double
  var cisternSAH: Bool
  var ivhLevel: Float
  var midlineShift: Float

  init(patient: PhantomPatient, plan: PhantomBleedPlan, rng: inout SeededRNG) {
    self.patient = patient
    self.plan = plan
    let n = Self.bins
    let z = plan.z
    let level = SliceLevel.of(z: z)
    // Cross-section shrinks towards the vertex; the skull looks thicker there (oblique cut).
    let sectionScale = z < 0.62 ? 1.0 : (max(0.2, 1 - pow((z - 0.62) / 0.5, 2))).squareRoot()
    let baseScale = z < 0.15 ? 0.93 + 0.47 * z : 1.0
    let a = patient.halfWidth * sectionScale * baseScale
    let b = patient.halfLength * sectionScale * baseScale
    let shapeNoise = PhantomMath.randomProfile(count: n, order: 5, amplitude: 0.012, rng: &rng)
    let egg = rng.uniform(-0.035, 0.03)
    let skullNoise = PhantomMath.randomProfile(count: n, order: 6, amplitude: 0.12, rng: &rng)
    let diploeNoise = PhantomMath.randomProfile(count: n, order: 12, amplitude: 0.25, rng: &rng)
    let obliqueSkull = 1 / max(sectionScale, 0.55)
    let atrophy = patient.atrophy
    outer = [Float](repeating: 0, count: n)
    fat = outer
    muscle = outer
    skull = outer
    diploe = outer
    csf = outer
    extra = outer
    extraHU = outer
    sahWeight = outer
    phase = outer
    gyrusWidth = outer
    var maxOuter: Float = 0
    for bin in 0..<n {
      let theta = PhantomMath.angle(ofBin: bin, count: n)
      let c = cos(theta)
      let s = sin(theta)
      let ellipse = 1 / (c * c / (a * a) + s * s / (b * b)).squareRoot()
      let radius = ellipse * (1 + egg * s + Double(shapeNoise[bin]))
      outer[bin] = Float(radius)
      maxOuter = max(maxOuter, Float(radius))
      // Temples: thin skull, thick temporalis muscle (front half of the sides, low levels).
      let lateral = pow(abs(c), 3) * (s < 0.3 ? 1 : 0.4)
      let temporalLevel = z < 0.75 ? 1.0 : max(0, 1 - (z - 0.75) * 4)
      let thickness =
        (patient.skullThickness * (1 - lateral) + patient.temporalSkull * lateral)
        * (1 + Double(skullNoise[bin])) * obliqueSkull
      skull[bin] = Float(max(2.5, thickness))
      let neck = level == .posteriorFossa ? max(0, s - 0.4) * 12 : 0
      muscle[bin] = Float(2 + lateral * temporalLevel * 8 + neck)
      fat[bin] = Float(patient.scalpFat * (1 - 0.5 * lateral))
      diploe[bin] = patient.diploeHU * (1 + diploeNoise[bin])
      csf[bin] = Float(1.0 + atrophy * 2.5 + (s < -0.6 ? 0.6 : 0))
    }
    self.maxOuter = maxOuter + 2
    let inset = patient.skullThickness + patient.scalpFat + 3
    brainHalfWidth = a - inset
    brainHalfLength = b - inset - 1

    // Gyri: one phase period per gyrus, irregular widths; cerebellar folia are finer.
    var total: Double = 0
    let widthNoise = PhantomMath.randomProfile(count: n, order: 16, amplitude: 0.5, rng: &rng)
    for bin in 0..<n {
      let theta = PhantomMath.angle(ofBin: bin, count: n)
      let radius = Double(outer[bin]) - inset
      var width = (11 + atrophy * 2) * (1 + Double(widthNoise[bin]))
      if level == .posteriorFossa && sin(theta) > 0.35 { width *= 0.55 }
      width = max(6, width)
      gyrusWidth[bin] = Float(width)
      phase[bin] = Float(total)
      total += 2 * Double.pi / Double(n) * radius / width
    }
    let deep = level == .supraventricular ? 1.3 : 1.0
    sulcusDepth = (0..<64).map { _ in Float(rng.uniform(3, 13) * deep) }
    sulcusHalfWidth = (0..<64).map { _ in
      Float(rng.chance(0.3) ? 0.05 : rng.uniform(0.15, 0.5) + atrophy * rng.uniform(0.4, 1.4))
    }
    sulcusTilt = (0..<64).map { _ in Float(rng.uniform(-0.03, 0.03)) }

    // Extra-axial blood and the sector of sulcal subarachnoid blood.
    for bleed in plan.extraAxial {
      for bin in 0..<n {
        let theta = PhantomMath.angle(ofBin: bin, count: n)
        let u = PhantomMath.angleDifference(theta, bleed.centerAngle) / bleed.halfWidth
        guard abs(u) < 1 else { continue }
        let profile =
          bleed.subtype == .epidural ? (1 - u * u).squareRoot() : pow(1 - u * u, 0.7)
        let t = Float(bleed.thickness * profile)
        if t > extra[bin] {
          extra[bin] = t
          extraHU[bin] = bleed.hu
        }
        // The brain under a collection is pressed: its sulci and CSF space efface.
        csf[bin] *= Float(max(0.2, 1 - bleed.thickness / 12 * profile))
      }
    }
    if let sector = plan.subarachnoidSector {
      for bin in 0..<n {
        let theta = PhantomMath.angle(ofBin: bin, count: n)
        let u = abs(PhantomMath.angleDifference(theta, sector.center)) / sector.halfWidth
        sahWeight[bin] = Float(max(0, min(1, (1 - u) * 3)))
      }
    }
    cisternSAH = plan.subarachnoidCisterns
    ivhLevel = Float((plan.ventricularLevel ?? 9) * brainHalfLength)
    midlineShift = Float(plan.midlineShift)

    shapes = []
    shapeBox = (0, 0, 0, 0)
    addStructures(level: level, rng: &rng)
  }

  /// Fields of `table`, one row of `Field.count` floats per angle bin.
  enum Field {
    static let outer = 0, fat = 1, muscle = 2, skull = 3, diploe = 4, csf = 5, extra = 6
    static let extraHU = 7, sah = 8, phase = 9, gyrusWidth = 10, count = 12
  }

  /// The per-angle profiles interleaved per bin (for cache-friendly per-pixel reads).
  var table: [Float] {
    var table = [Float](repeating: 0, count: Self.bins * Field.count)
    for bin in 0..<Self.bins {
      let base = bin * Field.count
      table[base + Field.outer] = outer[bin]
      table[base + Field.fat] = fat[bin]
      table[base + Field.muscle] = muscle[bin]
      table[base + Field.skull] = skull[bin]
      table[base + Field.diploe] = diploe[bin]
      table[base + Field.csf] = csf[bin]
      table[base + Field.extra] = extra[bin]
      table[base + Field.extraHU] = extraHU[bin]
      table[base + Field.sah] = sahWeight[bin]
      table[base + Field.phase] = phase[bin]
      table[base + Field.gyrusWidth] = gyrusWidth[bin]
    }
    return table
  }

  /// Per-sulcus depth, half-width and tilt interleaved (64 × 3).
  var sulci: [Float] {
    (0..<64).flatMap { [sulcusDepth[$0], sulcusHalfWidth[$0], sulcusTilt[$0]] }
  }

  private mutating func addStructures(level: SliceLevel, rng: inout SeededRNG) {
    let w = brainHalfWidth
    let l = brainHalfLength
    let p = patient
    let z = plan.z
    let swell = 1 + p.atrophy * 2.2
    let csf = p.csfHU
    var list: [PhantomShape] = []
    func at(_ u: Double, _ v: Double) -> (Double, Double) { (u * w, v * l) }
    func mirror(_ build: (Double) -> Void) {
      build(1)
      build(-1)
    }
    let falxHU: Float = 62
    switch level {
    case .posteriorFossa:
      let zz = z / PhantomLevels.ventricleBottom
      mirror { side in
        // Petrous ridge with mastoid air cells at its lateral end.
        let petrousStart = at(side * 0.88, 0.27)
        let petrousEnd = at(side * 0.25, 0.0)
        list.append(
          .ellipse(
            .solid, p.corticalBoneHU,
            center: ((petrousStart.0 + petrousEnd.0) / 2, (petrousStart.1 + petrousEnd.1) / 2),
            rx: hypot(petrousEnd.0 - petrousStart.0, petrousEnd.1 - petrousStart.1) / 2,
            ry: 5.5 - zz * 2,
            angle: atan2(petrousEnd.1 - petrousStart.1, petrousEnd.0 - petrousStart.0)))
        for k in 0..<4 {
          list.append(
            .capsule(
              .solid, -900, at(side * (0.8 - 0.05 * Double(k)), 0.22 + 0.03 * Double(k % 2)),
              at(side * (0.78 - 0.05 * Double(k)), 0.18), radius: rng.uniform(0.8, 2.2)))
        }
        // Sphenoid wing between the frontal and temporal lobes.
        if zz > 0.35 {
          list.append(
            .capsule(
              .solid, p.corticalBoneHU * 0.8, at(side * 0.8, -0.4), at(side * 0.22, -0.3),
              radius: 1.3))
        }
        // Temporal horn.
        list.append(
          .capsule(
            .ventricle, csf, at(side * 0.42, -0.1), at(side * 0.36, -0.02),
            radius: 1 + p.atrophy * 2
          ))
      }
      // Clivus / dorsum sellae and the sphenoid sinus in front of it.
      list.append(.capsule(.solid, p.corticalBoneHU * 0.85, at(0, -0.3), at(0, -0.08), radius: 5))
      list.append(.ellipse(.solid, -900, center: at(0, -0.38), rx: 9, ry: 6))
      // Fourth ventricle and prepontine cistern; cerebellar hemispheres behind.
      list.append(.ellipse(.ventricle, csf, center: at(0, 0.3), rx: 4.5 * swell, ry: 3))
      list.append(.capsule(.cistern, csf, at(-0.08, 0.03), at(0.08, 0.03), radius: 1.5 * swell))
      list.append(.capsule(.cistern, csf, at(0, 0.62), at(0, 1.0), radius: 1.0 * swell))
      if zz > 0.6 {
        // Suprasellar cistern (the "star" that subarachnoid blood fills).
        list.append(.ellipse(.cistern, csf, center: at(0, -0.16), rx: 7 * swell, ry: 5))
        mirror { side in
          list.append(
            .capsule(.cistern, csf, at(side * 0.1, -0.16), at(side * 0.7, -0.28), radius: 1.6))
        }
      }
    case .ventricles:
      let zz =
        (z - PhantomLevels.ventricleBottom)
        / (PhantomLevels.ventricleTop - PhantomLevels.ventricleBottom)
      let r = 1.6 * swell
      if zz < 0.4 {
        mirror { side in
          // Frontal horns, diverging forwards; atria and occipital horns behind.
          list.append(
            .capsule(.ventricle, csf, at(side * 0.16, -0.42), at(side * 0.05, -0.2), radius: r))
          list.append(
            .capsule(.ventricle, csf, at(side * 0.22, 0.22), at(side * 0.17, 0.45), radius: r * 0.8)
          )
          // Caudate / lentiform nuclei and thalamus: deep grey matter.
          list.append(
            .ellipse(
              .deepGrey, p.greyHU - p.whiteHU - 2, center: at(side * 0.3, -0.12), rx: 0.07 * w,
              ry: 0.2 * l, angle: side * 0.25))
          list.append(
            .ellipse(
              .deepGrey, p.greyHU - p.whiteHU - 1, center: at(side * 0.12, 0.05), rx: 0.08 * w,
              ry: 0.13 * l))
          // Sylvian fissure, reaching in to the insula.
          list.append(
            .capsule(
              .cistern, csf, at(side * 1.02, -0.08), at(side * 0.55, -0.14),
              radius: 1.2 + p.atrophy * 1.8))
          if p.choroid {
            list.append(.ellipse(.solid, 150, center: at(side * 0.2, 0.3), rx: 2, ry: 2.5))
          }
        }
        list.append(.capsule(.cistern, csf, at(0, -0.14), at(0, 0.06), radius: 1 + p.atrophy * 2))
        list.append(.capsule(.cistern, csf, at(-0.06, 0.21), at(0.06, 0.21), radius: 1.4 * swell))
        if p.pineal { list.append(.ellipse(.solid, 260, center: at(0, 0.13), rx: 2, ry: 2.2)) }
      } else if zz < 0.8 {
        mirror { side in
          list.append(
            .capsule(.ventricle, csf, at(side * 0.09, -0.38), at(side * 0.11, 0.05), radius: r))
          list.append(
            .capsule(.ventricle, csf, at(side * 0.11, 0.05), at(side * 0.2, 0.38), radius: r * 1.1)
          )
          if p.choroid {
            list.append(.ellipse(.solid, 150, center: at(side * 0.19, 0.3), rx: 2, ry: 2.5))
          }
        }
      } else {
        mirror { side in
          list.append(
            .capsule(
              .ventricle, csf, at(side * 0.12, -0.22), at(side * 0.15, 0.25), radius: r * 0.55))
        }
      }
      list.append(.capsule(.cistern, csf, at(0, -1.05), at(0, -0.45), radius: 0.7 + p.atrophy))
      list.append(.capsule(.cistern, csf, at(0, 0.45), at(0, 1.05), radius: 0.7 + p.atrophy))
      list.append(.capsule(.membrane, falxHU, at(0, -1.05), at(0, -0.5), radius: 0.45))
      list.append(.capsule(.membrane, falxHU, at(0, 0.5), at(0, 1.05), radius: 0.45))
    case .supraventricular:
      list.append(.capsule(.cistern, csf, at(0, -1.05), at(0, 1.05), radius: 0.7 + p.atrophy))
      list.append(.capsule(.membrane, falxHU, at(0, -1.05), at(0, 1.05), radius: 0.45))
    }
    if p.falxCalcified && level != .posteriorFossa {
      let y = rng.uniform(-0.8, -0.3) * l
      list.append(.ellipse(.solid, 220, center: (0, y), rx: 1.2, ry: rng.uniform(3, 7)))
    }
    // Frontal sinus: air between the tables of the frontal bone, at low levels.
    if z < 0.28 && p.frontalSinus > 0 {
      let front = Self.bins / 4
      let depth = Double(1.8 + fat[front] + muscle[front] + skull[front] * 0.5)
      let y = -Double(outer[front]) + depth
      list.append(
        .ellipse(
          .solid, -950, center: (0, y), rx: p.frontalSinus * 1.2,
          ry: min(p.frontalSinus * 0.4, Double(skull[front]) * 0.4)))
    }
    shapes = list
    var box: (Float, Float, Float, Float) = (.infinity, -.infinity, .infinity, -.infinity)
    for shape in list {
      box = (
        min(box.0, shape.minX), max(box.1, shape.maxX), min(box.2, shape.minY),
        max(box.3, shape.maxY)
      )
    }
    shapeBox = list.isEmpty ? (0, 0, 0, 0) : box
  }
}
