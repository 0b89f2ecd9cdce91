import HemoCore
import HemoTrain

/// One experiment trained twice with the same seed (same split, starting weights and batch
/// order): once as is and once with class weighting, the remedy for imbalance, side by side.
public struct ClassWeightingComparison: Sendable, Codable, Equatable {
  /// One of the two runs.
  public struct Side: Sendable, Codable, Equatable {
    public var classWeighting: Bool
    /// Rows = true class, columns = predicted.
    public var confusionMatrix: [[Int]]
    public var accuracy: ExperimentResult.Interval
    public var sensitivity: ExperimentResult.Interval?
    public var specificity: ExperimentResult.Interval?

    public init(
      classWeighting: Bool, confusionMatrix: [[Int]], accuracy: ExperimentResult.Interval,
      sensitivity: ExperimentResult.Interval?, specificity: ExperimentResult.Interval?
    ) {
      self.classWeighting = classWeighting
      self.confusionMatrix = confusionMatrix
      self.accuracy = accuracy
      self.sensitivity = sensitivity
      self.specificity = specificity
    }

    public init(_ result: ExperimentResult) {
      classWeighting = result.settings.classWeighting
      confusionMatrix = result.confusionMatrix
      accuracy = result.accuracy
      sensitivity = result.sensitivity
      specificity = result.specificity
    }
  }

  public var experiment: Int
  public var title: String
  public var classes: [String]
  public var positiveClass: String?
  public var seed: UInt64
  /// Training images per class (the weights are N / (classes × images of the class)).
  public var trainPerClass: [Int]
  public var unweighted: Side
  public var weighted: Side
  /// What weighting changed, written from the numbers.
  public var reading: String

  /// Compares two finished runs of one experiment (the first without weighting).
  public init(unweighted: ExperimentResult, weighted: ExperimentResult) {
    self.init(
      experiment: unweighted.experiment, title: unweighted.title, classes: unweighted.classNames,
      positiveClass: unweighted.positiveClass, seed: unweighted.settings.seed,
      trainPerClass: unweighted.classes.map(\.train), unweighted: Side(unweighted),
      weighted: Side(weighted))
  }

  /// A comparison from its two sides (the reading is written from them).
  public init(
    experiment: Int, title: String, classes: [String], positiveClass: String?, seed: UInt64,
    trainPerClass: [Int], unweighted: Side, weighted: Side
  ) {
    self.experiment = experiment
    self.title = title
    self.classes = classes
    self.positiveClass = positiveClass
    self.seed = seed
    self.trainPerClass = trainPerClass
    self.unweighted = unweighted
    self.weighted = weighted
    reading = Self.reading(
      unweighted, weighted, positive: positiveClass, trainPerClass: trainPerClass,
      classes: classes)
  }

  /// Trains `experiment` without and then with class weighting (the same seed) through
  /// `orchestrator` (results not recorded). `progress` receives 0 or 1 (which run) and the
  /// latest snapshot. Throws `CancellationError` when `isCancelled` turns true.
  public static func run(
    _ experiment: ExperimentDefinition, data: ExperimentData, dataDescription: String,
    overrides: TrainingOverrides = TrainingOverrides(),
    orchestrator: RunOrchestrator = RunOrchestrator(),
    progress: (Int, Snapshot) -> Void = { _, _ in },
    isCancelled: () -> Bool = { false }
  ) throws -> ClassWeightingComparison {
    var results: [ExperimentResult] = []
    for (index, weighting) in [false, true].enumerated() {
      var settings = overrides
      settings.classWeighting = weighting
      let outcome = try orchestrator.run(
        RunRequest(
          experiment, data: data, dataDescription: dataDescription, overrides: settings),
        record: false, progress: { progress(index, $0) }, isCancelled: isCancelled)
      results.append(outcome.result)
    }
    return ClassWeightingComparison(unweighted: results[0], weighted: results[1])
  }

  static func points(_ value: Double) -> String { String(Int((value * 100).rounded())) }

  static func reading(
    _ a: Side, _ b: Side, positive: String?, trainPerClass: [Int], classes: [String]
  ) -> String {
    var text = ""
    if let positive, let index = classes.firstIndex(of: positive), trainPerClass.count == 2,
      let sa = a.sensitivity, let sb = b.sensitivity
    {
      let other = trainPerClass[1 - index]
      let mine = max(trainPerClass[index], 1)
      let weight = Double(other + mine) / (2 * Double(mine))
      text =
        "With \(trainPerClass[index]) \(positive) and \(other) other training images, weighting counts each \(positive) image about ×\(Int(weight.rounded())) in the loss. "
      text +=
        "It found \(sb.successes) of \(sb.trials) \(positive) test images against \(sa.successes) without (sensitivity \(points(sa.estimate))% → \(points(sb.estimate))%)"
      if let pa = a.specificity, let pb = b.specificity {
        text += ", specificity \(points(pa.estimate))% → \(points(pb.estimate))%"
      }
      text +=
        ", accuracy \(points(a.accuracy.estimate))% → \(points(b.accuracy.estimate))%."
      if sb.estimate > sa.estimate + 0.001 {
        text +=
          b.accuracy.estimate < a.accuracy.estimate
          ? " More bleeds found for a lower accuracy: accuracy rewarded calling everything the majority class."
          : " More bleeds found without losing accuracy."
      } else if sb.estimate < sa.estimate - 0.001 {
        text += " Weighting did not help this seed: it found fewer."
      } else {
        text += " Weighting did not change how many were found with this seed."
      }
      if sb.trials < 20 {
        text +=
          " With only \(sb.trials) \(positive) test images each one is \(points(1 / Double(max(sb.trials, 1)))) points of sensitivity: read the intervals."
      }
    } else {
      text =
        "Accuracy \(points(a.accuracy.estimate))% without weighting, \(points(b.accuracy.estimate))% with it."
    }
    return text
  }
}
