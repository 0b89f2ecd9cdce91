import HemoCore

/// Mini-batch noise: each step sees the true gradient plus seeded Gaussian jitter, standing for
/// "which images happened to be in this batch". Same seed, same jitter, step after step.
///
/// Two values are equal when they have the same seed and scale and have drawn as many times:
/// the generator's state is then the same too.
public struct GradientNoise: Sendable, Equatable {
  /// The seed of the data order.
  public let seed: UInt64
  /// Standard deviation added to each gradient coordinate.
  public let scale: Double
  /// How many gradients have been perturbed so far.
  public private(set) var draws = 0
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
    draws += 1
    return Point2(gradient.x + scale * dx, gradient.y + scale * dy)
  }
}

extension GradientNoise {
  public static func == (a: GradientNoise, b: GradientNoise) -> Bool {
    a.seed == b.seed && a.scale == b.scale && a.draws == b.draws
  }
}
