import HemoCore

/// Mini-batch noise: each step sees the true gradient plus seeded Gaussian jitter, standing for
/// "which images happened to be in this batch". Same seed, same jitter, step after step.
public struct GradientNoise: Sendable {
  /// The seed of the data order.
  public let seed: UInt64
  /// Standard deviation added to each gradient coordinate.
  public let scale: Double
  private var rng: SeededRNG

  public init(seed: UInt64, scale: Double) {
    self.seed = seed
    self.scale = scale
    rng = SeededRNG(seed: seed, stream: DescentStreams.noise)
  }

  /// The gradient one mini-batch would report: `gradient` plus the next draw of noise.
  public mutating func perturb(_ gradient: Point2) -> Point2 {
    let dx = rng.normal()
    let dy = rng.normal()
    return Point2(gradient.x + scale * dx, gradient.y + scale * dy)
  }
}
