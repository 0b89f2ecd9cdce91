/// The four optimizers of the playground: the family the course's reference article compares.
public enum OptimizerKind: String, CaseIterable, Sendable, Codable {
  case gradientDescent = "gd"
  case momentum
  case rmsprop
  case adam

  /// A title for the screen and reports.
  public var title: String {
    switch self {
    case .gradientDescent: "Gradient descent"
    case .momentum: "Momentum"
    case .rmsprop: "RMSProp"
    case .adam: "Adam"
    }
  }

  /// One line for learners: how it moves.
  public var summary: String {
    switch self {
    case .gradientDescent: "steps straight downhill, a fixed fraction of the slope"
    case .momentum: "a heavy ball: keeps part of its speed, so it rolls through small dips"
    case .rmsprop: "scales each weight's step by its recent slope, so steep and flat move alike"
    case .adam: "momentum plus RMSProp's scaling; the optimizer HemoLab's trainer uses"
    }
  }

  /// Accepts the command-line name (`gd`, `momentum`, `rmsprop`, `adam`) and a few spellings.
  public init?(name: String) {
    switch name.lowercased() {
    case "gd", "sgd", "gradient-descent", "descent", "plain": self = .gradientDescent
    case "momentum", "heavy-ball": self = .momentum
    case "rmsprop", "rms": self = .rmsprop
    case "adam": self = .adam
    default: return nil
    }
  }
}
