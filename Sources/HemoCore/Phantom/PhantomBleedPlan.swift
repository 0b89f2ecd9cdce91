import Foundation

/// The bleeds of one slice, drawn before the anatomy is painted: where, how big, how dense.
struct PhantomBleedPlan: Sendable {
  /// An epidural (lens) or subdural (crescent) collection along the inner table.
  struct ExtraAxial: Sendable {
    var subtype: HemorrhageSubtype
    var centerAngle: Double
    var halfWidth: Double
    var thickness: Double
    var hu: Float
  }
  /// An intraparenchymal haematoma: centre in brain-relative units (−1…1), radius in mm.
  struct Parenchymal: Sendable {
    var site: (Double, Double)
    var radius: Double
    var elongation: Double
    var angle: Double
    var hu: Float
    var edema: Double
  }

  var subtypes: Set<HemorrhageSubtype>
  var extraAxial: [ExtraAxial] = []
  var parenchymal: Parenchymal?
  /// Intraventricular blood: fluid level as a fraction of the brain half-length (posterior is +).
  var ventricularLevel: Double?
  var ventricularHU: Float = 60
  /// Subarachnoid blood: an angular sector of sulci (centre, half-width) and/or the cisterns.
  var subarachnoidSector: (center: Double, halfWidth: Double)?
  var subarachnoidCisterns = false
  var subarachnoidHU: Float = 60
  /// Midline shift in mm (positive: towards +x, the image's right).
  var midlineShift = 0.0
  /// Height of the slice, 0 (skull base) … 1.
  var z: Double

  /// RSNA stage-1 relative prevalence of each subtype (epidural 0.41 %, … subdural 6.30 %).
  static let prevalence: [(HemorrhageSubtype, Double)] = [
    (.epidural, 0.41), (.intraparenchymal, 4.83), (.intraventricular, 3.52),
    (.subarachnoid, 4.76), (.subdural, 6.30),
  ]

  init(request: HemorrhageRequest, population: PhantomPopulation, rng: inout SeededRNG) {
    switch request {
    case .none: subtypes = []
    case .subtypes(let set): subtypes = set
    case .anyHemorrhage: subtypes = Self.drawSubtypes(rng: &rng)
    }
    z = Self.drawLevel(subtypes: subtypes, population: population, rng: &rng)
    let level = SliceLevel.of(z: z)
    let scale = population.bleedSizeScale
    var shift = 0.0
    for subtype in HemorrhageSubtype.allCases where subtypes.contains(subtype) {
      let subtle = rng.chance(population.subtleFraction)
      let hu = Self.drawDensity(population: population, rng: &rng)
      switch subtype {
      case .epidural, .subdural:
        let epidural = subtype == .epidural
        let side: Double = rng.chance(0.5) ? 0 : Double.pi
        let towardsFront = rng.uniform(-0.9, 0.5) * (side == 0 ? 1 : -1)
        var thickness =
          epidural
          ? (subtle ? rng.uniform(4, 7) : 7 * pow(4.5, rng.unit()))
          : (subtle ? rng.uniform(2, 4) : 4 * pow(5, rng.unit()))
        thickness *= scale
        let halfWidth = epidural ? rng.uniform(0.3, 0.55) : rng.uniform(0.6, 1.2)
        extraAxial.append(
          ExtraAxial(
            subtype: subtype, centerAngle: side + towardsFront, halfWidth: halfWidth,
            thickness: thickness, hu: hu))
        let push = max(0, thickness - 7) * 0.55 * (side == 0 ? -1 : 1)
        shift += push
      case .intraparenchymal:
        let radius = scale * (subtle ? rng.uniform(2.5, 5) : 5 * pow(5, rng.unit()))
        let site = Self.parenchymalSite(level: level, rng: &rng)
        parenchymal = Parenchymal(
          site: site, radius: radius, elongation: rng.uniform(1, 1.6),
          angle: rng.uniform(0, Double.pi), hu: hu, edema: rng.uniform(1.5, 5))
        shift += max(0, radius - 12) * 0.5 * (site.0 > 0 ? -1 : 1)
      case .intraventricular:
        ventricularLevel = subtle ? rng.uniform(0.32, 0.4) : rng.uniform(-0.1, 0.3)
        ventricularHU = max(hu, 48)
      case .subarachnoid:
        subarachnoidHU = max(hu, 45)
        // Basal cisterns exist at the skull base and the lowest ventricular slices only.
        let low = PhantomLevels.ventricleBottom
        let lowVentricular =
          level == .ventricles && z < low + 0.4 * (PhantomLevels.ventricleTop - low)
        let basal =
          level == .posteriorFossa || (lowVentricular && rng.chance(subtle ? 0.3 : 0.6))
        subarachnoidCisterns = basal
        if !basal || rng.chance(0.5) {
          let width = subtle ? rng.uniform(0.12, 0.25) : rng.uniform(0.3, 0.9)
          subarachnoidSector = (rng.uniform(-Double.pi, Double.pi), width)
        }
      }
    }
    midlineShift = max(-14, min(14, shift))
  }

