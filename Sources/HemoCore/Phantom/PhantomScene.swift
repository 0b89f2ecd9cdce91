import Foundation

/// Everything needed to paint one slice: per-angle profiles of the scalp, skull and brain surface,
/// and the structures inside the skull, in head millimetres (x to the image's right, y towards the
/// back of the head, origin at the head's centre).
struct PhantomScene: Sendable {
  static let bins = 720
  /// Cosine and sine of each bin's angle.
  static let cosines: [Double] = (0..<bins).map { cos(PhantomMath.angle(ofBin: $0, count: bins)) }
  static let sines: [Double] = (0..<bins).map { sin(PhantomMath.angle(ofBin: $0, count: bins)) }
  /// Per-angle profiles interleaved per bin (`Field.count` floats a bin), for the per-pixel reads.
  var table: [Float]
  var shapes: [PhantomShape]
  var maxOuter: Float
  var patient: PhantomPatient
  var plan: PhantomBleedPlan
  var brainHalfWidth: Double
  var brainHalfLength: Double
  var ivhLevel: Float
  var midlineShift: Float
  /// Offset of this slice's sample of the gyral texture (texels), and texels per mm of depth.
  var gyriOffset: (Float, Float)
  var gyriDepthScale: Float

  /// Fields of `table`, one row of `Field.count` floats per angle bin.
  enum Field {
    static let outer = 0, fat = 1, muscle = 2, skull = 3, diploe = 4, csf = 5, extra = 6
    static let extraHU = 7, sah = 8, phase = 9, gyrusWidth = 10, sulcusDepth = 11
    static let sulcusHalfWidth = 12, count = 16
  }

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
    let skullNoise = PhantomMath.randomProfile(count: n, order: 6, amplitude: 0.1, rng: &rng)
    let diploeNoise = PhantomMath.randomProfile(count: n, order: 12, amplitude: 0.25, rng: &rng)
    let depthNoise = PhantomMath.randomProfile(count: n, order: 24, amplitude: 0.5, rng: &rng)
    let widthNoise = PhantomMath.randomProfile(count: n, order: 16, amplitude: 0.35, rng: &rng)
    let sulcusNoise = PhantomMath.randomProfile(count: n, order: 30, amplitude: 0.9, rng: &rng)
    let patchNoise = PhantomMath.randomProfile(count: n, order: 40, amplitude: 1.6, rng: &rng)
    let obliqueSkull = 1 / max(sectionScale, 0.5)
    let atrophy = patient.atrophy
    var table = [Float](repeating: 0, count: n * Field.count)
    var maxOuter: Float = 0
    var minOuter = Float.infinity
    for bin in 0..<n {
      let row = bin * Field.count
      let c = Self.cosines[bin]
      let s = Self.sines[bin]
      let ellipse = 1 / (c * c / (a * a) + s * s / (b * b)).squareRoot()
      let radius = ellipse * (1 + egg * s + Double(shapeNoise[bin]))
      table[row + Field.outer] = Float(radius)
      maxOuter = max(maxOuter, Float(radius))
      minOuter = min(minOuter, Float(radius))
      // Temples: thin skull, thick temporalis muscle (front half of the sides, low levels).
      let lateral = c * c * abs(c) * (s < 0.3 ? 1 : 0.4)
      let temporalLevel = z < 0.75 ? 1.0 : max(0, 1 - (z - 0.75) * 4)
      let thickness =
        (patient.skullThickness * (1 - lateral) + patient.temporalSkull * lateral)
        * (1 + Double(skullNoise[bin])) * obliqueSkull
      table[row + Field.skull] = Float(max(3, thickness))
      let neck = level == .posteriorFossa ? max(0, s - 0.4) * 12 : 0
      table[row + Field.muscle] = Float(1.2 + lateral * temporalLevel * 5 + neck)
      table[row + Field.fat] = Float(patient.scalpFat * (1 - 0.5 * lateral))
      table[row + Field.diploe] = patient.diploeHU * (1 + diploeNoise[bin])
      // The CSF over the convexity: a hairline in young heads (the bone's bright spill covers
      // it), a dark band only with atrophy; a little wider over the frontal lobes.
      table[row + Field.csf] = Float(0.25 + atrophy * 2.4 + (s < -0.6 ? 0.3 : 0))
    }
    self.maxOuter = maxOuter + 2
    let inset = patient.skullThickness + patient.scalpFat + 4
    brainHalfWidth = a - inset
    brainHalfLength = b - inset - 1

