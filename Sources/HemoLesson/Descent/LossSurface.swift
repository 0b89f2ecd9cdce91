import HemoCore

/// A 2-D loss landscape for the gradient descent playground: a formula, its exact gradient, the
/// window to draw, where the ball starts by default, and what a learner should notice on it.
public struct LossSurface: Sendable, Hashable {
  /// The three landscapes of the lesson.
  public enum Kind: String, CaseIterable, Sendable, Codable {
    /// A simple bowl: one minimum, every way down leads there.
    case bowl
    /// A long narrow valley, steep across and almost flat along (ill-conditioned).
    case valley
    /// Two basins: a shallow one that traps, and a deeper one behind a saddle.
    case basins
  }

  public let kind: Kind

  public init(_ kind: Kind) { self.kind = kind }

  public static let bowl = LossSurface(.bowl)
  public static let valley = LossSurface(.valley)
  public static let basins = LossSurface(.basins)
  /// All surfaces in the order the playground cycles through them.
  public static let all: [LossSurface] = Kind.allCases.map(LossSurface.init)

  /// The short name used on the command line (`bowl`, `valley`, `basins`).
  public var name: String { kind.rawValue }

  /// A title for the screen.
  public var title: String {
    switch kind {
    case .bowl: "Bowl"
    case .valley: "Narrow valley"
    case .basins: "Two basins"
    }
  }

  /// One line for learners: what this landscape shows.
  public var summary: String {
    switch kind {
    case .bowl:
      "A simple bowl: one lowest point, and every way down leads to it."
    case .valley:
      "A narrow tilted valley: steep walls, an almost flat floor; too big a step bounces wall to wall."
    case .basins:
      "Two basins: a shallow one on the right that can trap the ball, a deeper one past a saddle."
    }
  }

  /// The window drawn on screen: x and y ranges of the two weights.
  public var domain: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
    switch kind {
    case .bowl, .valley: (-3.0...3.0, -2.4...2.4)
    case .basins: (-2.2...2.2, -1.76...1.76)
    }
  }

  /// The start used when the learner gives none; chosen so each surface tells its story.
  public var defaultStart: Point2 {
    switch kind {
    case .bowl: Point2(-2.5, 1.8)
    case .valley: Point2(-2.5, 0.5)
    case .basins: Point2(2.0, 1.0)
    }
  }

  /// Standard deviation of the mini-batch noise added to each gradient coordinate.
  public var noiseScale: Double {
    switch kind {
    case .bowl, .valley: 1.0
    case .basins: 0.8
    }
  }

  /// The loss at `p`.
  public func loss(at p: Point2) -> Double {
    switch kind {
    case .bowl:
      return 0.5 * (p.x * p.x + 2 * p.y * p.y)
    case .valley:
      let (u, v) = Self.valleyAxes(p)
      return 0.5 * (Self.valleyFloor * u * u + Self.valleyWall * v * v)
    case .basins:
      let w = p.x * p.x - 1
      return w * w + Self.basinsTilt * p.x + Self.basinsWidth * p.y * p.y + Self.basinsLift
    }
  }

  /// The exact gradient of `loss(at:)` at `p`.
  public func gradient(at p: Point2) -> Point2 {
    switch kind {
    case .bowl:
      return Point2(p.x, 2 * p.y)
    case .valley:
      let (u, v) = Self.valleyAxes(p)
      let du = Self.valleyFloor * u
      let dv = Self.valleyWall * v
      let (c, s) = (Self.valleyCos, Self.valleySin)
      return Point2(c * du - s * dv, s * du + c * dv)
    case .basins:
      return Point2(
        4 * p.x * (p.x * p.x - 1) + Self.basinsTilt, 2 * Self.basinsWidth * p.y)
    }
  }

  /// The minima and saddles of the surface (computed, not guessed), for labels and verdicts.
  public var landmarks: [Landmark] {
    switch kind {
    case .bowl, .valley:
      return [Landmark(kind: .globalMinimum, point: .zero)]
    case .basins:
      return Self.basinsLandmarks
    }
  }

  /// A random start inside the middle 80% of the window: "the initial weights" drawn from `seed`.
  public func randomStart(seed: UInt64) -> Point2 {
    var rng = SeededRNG(seed: seed, stream: DescentStreams.start)
    let (xs, ys) = domain
    let mx = 0.1 * (xs.upperBound - xs.lowerBound)
    let my = 0.1 * (ys.upperBound - ys.lowerBound)
    let x = rng.uniform(xs.lowerBound + mx, xs.upperBound - mx)
    let y = rng.uniform(ys.lowerBound + my, ys.upperBound - my)
    return Point2(x, y)
  }

  // MARK: Constants of the formulas

  // valley: 0.5 * (floor * u² + wall * v²), axes turned by 30°; curvature ratio 100.
  static let valleyFloor = 0.1
  static let valleyWall = 10.0
  static let valleyCos = (3.0).squareRoot() / 2
  static let valleySin = 0.5

  // basins: (x² - 1)² + tilt * x + width * y² + lift; the tilt makes the left basin deeper.
  static let basinsTilt = 0.5
  static let basinsWidth = 0.8
  static let basinsLift = 0.52

  private static func valleyAxes(_ p: Point2) -> (u: Double, v: Double) {
    (valleyCos * p.x + valleySin * p.y, -valleySin * p.x + valleyCos * p.y)
  }

  /// The three critical points of the basins surface: roots of 4x³ - 4x + tilt = 0 on y = 0.
  private static let basinsLandmarks: [Landmark] = {
    func root(from guess: Double) -> Double {
      var x = guess
      for _ in 0..<60 {
        let f = 4 * x * x * x - 4 * x + basinsTilt
        let d = 12 * x * x - 4
        x -= f / d
      }
      return x
    }
    return [
      Landmark(kind: .globalMinimum, point: Point2(root(from: -1), 0)),
      Landmark(kind: .saddle, point: Point2(root(from: 0), 0)),
      Landmark(kind: .localMinimum, point: Point2(root(from: 1), 0)),
    ]
  }()
}

/// A named critical point of a loss surface.
public struct Landmark: Sendable, Hashable {
  /// What kind of flat spot it is.
  public enum Kind: String, Sendable, Hashable, Codable {
    case globalMinimum = "global minimum"
    case localMinimum = "local minimum"
    case saddle
  }

  public let kind: Kind
  public let point: Point2
}

/// Stream numbers of `SeededRNG` so the start and the data order of one seed are independent.
enum DescentStreams {
  static let start: UInt64 = 0
  static let noise: UInt64 = 1
}
