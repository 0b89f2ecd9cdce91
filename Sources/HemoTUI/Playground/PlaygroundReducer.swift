import HemoLesson

/// The playground's pure state transition: `reduce(state, action) -> state`.
public enum PlaygroundReducer {
  public static func reduce(_ state: PlaygroundState, _ action: PlaygroundAction)
    -> PlaygroundState
  {
    var next = state
    switch action {
    case .learningRateUp:
      next.learningRateIndex = min(
        state.learningRateIndex + 1, PlaygroundState.learningRates.count - 1)
      next.restart()
    case .learningRateDown:
      next.learningRateIndex = max(state.learningRateIndex - 1, 0)
      next.restart()
    case .newSeed:
      next.seed = state.seed &+ 1
      next.seededStart = true
      next.restart()
    case .toggleNoise:
      next.noise.toggle()
      next.restart()
    case .select(let kind):
      next.selection = .one(kind)
      next.restart()
    case .selectAll:
      next.selection = .all
      next.restart()
    case .nextOptimizer:
      let kinds = OptimizerKind.allCases
      switch state.selection {
      case .all: next.selection = .one(kinds[0])
      case .one(let kind):
        let index = kinds.firstIndex(of: kind)!
        next.selection = .one(kinds[(index + 1) % kinds.count])
      }
      next.restart()
    case .nextSurface:
      let all = LossSurface.all
      let index = all.firstIndex(of: state.surface)!
      next.surface = all[(index + 1) % all.count]
      next.restart()
    case .toggleRun:
      next.running.toggle()
      // Running again after the end starts over rather than doing nothing.
      if next.running
        && next.balls.allSatisfy({ $0.isDone || $0.trail.count > PlaygroundState.maximumSteps })
      {
        next.restart()
      }
    case .step:
      next.running = false
      next.advance()
    case .reset:
      next.running = false
      next.restart()
    case .faster:
      next.speedIndex = (state.speedIndex + 1) % PlaygroundState.speeds.count
    case .toggleText:
      next.showsText.toggle()
    case .tick:
      guard state.running else { return state }
      for _ in 0..<state.stepsPerTick {
        let moved = next.advance()
        if !moved || next.balls.allSatisfy(\.isDone) {
          next.running = false
          break
        }
      }
    }
    return next
  }
}
