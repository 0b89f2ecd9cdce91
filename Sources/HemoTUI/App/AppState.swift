/// The state of the lesson shell: which step is shown, the help overlay, and whether to quit.
public struct AppState: Sendable, Equatable {
  /// The eight lesson step titles, in order.
  public static let stepTitles = [
    "Gradient descent", "The data", "Experiment 1: small data", "Experiment 2: class imbalance",
    "Experiment 3: balanced data", "Experiment 4: three classes",
    "Experiment 5: colour-coded preprocessing", "Does it generalize?",
  ]
  /// The smallest screen the lesson lays out on.
  public static let minimumSize = Size(width: 80, height: 24)

  /// 0-based index into `stepTitles`.
  public var step: Int
  public var showsHelp: Bool
  public var helpScroll: Int
  public var wantsQuit: Bool
  /// Ticks received (time passing), for live panels.
  public var ticks: Int

  public init(step: Int = 0) {
    self.step = min(max(0, step), Self.stepTitles.count - 1)
    showsHelp = false
    helpScroll = 0
    wantsQuit = false
    ticks = 0
  }

  public var stepTitle: String { Self.stepTitles[step] }
}
