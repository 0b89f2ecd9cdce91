/// What one training seed measured for the lesson's teaching points: every built-in experiment,
/// experiment 2 again with class weighting, and experiment 3's model at the other hospital.
public struct SeedOutcome: Sendable, Codable, Equatable {
  public var seed: UInt64
  /// Test accuracy of experiments 1…5, by experiment id.
  public var accuracy: [Int: Double]
  /// Sensitivity of experiments 2 and 3, by experiment id.
  public var sensitivity: [Int: Double]
  /// Experiment 2's sensitivity with class weighting.
  public var weightedSensitivity: Double?
  /// Experiment 3: internal minus external accuracy, and internal minus external AUC.
  public var externalDrop: Double?
  public var externalAUCDrop: Double?

  public init(
    seed: UInt64, accuracy: [Int: Double] = [:], sensitivity: [Int: Double] = [:],
    weightedSensitivity: Double? = nil, externalDrop: Double? = nil,
    externalAUCDrop: Double? = nil
  ) {
    self.seed = seed
    self.accuracy = accuracy
    self.sensitivity = sensitivity
    self.weightedSensitivity = weightedSensitivity
    self.externalDrop = externalDrop
    self.externalAUCDrop = externalAUCDrop
  }
}

/// One teaching point and the rule that says, from one seed's numbers, whether it held.
public struct TeachingPointRule: Sendable {
  public var name: String
  /// The rule for a person, e.g. "accuracy 0.4–0.8".
  public var rule: String
  public var holds: @Sendable (SeedOutcome) -> Bool?

  /// The rules of issue 14's "Done when", one per teaching point.
  public static let lesson: [TeachingPointRule] = [
    // Experiment 1 tests on 10 images on purpose: one seed's accuracy moves by ±0.3, so its
    // claim is about the median over seeds (an aggregate below); each seed must only stay
    // modest, never radiologist-grade.
    TeachingPointRule(name: "1 small data", rule: "accuracy ≤ 0.80 (median 0.40–0.80)") { o in
      o.accuracy[1].map { $0 <= 0.8 }
    },
    TeachingPointRule(name: "2 imbalance", rule: "accuracy ≥ 0.93, sensitivity ≤ 0.40") { o in
      guard let a = o.accuracy[2], let s = o.sensitivity[2] else { return nil }
      return a >= 0.93 && s <= 0.4
    },
    TeachingPointRule(name: "2 class weighting", rule: "sensitivity +0.30 or more") { o in
      guard let w = o.weightedSensitivity, let s = o.sensitivity[2] else { return nil }
      return w - s >= 0.3
    },
    TeachingPointRule(
      name: "3 balanced", rule: "accuracy < exp 2, sensitivity ≥ 0.60, accuracy 0.65–0.92"
    ) { o in
      guard let a = o.accuracy[3], let a2 = o.accuracy[2], let s = o.sensitivity[3] else {
        return nil
      }
      return a < a2 && s >= 0.6 && a >= 0.65 && a <= 0.92
    },
    TeachingPointRule(name: "4 three classes", rule: "accuracy ≤ 0.70") { o in
      o.accuracy[4].map { $0 <= 0.7 }
    },
    TeachingPointRule(name: "5 colour-coding", rule: "accuracy ≥ exp 4 + 0.10") { o in
      guard let a5 = o.accuracy[5], let a4 = o.accuracy[4] else { return nil }
      return a5 >= a4 + 0.1 - 1e-9
    },
    TeachingPointRule(name: "3 other hospital", rule: "drop ≥ 3 points, AUC lower by ≥ 0.02") { o in
      guard let drop = o.externalDrop, let auc = o.externalAUCDrop else { return nil }
      return drop >= 0.03 - 1e-9 && auc >= 0.02
    },
  ]
}
