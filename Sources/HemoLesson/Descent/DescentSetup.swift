import HemoCore

/// Everything that decides a descent: surface, optimizer, learning rate, start, seed and noise.
public struct DescentSetup: Sendable, Hashable {
  /// Where the start came from, for the report's header.
  public enum StartOrigin: String, Sendable, Hashable, Codable {
    /// The surface's own default start.
    case surfaceDefault = "default"
    /// Drawn from the seed ("the initial weights").
    case seed
    /// Given by the user.
    case given
  }

  /// The largest learning rate accepted (anything beyond diverges at once on every surface).
  public static let maximumLearningRate = 100.0
  /// The most steps one run may take.
  public static let maximumSteps = 100_000

  public var surface: LossSurface
  public var optimizer: OptimizerKind
  public var learningRate: Double
  public var start: Point2
  public var startOrigin: StartOrigin
  /// Seeds the random start (when used) and the order of the data (the noise).
  public var seed: UInt64
  /// Whether each step sees mini-batch noise.
  public var noise: Bool

  /// A setup; with `start` nil the start is drawn from `seed` when `randomStart`, else the
  /// surface's default.
  public init(
    surface: LossSurface, optimizer: OptimizerKind, learningRate: Double,
    start: Point2? = nil, randomStart: Bool = false, seed: UInt64 = 1, noise: Bool = false
  ) {
    self.surface = surface
    self.optimizer = optimizer
    self.learningRate = learningRate
    self.seed = seed
    self.noise = noise
    if let start {
      self.start = start
      startOrigin = .given
    } else if randomStart {
      self.start = surface.randomStart(seed: seed)
      startOrigin = .seed
    } else {
      self.start = surface.defaultStart
      startOrigin = .surfaceDefault
    }
  }

  /// Throws a `HemoError` when the learning rate or start cannot make a meaningful run.
  public func validate() throws {
    guard learningRate.isFinite, learningRate > 0, learningRate <= Self.maximumLearningRate else {
      throw HemoError(
        "learning rate \(learningRate) is not usable",
        advice: "give a number above 0 and at most \(Int(Self.maximumLearningRate)), e.g. 0.1")
    }
    let limit = DescentWalker.coordinateLimit
    guard start.isFinite, abs(start.x) <= limit, abs(start.y) <= limit else {
      throw HemoError(
        "start (\(start.x), \(start.y)) is outside the playground",
        advice: "give x,y between -\(Int(limit)) and \(Int(limit)), e.g. --start -2.5,0.5")
    }
  }

  /// A fresh walker at the start of this setup.
  public func makeWalker() -> DescentWalker {
    DescentWalker(
      surface: surface, optimizer: Optimizer(optimizer, learningRate: learningRate), start: start,
      noise: noise ? GradientNoise(seed: seed, scale: surface.noiseScale) : nil)
  }
}
