import HemoLesson
import Testing

@testable import HemoTUI

@Suite struct PlaygroundReducerTests {
  typealias R = PlaygroundReducer

  @Test func startsOnTheBasinsWithPlainDescentAtItsDefaultStart() {
    let state = PlaygroundState()
    #expect(state.surface == .basins && state.learningRate == 0.05)
    #expect(state.balls.count == 1 && state.balls[0].kind == .gradientDescent)
    #expect(state.balls[0].trail == [state.balls[0].walker.current])
    #expect(state.start == LossSurface.basins.defaultStart && state.step == 0 && !state.running)
  }

  @Test func learningRateMovesAlongTheLadderAndStopsAtItsEnds() {
    var state = PlaygroundState(learningRate: 0.05)
    state = R.reduce(state, .learningRateUp)
    #expect(state.learningRate == 0.1)
    for _ in 0..<20 { state = R.reduce(state, .learningRateUp) }
    #expect(state.learningRate == 2.0)
    for _ in 0..<20 { state = R.reduce(state, .learningRateDown) }
    #expect(state.learningRate == 0.001)
    #expect(state.balls[0].walker.optimizer.learningRate == 0.001)
  }

  @Test func stepAndTick() {
    var state = PlaygroundState()
    state = R.reduce(state, .tick)
    #expect(state.step == 0)  // paused: ticks do nothing
    state = R.reduce(state, .step)
    state = R.reduce(state, .step)
    #expect(state.step == 2)
    // Step 1 by hand: basins gradient at (2, 1) is (4·2·3 + 0.5, 1.6) = (24.5, 1.6);
    // x = 2 − 0.05·24.5 = 0.775, y = 1 − 0.05·1.6 = 0.92.
    let first = state.balls[0].trail[1]
    #expect(abs(first.x - 0.775) < 1e-12 && abs(first.y - 0.92) < 1e-12)
    state = R.reduce(state, .toggleRun)
    state = R.reduce(state, .tick)
    #expect(state.running && state.step == 3)
    state = R.reduce(state, .reset)
    #expect(!state.running && state.step == 0)
  }

  @Test func runningStopsWhenTheBallFliesOff() {
    var state = PlaygroundState(surface: .bowl, learningRate: 2.0)
    state = R.reduce(state, .toggleRun)
    var ticks = 0
    while state.running && ticks < 100 {
      state = R.reduce(state, .tick)
      ticks += 1
    }
    #expect(!state.running)
    #expect(state.balls[0].walker.hasDiverged)
    #expect(state.balls[0].trail.allSatisfy { $0.loss.isFinite })
  }

  @Test func runningStopsWhenTheBallSettles() {
    var state = PlaygroundState(surface: .bowl, learningRate: 0.5)
    state = R.reduce(state, .toggleRun)
    while state.running && state.step < PlaygroundState.maximumSteps {
      state = R.reduce(state, .tick)
    }
    #expect(!state.running && state.step < 100)
    #expect(state.balls[0].isDone)
  }

  @Test func newSeedGivesANewStartAndAnotherSeedAnotherPath() {
    let first = R.reduce(PlaygroundState(seed: 1), .newSeed)
    #expect(first.seed == 2 && first.seededStart)
    #expect(first.start == LossSurface.basins.randomStart(seed: 2))
    let second = R.reduce(first, .newSeed)
    #expect(second.start != first.start)
  }

  @Test func noiseMakesThePathJitterTheSameWayForTheSameSeed() {
    func path(_ state: PlaygroundState) -> [DescentPoint] {
      var state = state
      for _ in 0..<10 { state = R.reduce(state, .step) }
      return state.balls[0].trail
    }
    let quiet = PlaygroundState()
    let noisy = R.reduce(quiet, .toggleNoise)
    #expect(noisy.noise)
    #expect(path(noisy) != path(quiet))
    #expect(path(noisy) == path(R.reduce(quiet, .toggleNoise)))
  }

  @Test func selectingOptimizersAndSurfaces() {
    var state = PlaygroundState()
    state = R.reduce(state, .selectAll)
    #expect(state.balls.map(\.kind) == OptimizerKind.allCases)
    state = R.reduce(state, .select(.adam))
    #expect(state.balls.map(\.kind) == [.adam])
    state = R.reduce(state, .nextOptimizer)
    #expect(state.balls.map(\.kind) == [.gradientDescent])
    state = R.reduce(state, .nextSurface)
    #expect(state.surface == .bowl)
    state = R.reduce(state, .nextSurface)
    state = R.reduce(state, .nextSurface)
    #expect(state.surface == .basins)
  }

  @Test func momentumLeavesTheTrapThatHoldsPlainDescent() {
    // On the basins at lr 0.05 from (2, 1): plain descent stays right of the saddle, momentum
    // ends in the deeper left basin.
    var state = R.reduce(PlaygroundState(), .selectAll)
    for _ in 0..<300 { state = R.reduce(state, .step) }
    let ends = Dictionary(uniqueKeysWithValues: state.balls.map { ($0.kind, $0.trail.last!.x) })
    #expect(ends[.gradientDescent]! > 0.5)
    #expect(ends[.momentum]! < -0.5)
  }
}
