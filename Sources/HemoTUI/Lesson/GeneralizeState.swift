import HemoLesson

/// The views of step 8, in tab order.
public enum GeneralizeView: Int, Sendable, CaseIterable {
  case runs, roc, seeds, external, weighting, curve

  /// The tab's name.
  public var title: String {
    switch self {
    case .runs: "Your runs"
    case .roc: "Threshold"
    case .seeds: "Seeds"
    case .external: "Other hospital"
    case .weighting: "Weighting"
    case .curve: "More data"
    }
  }

  /// The experiment a view starts with: experiment 3 (balanced), experiment 2 for weighting.
  var defaultExperiment: Int { self == .weighting ? 2 : 3 }

  /// Views that compute something in the background on Enter.
  var computes: Bool { self == .seeds || self == .external || self == .weighting || self == .curve }
}

/// Step 8's own state: the view shown, the choices of each view, and the background lab's
/// latest status (copied from `GeneralizationLab` once per frame).
public struct GeneralizeState: Sendable, Equatable {
  public var view: GeneralizeView = .runs
  /// Run ×N's N.
  public var seedCount = 5
  /// The experiment each computing view works on, when the learner changed it.
  public var chosen: [GeneralizeView: Int] = [:]
  /// The training-set sizes per class of the learning curve.
  public var curveSizes = LearningCurve.defaultSizes
  public var lab = GeneralizationStatus()

  public static let seedCounts = 2...20

  public init() {}

  /// The experiment `view` works on.
  public func experiment(for view: GeneralizeView) -> Int {
    chosen[view] ?? view.defaultExperiment
  }

  /// What Enter starts in `view`, if anything.
  public func task(for view: GeneralizeView) -> GeneralizationTask? {
    let id = experiment(for: view)
    switch view {
    case .seeds: return .seeds(id, count: seedCount)
    case .external: return .external(id)
    case .weighting: return .weighting(id)
    case .curve: return .learningCurve(id, sizes: curveSizes)
    case .runs, .roc: return nil
    }
  }

  /// Whether the lab's current or last task belongs to `view`.
  public func labTask(is view: GeneralizeView) -> Bool {
    switch lab.task {
    case .seeds?: view == .seeds
    case .external?: view == .external
    case .weighting?: view == .weighting
    case .learningCurve?: view == .curve
    case nil: false
    }
  }
}