  private static func drawSubtypes(rng: inout SeededRNG) -> Set<HemorrhageSubtype> {
    let total = prevalence.reduce(0) { $0 + $1.1 }
    var pick = rng.uniform(0, total)
    var primary = HemorrhageSubtype.subdural
    for (subtype, weight) in prevalence {
      if pick < weight {
        primary = subtype
        break
      }
      pick -= weight
    }
    var set: Set<HemorrhageSubtype> = [primary]
    switch primary {
    case .intraparenchymal where rng.chance(0.35): set.insert(.intraventricular)
    case .intraventricular where rng.chance(0.6): set.insert(.intraparenchymal)
    case .subdural where rng.chance(0.25): set.insert(.subarachnoid)
    case .subarachnoid where rng.chance(0.2): set.insert(.subdural)
    case .epidural where rng.chance(0.2): set.insert(.subdural)
    default: break
    }
    return set
  }

  /// The slice height: intraventricular blood needs the ventricles; the rest follows the
  /// population's level mix.
  private static func drawLevel(
    subtypes: Set<HemorrhageSubtype>, population: PhantomPopulation, rng: inout SeededRNG
  ) -> Double {
    let low = PhantomLevels.ventricleBottom
    let high = PhantomLevels.ventricleTop
    if subtypes.contains(.intraventricular) {
      return rng.uniform(low + 0.02, low + (high - low) * 0.7)
    }
    var weights = population.levelWeights + [Double](repeating: 0, count: 3)
    if subtypes.contains(.intraparenchymal) { weights[0] *= 0.4 }
    let total = max(weights[0] + weights[1] + weights[2], 1e-9)
    let pick = rng.uniform(0, total)
    if pick < weights[0] { return rng.uniform(0.04, low) }
    if pick < weights[0] + weights[1] { return rng.uniform(low, high) }
    return rng.uniform(high, 0.95)
  }

  /// Acute (50–90 HU, mostly 60–80), hyperacute (35–48) or subacute near-isodense (30–45).
  private static func drawDensity(population: PhantomPopulation, rng: inout SeededRNG) -> Float {
    let pick = rng.unit()
    let (acute, hyperacute) = population.densityFractions
    if pick < acute {
      return Float(min(88, max(52, rng.normal(mean: population.acuteDensityMean, sd: 9))))
    }
    if pick < acute + hyperacute {
      return Float(rng.uniform(36, 48))
    }
    return Float(rng.uniform(32, 45))
  }

  /// Hypertensive sites (basal ganglia, thalamus), lobar white matter, or cerebellum/pons.
  private static func parenchymalSite(level: SliceLevel, rng: inout SeededRNG) -> (Double, Double) {
    let side: Double = rng.chance(0.5) ? 1 : -1
    switch level {
    case .posteriorFossa:
      return rng.chance(0.7)
        ? (side * rng.uniform(0.2, 0.45), rng.uniform(0.45, 0.65))
        : (side * rng.uniform(-0.35, 0.45), rng.uniform(-0.75, -0.5))
    case .ventricles where rng.chance(0.65):
      return rng.chance(0.6)
        ? (side * rng.uniform(0.25, 0.38), rng.uniform(-0.2, 0.05))
        : (side * rng.uniform(0.12, 0.2), rng.uniform(0.02, 0.15))
    default:
      let angle = rng.uniform(-Double.pi, Double.pi)
      let radius = rng.uniform(0.3, 0.62)
      return (cos(angle) * radius, sin(angle) * radius)
    }
  }
}
