import HemoCore
import Testing

@testable import HemoLesson

@Suite struct DescentRunTests {
  static func allFinite(_ run: DescentRun) -> Bool {
    run.path.allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.loss.isFinite }
  }

  @Test func smallLearningRateConvergesOnTheBowl() throws {
    let run = DescentRun(
      DescentSetup(surface: .bowl, optimizer: .gradientDescent, learningRate: 0.1), steps: 200)
    guard case .converged(let step) = run.outcome else {
      Issue.record("expected convergence, got \(run.outcome)")
      return
    }
    #expect(step < 200)
    #expect(run.final.position.length < 1e-3)
    #expect(run.nearestLandmark?.kind == .globalMinimum)
  }

  @Test func largeLearningRateDivergesOnTheBowl() {
    // lr 1.5: y ← (1 − 1.5·2)·y = −2y, from 1.8: |y| = 1.8·2^k passes 1000 at k = 10.
    let run = DescentRun(
      DescentSetup(surface: .bowl, optimizer: .gradientDescent, learningRate: 1.5), steps: 50)
    #expect(run.outcome == .diverged(step: 10))
    #expect(run.path.count == 10)
    #expect(run.path.last?.step == 9)
    #expect(Self.allFinite(run))
  }

  @Test func slightlyTooLargeAlsoDivergesJustSlower() {
    // lr 1.1: y multiplies by −1.2 each step; it crawls outward and leaves ±1000 at step 35.
    let run = DescentRun(
      DescentSetup(surface: .bowl, optimizer: .gradientDescent, learningRate: 1.1), steps: 100)
    #expect(run.outcome == .diverged(step: 35))
  }

  @Test(arguments: OptimizerKind.allCases, LossSurface.Kind.allCases)
  func hugeLearningRatesStopCleanly(kind: OptimizerKind, surface: LossSurface.Kind) {
    // Whatever blows up, the path holds only ordinary numbers.
    let run = DescentRun(
      DescentSetup(surface: LossSurface(surface), optimizer: kind, learningRate: 100), steps: 500)
    #expect(Self.allFinite(run))
    #expect(run.path.allSatisfy { abs($0.x) <= 1000 && abs($0.y) <= 1000 })
  }

  @Test func momentumRollsPastTheShallowBasinThatTrapsPlainDescent() throws {
    // Stated start: (2, 1), the basins surface's default. Learning rate 0.02, 200 steps.
    let start = Point2(2, 1)
    #expect(LossSurface.basins.defaultStart == start)
    let plain = DescentRun(
      DescentSetup(surface: .basins, optimizer: .gradientDescent, learningRate: 0.02, start: start),
      steps: 200)
    let heavy = DescentRun(
      DescentSetup(surface: .basins, optimizer: .momentum, learningRate: 0.02, start: start),
      steps: 200)
    #expect(plain.nearestLandmark?.kind == .localMinimum)
    #expect(heavy.nearestLandmark?.kind == .globalMinimum)
    #expect(heavy.final.loss < plain.final.loss - 0.9)
    // Plain descent never even reaches the saddle.
    let saddle = try #require(LossSurface.basins.landmarks.first { $0.kind == .saddle })
    #expect(plain.path.allSatisfy { $0.x > saddle.point.x })
  }

  @Test func sameSeedSameNoisyPathOtherSeedOtherPath() {
    func run(_ seed: UInt64) -> DescentRun {
      DescentRun(
        DescentSetup(
          surface: .valley, optimizer: .adam, learningRate: 0.1, seed: seed, noise: true), steps: 40
      )
    }
    #expect(run(3).path == run(3).path)
    #expect(run(3).path != run(4).path)
    // Same start either way: only the order of the data changed.
    #expect(run(3).path[0] == run(4).path[0])
    let quiet = DescentRun(
      DescentSetup(surface: .valley, optimizer: .adam, learningRate: 0.1, seed: 3), steps: 40)
    #expect(quiet.path != run(3).path)
  }

  @Test func seedChoosesTheStart() {
    let a = DescentSetup(
      surface: .bowl, optimizer: .adam, learningRate: 0.1, randomStart: true, seed: 5)
    let b = DescentSetup(
      surface: .bowl, optimizer: .adam, learningRate: 0.1, randomStart: true, seed: 6)
    #expect(a.start == LossSurface.bowl.randomStart(seed: 5))
    #expect(a.startOrigin == .seed)
    #expect(a.start != b.start)
    let given = DescentSetup(
      surface: .bowl, optimizer: .adam, learningRate: 0.1, start: Point2(1, 1), randomStart: true)
    #expect(given.start == Point2(1, 1) && given.startOrigin == .given)
    let plain = DescentSetup(surface: .bowl, optimizer: .adam, learningRate: 0.1)
    #expect(plain.start == LossSurface.bowl.defaultStart && plain.startOrigin == .surfaceDefault)
  }

  @Test func badSetupsThrowInsteadOfRunning() {
    for rate in [0, -0.1, .nan, .infinity, 101] {
      let setup = DescentSetup(surface: .bowl, optimizer: .gradientDescent, learningRate: rate)
      #expect(throws: HemoError.self) { try setup.validate() }
    }
    for start in [Point2(.nan, 0), Point2(0, 2000)] {
      let setup = DescentSetup(
        surface: .bowl, optimizer: .gradientDescent, learningRate: 0.1, start: start)
      #expect(throws: HemoError.self) { try setup.validate() }
    }
    #expect(throws: Never.self) {
      try DescentSetup(surface: .bowl, optimizer: .gradientDescent, learningRate: 0.1).validate()
    }
  }

  @Test func zeroStepsIsJustTheStart() {
    let run = DescentRun(
      DescentSetup(surface: .valley, optimizer: .rmsprop, learningRate: 0.1), steps: 0)
    #expect(run.path.count == 1 && run.outcome == .stillMoving)
  }

  @Test func walkerFollowsANewLearningRate() {
    var walker = DescentSetup(surface: .bowl, optimizer: .gradientDescent, learningRate: 0.1)
      .makeWalker()
    walker.advance()
    walker.setLearningRate(0.5)
    let point = walker.advance()
    // x: −2.5 → −2.25 (lr 0.1) → −2.25 − 0.5·(−2.25) = −1.125
    #expect(point.map { abs($0.x + 1.125) < 1e-12 } == true)
  }
}