    // Gyri: the cumulative gyrus count along the surface (`phase`) is the texture's u axis;
    // cerebellar folia (posterior fossa, back of the head) are finer and shallower.
    var total: Double = 0
    let deep = level == .supraventricular ? 1.25 : 1.0
    for bin in 0..<n {
      let row = bin * Field.count
      let radius = Double(table[row + Field.outer]) - inset
      var width = (11 + atrophy * 2) * (1 + Double(widthNoise[bin]))
      var depth = (10 + 4 * Double(depthNoise[bin])) * deep + atrophy * 4
      // Young brains: sulci thin, mostly effaced; atrophic ones: wide.
      var halfWidth = 0.45 + 0.3 * Double(sulcusNoise[bin]) + atrophy * 1.4
      if level == .posteriorFossa && Self.sines[bin] > 0.35 {
        width *= 0.45
        depth *= 0.6
        halfWidth *= 0.7
      }
      width = max(6, width)
      table[row + Field.gyrusWidth] = Float(width)
      table[row + Field.phase] = Float(total)
      table[row + Field.sulcusDepth] = Float(max(4, depth))
      table[row + Field.sulcusHalfWidth] = Float(max(0.12, halfWidth))
      total += 2 * Double.pi / Double(n) * radius / width
    }
    gyriOffset = (Float(rng.uniform(0, 128)), Float(rng.uniform(0, 128)))
    // Sulci run mostly radially: the texture is stretched 1.8× along the depth axis.
    gyriDepthScale = PhantomGyri.texelsPerGyrus / Float(11 * 1.8)

    // Extra-axial blood; the brain under a collection is pressed: sulci and CSF space efface.
    for bleed in plan.extraAxial {
      for bin in 0..<n {
        let row = bin * Field.count
        let theta = PhantomMath.angle(ofBin: bin, count: n)
        let u = PhantomMath.angleDifference(theta, bleed.centerAngle) / bleed.halfWidth
        let press = max(0, 1 - abs(u) * 0.7) * min(1, bleed.thickness / 10)
        table[row + Field.sulcusHalfWidth] *= Float(max(0.15, 1 - press))
        guard abs(u) < 1 else { continue }
        let profile =
          bleed.subtype == .epidural ? (1 - u * u).squareRoot() : pow(1 - u * u, 0.7)
        let t = Float(bleed.thickness * profile)
        if t > table[row + Field.extra] {
          table[row + Field.extra] = t
          var hu = bleed.hu
          if let chronic = bleed.chronicHU {
            // Supine patient: the dense part settles at the back (y > 0), with a ragged edge.
            let dependent = Float(max(0, min(1, (Self.sines[bin] + 0.15) * 2.5)))
            hu = chronic + (bleed.hu - chronic) * dependent
          }
          table[row + Field.extraHU] = hu
        }
        table[row + Field.csf] *= Float(max(0.2, 1 - bleed.thickness / 12 * profile))
      }
    }
    // A large haematoma effaces the sulci over it.
    if let bleed = plan.parenchymal, bleed.radius > 10 {
      let centre = atan2(bleed.site.1, bleed.site.0)
      let reach = min(1.2, bleed.radius / 30 + 0.3)
      for bin in 0..<n {
        let theta = PhantomMath.angle(ofBin: bin, count: n)
        let u = abs(PhantomMath.angleDifference(theta, centre)) / reach
        guard u < 1 else { continue }
        let press = (1 - u) * min(1, (bleed.radius - 10) / 15)
        table[bin * Field.count + Field.sulcusHalfWidth] *= Float(max(0.15, 1 - press))
        table[bin * Field.count + Field.csf] *= Float(max(0.3, 1 - press))
      }
    }
    // Sulcal subarachnoid blood: patchy, some sulci of the sector full, others not; blood
    // distends the sulci it fills.
    if let sector = plan.subarachnoidSector {
      for bin in 0..<n {
        let row = bin * Field.count
        let theta = PhantomMath.angle(ofBin: bin, count: n)
        let u = abs(PhantomMath.angleDifference(theta, sector.center)) / sector.halfWidth
        let envelope = max(0, min(1, (1 - u) * 3))
        let patch = u < 0.15 ? 1 : max(0, min(1, 0.6 + Double(patchNoise[bin])))
        let weight = Float(envelope * patch)
        table[row + Field.sah] = weight
        table[row + Field.sulcusHalfWidth] += 0.5 * weight
      }
    }
    self.table = table
    ivhLevel = Float((plan.ventricularLevel ?? 9) * brainHalfLength)
    midlineShift = Float(plan.midlineShift)
    shapes = []
    shapes = PhantomAnatomy.structures(scene: self, level: level, rng: &rng)
  }
}
