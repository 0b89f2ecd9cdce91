import HemoLesson

/// What the learner can do on the gradient descent playground; keys map onto these.
public enum PlaygroundAction: Sendable, Hashable {
  /// Next larger learning rate on the ladder (`+`).
  case learningRateUp
  /// Next smaller learning rate (`-`).
  case learningRateDown
  /// New seed: new random start (the initial weights) and new data order (`s`).
  case newSeed
  /// Mini-batch noise on or off (`n`).
  case toggleNoise
  /// Show one optimizer (`1`–`4`).
  case select(OptimizerKind)
  /// Show all four side by side (`a`).
  case selectAll
  /// Cycle to the next optimizer (`o` or Tab).
  case nextOptimizer
  /// Cycle to the next surface (`m`).
  case nextSurface
  /// Run or pause the animation (Space).
  case toggleRun
  /// One step by hand (`.`).
  case step
  /// Back to the start, same seed (`r`).
  case reset
  /// Next animation speed: 1, 5 or 25 steps per tick (`f`).
  case faster
  /// Open or close the text linking the playground to the experiments (`t`).
  case toggleText
  /// A timer tick: `stepsPerTick` steps when running.
  case tick
}
