/// The finished runs an orchestrator recorded, oldest first, and the rule for which earlier run
/// a reading compares with.
public struct RunHistory: Sendable {
  public private(set) var results: [ExperimentResult] = []

  public init() {}

  mutating func record(_ result: ExperimentResult) {
    results.append(result)
  }

  /// The run a new run of `point` is read against: the latest run of the point it compares
  /// with (see `TeachingPoint.comparesWith`), if any.
  public func comparison(for point: TeachingPoint) -> ExperimentResult? {
    guard let wanted = point.comparesWith else { return nil }
    return results.last { $0.teachingPoint == wanted }
  }
}

extension TeachingPoint {
  /// The point whose latest run a reading of this one compares with: balanced data with the
  /// imbalanced run (accuracy fell, usefulness rose), colour-coding with the grey three-class
  /// run (the gain from preprocessing). Nil for the others.
  public var comparesWith: TeachingPoint? {
    switch self {
    case .balanced: .imbalance
    case .colourCoding: .multiclass
    case .smallData, .imbalance, .multiclass, .custom: nil
    }
  }
}
