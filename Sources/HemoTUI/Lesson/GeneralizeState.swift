import HemoLesson

/// The views of step 8, in tab order.
public enum GeneralizeView: Int, Sendable, CaseIterable {
  case runs, roc, seeds, external, weighting, curve, backbones

  /// The tab's name.
  public var title: String {
    switch self {
    case .runs: "Your runs"
    case .roc: "Threshold"
    case .seeds: "Seeds"
    case .external: "Other hospital"
    case .weighting: "Weighting"
    case .curve: "More data"
    case .backbones: "Pretrained vs scratch"
    }
  }

  /// The tab's name when the row of full names does not fit (80 columns).
  public var shortTitle: String {
    switch self {
    case .runs: "Runs"
    case .external: "Hospital"
    case .backbones: "Pretrained"
    case .roc, .seeds, .weighting, .curve: title
    }
  }

  /// The experiment a view starts with: experiment 3 (balanced), experiment 2 for weighting,
  /// experiment 4 (three classes, hard from scratch, 300 test images) for the backbones.
  var defaultExperiment: Int {
    switch self {
    case .weighting: 2
    case .backbones: 4
    default: 3
    }
  }

  /// Views that compute something in the background on Enter.
  var computes: Bool { self != .runs && self != .roc }
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
    case .backbones: return .backbones(id)
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
    case .backbones?: view == .backbones
    case nil: false
    }
  }
}
