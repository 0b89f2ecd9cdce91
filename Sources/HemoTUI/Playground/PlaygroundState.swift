import HemoLesson

/// Everything the playground screen shows, as a value: the surface, the settings and, for each
/// optimizer on show, its walker and the trail it has left. Changed only by `reduce`.
public struct PlaygroundState: Sendable, Equatable {
  /// Learning rates the `+`/`-` keys move along: from crawling to diverging on every surface.
  public static let learningRates: [Double] = [
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 1.5, 2.0,
  ]
  /// Runs pause by themselves after this many steps.
  public static let maximumSteps = 1000
  /// Steps per tick the `f` key cycles through: at 10 ticks a second, 10, 50 or 250 steps/s.
  public static let speeds = [1, 5, 25]

  /// Which optimizers are on show.
  public enum Selection: Sendable, Hashable {
    case one(OptimizerKind)
    case all

    public var kinds: [OptimizerKind] {
      switch self {
      case .one(let kind): [kind]
      case .all: OptimizerKind.allCases
      }
    }
  }

  /// One optimizer's ball and the trail behind it (step 0 first).
  public struct Ball: Sendable, Equatable {
    public var walker: DescentWalker
    public var trail: [DescentPoint]
    public var kind: OptimizerKind { walker.optimizer.kind }
    /// Finished: blew up, or has stopped moving on a flat spot.
    public var isDone: Bool {
      if walker.hasDiverged { return true }
      guard trail.count >= 2 else { return false }
      return DescentRun.isSettled(
        from: trail[trail.count - 2], to: trail[trail.count - 1], on: walker.surface)
    }
  }

  public var surface: LossSurface
  public var learningRateIndex: Int
  public var selection: Selection
  /// The seed of the start (when `seededStart`) and of the data order.
  public var seed: UInt64
  /// False: the surface's default start; true: a start drawn from `seed`.
  public var seededStart: Bool
  public var noise: Bool
  public var running: Bool
  /// Index into `speeds`.
  public var speedIndex: Int
  /// The explanation linking the playground to the experiments is open (when it has no room of
  /// its own on screen).
  public var showsText: Bool
  public internal(set) var balls: [Ball]

  /// A fresh playground: basins surface, gradient descent, learning rate 0.05, default start.
  public init(
    surface: LossSurface = .basins, selection: Selection = .one(.gradientDescent),
    learningRate: Double = 0.05, seed: UInt64 = 1, seededStart: Bool = false, noise: Bool = false
  ) {
    self.surface = surface
    self.selection = selection
    learningRateIndex =
      Self.learningRates.enumerated()
      .min { abs($0.element - learningRate) < abs($1.element - learningRate) }!.offset
    self.seed = seed
    self.seededStart = seededStart
    self.noise = noise
    running = false
    speedIndex = 0
    showsText = false
    balls = []
    restart()
  }

  public var learningRate: Double { Self.learningRates[learningRateIndex] }

  /// Steps taken on each tick while running.
  public var stepsPerTick: Int { Self.speeds[speedIndex] }

  /// Where every ball starts.
  public var start: Point2 { seededStart ? surface.randomStart(seed: seed) : surface.defaultStart }

  /// Steps taken so far (the same for every ball on show, except those that diverged).
  public var step: Int { balls.map { $0.trail.last?.step ?? 0 }.max() ?? 0 }

  /// Puts fresh balls at the start with the current settings.
  mutating func restart() {
    balls = selection.kinds.map { kind in
      let setup = DescentSetup(
        surface: surface, optimizer: kind, learningRate: learningRate, start: start, seed: seed,
        noise: noise)
      let walker = setup.makeWalker()
      return Ball(walker: walker, trail: [walker.current])
    }
  }

  /// Moves every unfinished ball one step; returns false when none could move.
  @discardableResult
  mutating func advance() -> Bool {
    var moved = false
    for index in balls.indices where !balls[index].walker.hasDiverged {
      guard (balls[index].trail.last?.step ?? 0) < Self.maximumSteps else { continue }
      if let point = balls[index].walker.advance() {
        balls[index].trail.append(point)
        moved = true
      }
    }
    return moved
  }
}
