import HemoLesson

/// The playground's keys: one place that says which key does what, for the reducer and the help
/// line. Tab is passed as "\t"; the screen maps its own key type onto characters.
public enum PlaygroundKeys {
  /// The action for a typed character, or nil when the playground does not use it.
  public static func action(for key: Character) -> PlaygroundAction? {
    switch key {
    case "+", "=": .learningRateUp
    case "-", "_": .learningRateDown
    case "s": .newSeed
    case "n": .toggleNoise
    case "1": .select(.gradientDescent)
    case "2": .select(.momentum)
    case "3": .select(.rmsprop)
    case "4": .select(.adam)
    case "a": .selectAll
    case "o", "\t": .nextOptimizer
    case "m": .nextSurface
    case " ": .toggleRun
    case ".": .step
    case "r": .reset
    case "f": .faster
    case "t": .toggleText
    default: nil
    }
  }

  /// The help line shown under the map.
  public static let help =
    "Space run/pause  . step  +/- learning rate  s new seed  n noise  1-4/Tab optimizer  "
    + "a all  m surface  f speed  r reset  t about"

  /// The same keys as hints, most important first (the screen flows them over one or two lines).
  public static let hints = [
    KeyHint("Space", "run/pause"), KeyHint(".", "one step"), KeyHint("+/-", "learning rate"),
    KeyHint("s", "new start"), KeyHint("n", "noise"), KeyHint("1-4", "optimizer"),
    KeyHint("a", "all four"), KeyHint("m", "surface"), KeyHint("f", "speed"),
    KeyHint("r", "reset"), KeyHint("t", "about"),
  ]
}
