/// A whole simulated descent: the path step by step and how it ended.
public struct DescentRun: Sendable {
  /// A step counts as settled when it moved less than this …
  public static let stepTolerance = 1e-4
  /// … and the true gradient at the new point is shorter than this.
  public static let gradientTolerance = 1e-3
  /// A final position this close to a landmark is said to be "near" it.
  public static let nearDistance = 0.3

  public let setup: DescentSetup
  /// How many steps were asked for.
  public let requestedSteps: Int
  /// Step 0 (the start) and every good step after it; stops before a divergence.
  public let path: [DescentPoint]
  public let outcome: DescentOutcome

  /// Simulates `steps` steps (clamped to 0…`DescentSetup.maximumSteps`).
  public init(_ setup: DescentSetup, steps: Int) {
    self.setup = setup
    let steps = min(max(steps, 0), DescentSetup.maximumSteps)
    requestedSteps = steps
    var walker = setup.makeWalker()
    var path = [walker.current]
    path.reserveCapacity(steps + 1)
    if !walker.hasDiverged {
      for _ in 0..<steps {
        guard let point = walker.advance() else { break }
        path.append(point)
      }
    }
    self.path = path
    outcome = Self.judge(path: path, walker: walker, surface: setup.surface)
  }

  /// The last good point.
  public var final: DescentPoint { path[path.count - 1] }

  /// The landmark within `nearDistance` of the final point, if any.
  public var nearestLandmark: Landmark? {
    let p = final.position
    return setup.surface.landmarks
      .filter { ($0.point - p).length <= Self.nearDistance }
      .min { ($0.point - p).length < ($1.point - p).length }
  }

  /// True when the step from `previous` to `current` was tiny and the true slope there is flat.
  public static func isSettled(
    from previous: DescentPoint, to current: DescentPoint, on surface: LossSurface
  ) -> Bool {
    (current.position - previous.position).length < stepTolerance
      && surface.gradient(at: current.position).length < gradientTolerance
  }

  private static func judge(path: [DescentPoint], walker: DescentWalker, surface: LossSurface)
    -> DescentOutcome
  {
    if let step = walker.divergedAtStep { return .diverged(step: step) }
    // The earliest step from which every later step is settled.
    var settledFrom: Int?
    for index in stride(from: path.count - 1, through: 1, by: -1) {
      guard isSettled(from: path[index - 1], to: path[index], on: surface) else { break }
      settledFrom = path[index].step
    }
    if let settledFrom { return .converged(step: settledFrom) }
    return .stillMoving
  }
}

/// How a descent ended.
public enum DescentOutcome: Sendable, Hashable {
  /// Settled (tiny steps on a flat spot) from this step on.
  case converged(step: Int)
  /// Steps ran out while the ball was still moving (slowly, jittering, or bouncing).
  case stillMoving
  /// The step with this number blew up (left the playground or overflowed); the path stops before it.
  case diverged(step: Int)

  /// `converged`, `still moving` or `diverged`.
  public var name: String {
    switch self {
    case .converged: "converged"
    case .stillMoving: "still moving"
    case .diverged: "diverged"
    }
  }
}
