import HemoLesson
import Testing

@testable import HemoTUI

/// The playground driven the way the terminal drives it: key and tick events through
/// `PlaygroundScreen.reduce`.
@Suite struct PlaygroundEventTests {
  func press(_ state: PlaygroundState, _ keys: Key...) -> PlaygroundState {
    keys.reduce(state) { PlaygroundScreen.reduce($0, .key($1)) }
  }

  @Test func learningRateUpAndDownByKeysAndArrows() {
    let start = PlaygroundState(learningRate: 0.05)
    #expect(press(start, .character("+")).learningRate == 0.1)
    #expect(press(start, .character("=")).learningRate == 0.1)
    #expect(press(start, .up, .up).learningRate == 0.2)
    #expect(press(start, .character("-")).learningRate == 0.02)
    #expect(press(start, .down, .down).learningRate == 0.01)
    // A change starts the ball again from its start with the new rate.
    let moved = press(start, .character("."), .character("."), .character("+"))
    #expect(moved.step == 0 && moved.balls[0].walker.optimizer.learningRate == 0.1)
  }

  @Test func newStartComesFromTheNextSeed() {
    let state = press(PlaygroundState(seed: 4), .character("s"))
    #expect(state.seed == 5 && state.seededStart)
    #expect(state.balls[0].trail[0].position == LossSurface.basins.randomStart(seed: 5))
  }

  @Test func noiseToggles() {
    let on = press(PlaygroundState(), .character("n"))
    #expect(on.noise && on.balls[0].walker.noise != nil)
    let off = press(on, .character("n"))
    #expect(!off.noise && off.balls[0].walker.noise == nil)
  }

  @Test func optimizerSelection() {
    let state = PlaygroundState()
    #expect(press(state, .character("2")).balls.map(\.kind) == [.momentum])
    #expect(press(state, .character("4")).balls.map(\.kind) == [.adam])
    #expect(press(state, .tab).balls.map(\.kind) == [.momentum])
    #expect(press(state, .character("a")).balls.map(\.kind) == OptimizerKind.allCases)
    #expect(press(state, .character("a"), .tab).balls.map(\.kind) == [.gradientDescent])
    #expect(press(state, .character("m")).surface == .bowl)
  }

  @Test func runPauseStepAndReset() {
    var state = press(PlaygroundState(), .space)
    #expect(state.running)
    for _ in 0..<3 { state = PlaygroundScreen.reduce(state, .tick) }
    #expect(state.step == 3)
    state = press(state, .space)
    #expect(!state.running)
    state = PlaygroundScreen.reduce(state, .tick)
    #expect(state.step == 3)  // paused: time passes, the ball does not
    state = press(state, .character("."))
    #expect(state.step == 4 && !state.running)
    state = press(state, .space, .character("r"))
    #expect(state.step == 0 && !state.running)
    #expect(state.balls[0].trail.count == 1)
  }

  @Test func fasterTakesMoreStepsPerTickAndWrapsAround() {
    var state = press(PlaygroundState(surface: .bowl, learningRate: 0.01), .character("f"))
    #expect(state.stepsPerTick == 5)
    state = press(state, .space)
    state = PlaygroundScreen.reduce(state, .tick)
    #expect(state.step == 5)
    state = press(state, .character("f"))
    state = PlaygroundScreen.reduce(state, .tick)
    #expect(state.step == 30)
    #expect(press(state, .character("f")).stepsPerTick == 1)
  }

  @Test func explanationOpensWithTAndClosesWithEscape() {
    let open = press(PlaygroundState(), .character("t"))
    #expect(open.showsText)
    #expect(!press(open, .escape).showsText)
    #expect(!press(open, .character("t")).showsText)
    // Esc means nothing to the playground when the text is closed: the host may use it.
    #expect(!PlaygroundScreen.handles(.key(.escape), state: PlaygroundState()))
  }

  @Test func keysTheHostKeepsAreNotTaken() {
    let state = PlaygroundState()
    for key: Key in [.character("q"), .character("?"), .left, .right, .enter] {
      #expect(!PlaygroundScreen.handles(.key(key), state: state), "\(key)")
      #expect(PlaygroundScreen.reduce(state, .key(key)) == state)
    }
    #expect(PlaygroundScreen.handles(.tick, state: state))
  }

  @Test func quitEndsTheStandAloneApp() {
    let state = PlaygroundApp.State(playground: PlaygroundState())
    #expect(PlaygroundApp.reduce(state, .key(.character("q"))).wantsQuit)
    #expect(!PlaygroundApp.reduce(state, .key(.space)).wantsQuit)
    #expect(PlaygroundApp.reduce(state, .key(.space)).playground.running)
  }

  @Test func theExplanationIsAModalAt80x24AndOnScreenAt160x48() {
    let closed = PlaygroundState()
    let open = press(closed, .character("t"))
    let small = Size(width: 80, height: 24)
    let title = PlaygroundText.title
    #expect(!PlaygroundScreen.render(closed, size: small, theme: .monochrome).text.contains(title))
    #expect(PlaygroundScreen.render(open, size: small, theme: .monochrome).text.contains(title))
    #expect(
      PlaygroundScreen.render(closed, size: Size(width: 160, height: 48), theme: .monochrome)
        .text.contains(title))
  }
}
