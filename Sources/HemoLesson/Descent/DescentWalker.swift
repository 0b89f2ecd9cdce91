/// The ball on a surface, moved one step at a time: the incremental engine behind `DescentRun`
/// and the playground's animation.
///
/// When a step leaves `±coordinateLimit` or makes the loss non-finite, the walker records the
/// divergence, keeps the last good point and refuses further steps, so no NaN or infinity is ever
/// handed out as a number.
public struct DescentWalker: Sendable, Equatable {
  /// Positions beyond this (in either coordinate) count as diverged.
  public static let coordinateLimit = 1000.0

  public let surface: LossSurface
  public private(set) var optimizer: Optimizer
  public private(set) var noise: GradientNoise?
  /// The latest good point (step 0 is the start).
  public private(set) var current: DescentPoint
  /// The step whose result blew up, once that has happened.
  public private(set) var divergedAtStep: Int?

  public init(surface: LossSurface, optimizer: Optimizer, start: Point2, noise: GradientNoise?) {
    self.surface = surface
    self.optimizer = optimizer
    self.noise = noise
    current = DescentPoint(step: 0, x: start.x, y: start.y, loss: surface.loss(at: start))
    if !Self.isGood(start, loss: current.loss) { divergedAtStep = 0 }
  }

  public var hasDiverged: Bool { divergedAtStep != nil }

  /// Changes the step size for the steps that follow (the optimizer keeps its state).
  public mutating func setLearningRate(_ rate: Double) {
    optimizer.learningRate = rate
  }

  /// Takes one step; returns the new point, or nil when the walk has diverged (now or earlier).
  @discardableResult
  public mutating func advance() -> DescentPoint? {
    guard divergedAtStep == nil else { return nil }
    let position = current.position
    var gradient = surface.gradient(at: position)
    if noise != nil { gradient = noise!.perturb(gradient) }
    let next = optimizer.step(position, gradient: gradient)
    let step = current.step + 1
    let loss = next.isFinite ? surface.loss(at: next) : .nan
    guard Self.isGood(next, loss: loss) else {
      divergedAtStep = step
      return nil
    }
    current = DescentPoint(step: step, x: next.x, y: next.y, loss: loss)
    return current
  }

  private static func isGood(_ p: Point2, loss: Double) -> Bool {
    p.isFinite && abs(p.x) <= coordinateLimit && abs(p.y) <= coordinateLimit && loss.isFinite
  }
}
