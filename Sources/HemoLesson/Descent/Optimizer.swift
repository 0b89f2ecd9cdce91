import Foundation

/// One optimizer with its running state, as a value: `step(position, gradient:)` returns where
/// the weights go next and updates the state (speed, running averages, step count).
///
/// Updates (per coordinate, g the gradient, lr the learning rate):
/// - gradient descent: p ← p − lr·g
/// - momentum (heavy ball, PyTorch form): v ← β·v + g; p ← p − lr·v (β = 0.9)
/// - RMSProp: s ← ρ·s + (1−ρ)·g²; p ← p − lr·g / (√s + ε) (ρ = 0.9)
/// - Adam: m ← β₁·m + (1−β₁)·g; s ← β₂·s + (1−β₂)·g²; m̂ = m/(1−β₁ᵗ); ŝ = s/(1−β₂ᵗ);
///   p ← p − lr·m̂ / (√ŝ + ε) (β₁ = 0.9, β₂ = 0.999, ε = 1e-7 as in the trainer)
public struct Optimizer: Sendable, Hashable {
  public static let momentumBeta = 0.9
  public static let rmsRho = 0.9
  public static let adamBeta1 = 0.9
  public static let adamBeta2 = 0.999
  public static let epsilon = 1e-7

  public let kind: OptimizerKind
  /// The step size; may change between steps (the playground's +/-).
  public var learningRate: Double
  /// Momentum's velocity, or Adam's first moment (running mean of the gradient).
  public private(set) var velocity = Point2.zero
  /// RMSProp's and Adam's running mean of the squared gradient.
  public private(set) var squares = Point2.zero
  /// Steps taken so far (Adam's bias correction uses it).
  public private(set) var stepCount = 0

  public init(_ kind: OptimizerKind, learningRate: Double) {
    self.kind = kind
    self.learningRate = learningRate
  }

  /// Takes one step from `position` given the `gradient` there; returns the new position.
  public mutating func step(_ position: Point2, gradient g: Point2) -> Point2 {
    stepCount += 1
    let lr = learningRate
    switch kind {
    case .gradientDescent:
      return position - lr * g
    case .momentum:
      velocity = Self.momentumBeta * velocity + g
      return position - lr * velocity
    case .rmsprop:
      let rho = Self.rmsRho
      squares = rho * squares + (1 - rho) * Point2(g.x * g.x, g.y * g.y)
      return Point2(
        position.x - lr * g.x / (squares.x.squareRoot() + Self.epsilon),
        position.y - lr * g.y / (squares.y.squareRoot() + Self.epsilon))
    case .adam:
      let (b1, b2) = (Self.adamBeta1, Self.adamBeta2)
      velocity = b1 * velocity + (1 - b1) * g
      squares = b2 * squares + (1 - b2) * Point2(g.x * g.x, g.y * g.y)
      let t = Double(stepCount)
      let c1 = 1 - pow(b1, t)
      let c2 = 1 - pow(b2, t)
      return Point2(
        position.x - lr * (velocity.x / c1) / ((squares.x / c2).squareRoot() + Self.epsilon),
        position.y - lr * (velocity.y / c1) / ((squares.y / c2).squareRoot() + Self.epsilon))
    }
  }
}
