import HemoLesson
import Testing

@testable import HemoTUI

@Suite struct PlaygroundKeysTests {
  @Test func keysMapToActions() {
    #expect(PlaygroundKeys.action(for: " ") == .toggleRun)
    #expect(PlaygroundKeys.action(for: ".") == .step)
    #expect(PlaygroundKeys.action(for: "+") == .learningRateUp)
    #expect(PlaygroundKeys.action(for: "-") == .learningRateDown)
    #expect(PlaygroundKeys.action(for: "3") == .select(.rmsprop))
    #expect(PlaygroundKeys.action(for: "\t") == .nextOptimizer)
    #expect(PlaygroundKeys.action(for: "q") == nil)
    // Every key named in the help line does something.
    for key in [" ", ".", "+", "-", "s", "n", "1", "4", "a", "m", "r"] {
      #expect(PlaygroundKeys.action(for: Character(key)) != nil, "\(key)")
    }
  }

  @Test func readoutsFollowTheBalls() {
    var state = PlaygroundState(surface: .bowl, learningRate: 2.0)
    state = PlaygroundReducer.reduce(state, .step)
    // lr 2 on the bowl from (−2.5, 1.8): x ← −x = 2.5, y ← −3y = −5.4; loss 0.5·(6.25 + 58.32).
    let readout = PlaygroundReadout.all(state)[0]
    #expect(readout.step == 1 && readout.position == Point2(2.5, -5.4) && readout.status == .moving)
    #expect(abs(readout.loss - 32.285) < 1e-9)
    #expect(
      readout.line == "Gradient descent step    1  loss 32.2850  at (2.5000, -5.4000)  moving")
    for _ in 0..<10 { state = PlaygroundReducer.reduce(state, .step) }
    #expect(PlaygroundReadout.all(state)[0].status == .diverged)
  }
}
