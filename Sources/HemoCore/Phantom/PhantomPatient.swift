import Foundation

/// One synthetic patient and scanner setting: everything about the head that does not depend on
/// the bleed. Drawn from a `PhantomPopulation` with a seeded generator.
struct PhantomPatient: Sendable {
  var age: Double
  /// 0 (none) … 1 (marked): widens sulci, the subarachnoid space and the ventricles.
  var atrophy: Double
  /// Head half-width (left–right) and half-length (front–back), in mm, at the widest level.
  var halfWidth: Double
  var halfLength: Double
  /// In-plane rotation (radians) and position offset (mm) of the head in the field of view.
  var rotation: Double
  var offsetX: Double
  var offsetY: Double
  /// Skull thickness (mm) at the front/back and at the temples.
  var skullThickness: Double
  var temporalSkull: Double
  var scalpFat: Double
  var greyHU: Float
  var whiteHU: Float
  var csfHU: Float
  var corticalBoneHU: Float
  var diploeHU: Float
  var pineal: Bool
  var choroid: Bool
  var falxCalcified: Bool
  /// Chronic small-vessel disease: hypodense periventricular white matter.
  var whiteMatterDisease: Bool
  var frontalSinus: Double
  var noiseSD: Double
  /// Residual beam hardening (HU): how much brighter the brain is just under the inner table
  /// than deep inside (cupping that the scanner's correction leaves).
  var cupping: Double

  init(population: PhantomPopulation, rng: inout SeededRNG) {
    age = min(95, max(18, rng.normal(mean: population.ageMean, sd: population.ageSD)))
    let ageAtrophy = max(0, (age - 45) / 45)
    atrophy = min(
      1,
      max(
        0,
        (ageAtrophy * rng.uniform(0.4, 1.3) + rng.normal(mean: 0, sd: 0.05))
          * population.atrophyScale))
    halfLength = rng.normal(mean: 97, sd: 5)
    halfWidth = halfLength * rng.uniform(0.78, 0.9)
    rotation = rng.normal(mean: 0, sd: 0.07)
    offsetX = rng.normal(mean: 0, sd: 4)
    offsetY = rng.normal(mean: 3, sd: 5)
    skullThickness = rng.uniform(6.5, 9)
    temporalSkull = rng.uniform(3.8, 5.2)
    scalpFat = rng.uniform(1.5, 3.2)
    whiteHU = Float(rng.normal(mean: 27, sd: 1.2))
    greyHU = whiteHU + Float(rng.uniform(6, 9))
    csfHU = Float(rng.uniform(4, 10))
    corticalBoneHU = Float(rng.uniform(1350, 1750))
    diploeHU = Float(rng.uniform(450, 800))
    let adult = age > 25
    pineal = adult && rng.chance(population.pinealCalcification)
    choroid = adult && rng.chance(population.choroidCalcification)
    falxCalcified = rng.chance(population.falxCalcification)
    whiteMatterDisease = age > 50 && rng.chance(population.whiteMatterDisease * (age - 50) / 25)
    frontalSinus = rng.chance(0.85) ? rng.uniform(4, 12) : 0
    noiseSD = rng.uniform(population.noiseSD.lowerBound, population.noiseSD.upperBound)
    cupping = rng.uniform(population.cupping.lowerBound, population.cupping.upperBound)
  }
}
