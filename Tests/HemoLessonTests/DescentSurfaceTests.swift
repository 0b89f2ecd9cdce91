import HemoCore
import Testing

@testable import HemoLesson

@Suite struct DescentSurfaceTests {
  /// Points on a 15×15 grid spanning the drawn window (and 20% beyond), plus 50 seeded random ones.
  static func samplePoints(_ surface: LossSurface) -> [Point2] {
    let (xs, ys) = surface.domain
    var points: [Point2] = []
    for i in 0..<15 {
      for j in 0..<15 {
        let x = xs.lowerBound - 0.2 + (xs.upperBound - xs.lowerBound + 0.4) * Double(i) / 14
        let y = ys.lowerBound - 0.2 + (ys.upperBound - ys.lowerBound + 0.4) * Double(j) / 14
        points.append(Point2(x, y))
      }
    }
    var rng = SeededRNG(seed: 42)
    for _ in 0..<50 {
      points.append(Point2(rng.uniform(-4, 4), rng.uniform(-4, 4)))
    }
    return points
  }

  @Test(arguments: LossSurface.Kind.allCases)
  func gradientMatchesCentralDifferences(kind: LossSurface.Kind) {
    let surface = LossSurface(kind)
    let h = 1e-5
    for p in Self.samplePoints(surface) {
      let g = surface.gradient(at: p)
      let dx =
        (surface.loss(at: Point2(p.x + h, p.y)) - surface.loss(at: Point2(p.x - h, p.y))) / (2 * h)
      let dy =
        (surface.loss(at: Point2(p.x, p.y + h)) - surface.loss(at: Point2(p.x, p.y - h))) / (2 * h)
      let tolerance = 1e-6 * (1 + g.length)
      #expect(abs(g.x - dx) < tolerance, "\(kind) d/dx at \(p): \(g.x) vs \(dx)")
      #expect(abs(g.y - dy) < tolerance, "\(kind) d/dy at \(p): \(g.y) vs \(dy)")
    }
  }

  @Test(arguments: LossSurface.Kind.allCases)
  func landmarksAreFlatAndTheGlobalMinimumIsLowest(kind: LossSurface.Kind) throws {
    let surface = LossSurface(kind)
    for landmark in surface.landmarks {
      #expect(surface.gradient(at: landmark.point).length < 1e-12, "\(landmark)")
    }
    let global = try #require(surface.landmarks.first { $0.kind == .globalMinimum })
    // No sampled point is lower than the global minimum.
    for p in Self.samplePoints(surface) {
      #expect(surface.loss(at: p) >= surface.loss(at: global.point))
    }
  }

  @Test func basinsHaveAShallowTrapAndASaddleBetween() throws {
    let surface = LossSurface.basins
    let marks = surface.landmarks
    let global = try #require(marks.first { $0.kind == .globalMinimum }).point
    let local = try #require(marks.first { $0.kind == .localMinimum }).point
    let saddle = try #require(marks.first { $0.kind == .saddle }).point
    // Left basin deeper, saddle between them and higher than both.
    #expect(global.x < saddle.x && saddle.x < local.x)
    #expect(surface.loss(at: global) < surface.loss(at: local))
    #expect(surface.loss(at: saddle) > surface.loss(at: local))
    // A saddle curves down along x and up along y; the minima curve up both ways.
    func curvature(_ p: Point2, _ d: Point2) -> Double {
      let h = 1e-3
      return (surface.loss(at: p + h * d) - 2 * surface.loss(at: p) + surface.loss(at: p - h * d))
        / (h * h)
    }
    #expect(curvature(saddle, Point2(1, 0)) < 0)
    #expect(curvature(saddle, Point2(0, 1)) > 0)
    for minimum in [global, local] {
      #expect(curvature(minimum, Point2(1, 0)) > 0)
      #expect(curvature(minimum, Point2(0, 1)) > 0)
    }
    // The global minimum's loss is close to zero (the formula is lifted for learners).
    #expect(abs(surface.loss(at: global)) < 0.01)
  }

  @Test func valleyIsIllConditioned() {
    // Curvature along the floor (30°) versus across it: ratio 100.
    let s = LossSurface.valley
    let along = Point2((3.0).squareRoot() / 2, 0.5)
    let across = Point2(-0.5, (3.0).squareRoot() / 2)
    #expect(abs(s.loss(at: along) - 0.05) < 1e-12)
    #expect(abs(s.loss(at: across) - 5) < 1e-12)
  }

  @Test(arguments: LossSurface.Kind.allCases)
  func startsLieInTheWindow(kind: LossSurface.Kind) {
    let surface = LossSurface(kind)
    let (xs, ys) = surface.domain
    #expect(xs.contains(surface.defaultStart.x) && ys.contains(surface.defaultStart.y))
    for seed in UInt64(0)..<20 {
      let p = surface.randomStart(seed: seed)
      #expect(xs.contains(p.x) && ys.contains(p.y))
      #expect(p == surface.randomStart(seed: seed))
    }
    #expect(surface.randomStart(seed: 1) != surface.randomStart(seed: 2))
  }
}
