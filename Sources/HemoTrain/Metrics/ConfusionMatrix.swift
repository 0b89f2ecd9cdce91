/// Counts of true class (rows) against predicted class (columns), with accuracy, per-class recall
/// and precision as Wilson intervals.
public struct ConfusionMatrix: Sendable, Hashable, Codable {
  public let classNames: [String]
  /// counts[true][predicted].
  public let counts: [[Int]]

  public init(classNames: [String], truth: [Int], predicted: [Int]) {
    precondition(truth.count == predicted.count)
    var counts = [[Int]](
      repeating: [Int](repeating: 0, count: classNames.count), count: classNames.count)
    for (t, p) in zip(truth, predicted) { counts[t][p] += 1 }
    self.classNames = classNames
    self.counts = counts
  }

  public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
  public var correct: Int { counts.indices.reduce(0) { $0 + counts[$1][$1] } }
  public var accuracy: WilsonInterval { WilsonInterval(successes: correct, trials: total) }

  /// Of the images truly in class `c`, the share predicted as `c` (per-class accuracy).
  public func recall(_ c: Int) -> WilsonInterval {
    WilsonInterval(successes: counts[c][c], trials: counts[c].reduce(0, +))
  }

  /// Of the images predicted as class `c`, the share truly in `c`.
  public func precision(_ c: Int) -> WilsonInterval {
    WilsonInterval(successes: counts[c][c], trials: counts.reduce(0) { $0 + $1[c] })
  }

  /// For two classes with `positive` as the positive class: (sensitivity, specificity).
  public func sensitivitySpecificity(positive: Int) -> (WilsonInterval, WilsonInterval)? {
    guard classNames.count == 2, (0...1).contains(positive) else { return nil }
    return (recall(positive), recall(1 - positive))
  }
}
