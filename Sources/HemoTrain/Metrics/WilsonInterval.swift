/// A proportion with its Wilson score interval (95 % by default): honest even for 10 test images.
public struct WilsonInterval: Sendable, Hashable, Codable {
  /// successes / trials (0 when there are no trials).
  public let estimate: Double
  public let lower: Double
  public let upper: Double
  public let successes: Int
  public let trials: Int

  /// With no trials the interval is the whole range [0, 1].
  public init(successes: Int, trials: Int, z: Double = 1.959964) {
    precondition(trials >= 0 && (0...max(trials, 0)).contains(successes))
    self.successes = successes
    self.trials = trials
    guard trials > 0 else {
      (estimate, lower, upper) = (0, 0, 1)
      return
    }
    let n = Double(trials)
    let p = Double(successes) / n
    let z2 = z * z
    let denominator = 1 + z2 / n
    let centre = (p + z2 / (2 * n)) / denominator
    let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
    estimate = p
    lower = max(0, centre - half)
    upper = min(1, centre + half)
  }
}
