/// The axial level of a generated slice, from the skull base up.
public enum SliceLevel: String, Sendable, Hashable, Codable, CaseIterable {
  /// Skull base: petrous bones, sphenoid sinus, temporal lobes, cerebellum and fourth ventricle.
  case posteriorFossa
  /// Basal ganglia, thalami, third and lateral ventricles.
  case ventricles
  /// Centrum semiovale and convexity, above the ventricles.
  case supraventricular

  /// The level of a continuous height `z` (0 = skull base … 1 = high convexity).
  static func of(z: Double) -> SliceLevel {
    z < PhantomLevels.ventricleBottom
      ? .posteriorFossa : (z < PhantomLevels.ventricleTop ? .ventricles : .supraventricular)
  }
}

/// Heights (0 = skull base … 1 = vertex region) that separate the levels.
enum PhantomLevels {
  static let ventricleBottom = 0.22
  static let ventricleTop = 0.62
}
