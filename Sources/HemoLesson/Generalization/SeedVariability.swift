import Foundation
import HemoCore
import HemoTrain

/// One experiment trained with several seeds on the same images: how far accuracy, sensitivity
/// and specificity move when only the starting weights, the batch order and the test split change.
public struct SeedVariability: Sendable, Codable, Equatable {
  /// One seed's run.
  public struct Run: Sendable, Codable, Equatable {
    public var seed: UInt64
    public var accuracy: ExperimentResult.Interval
    public var sensitivity: ExperimentResult.Interval?
    public var specificity: ExperimentResult.Interval?
  }

  /// The spread of one metric's estimates across the runs.
  public struct Spread: Sendable, Codable, Equatable {
    public var median: Double
    public var minimum: Double
    public var maximum: Double
    /// maximum − minimum.
    public var range: Double
    /// The mean half-width of the runs' own 95 % intervals.
    public var meanHalfWidth: Double

    public init?(_ intervals: [ExperimentResult.Interval]) {
      guard !intervals.isEmpty else { return nil }
      let values = intervals.map(\.estimate).sorted()
      let middle = values.count / 2
      median = values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
      minimum = values[0]
      maximum = values[values.count - 1]
      range = maximum - minimum
      meanHalfWidth = intervals.map(\.halfWidth).reduce(0, +) / Double(intervals.count)
    }
  }

  /// Another experiment's accuracy, for comparing its difference with the seed spread.
  public struct Comparison: Sendable, Codable, Equatable {
    public var experiment: Int
    public var accuracy: Double
    /// Its accuracy minus this experiment's median accuracy.
    public var difference: Double
  }

  public var experiment: Int
  public var title: String
  public var positiveClass: String?
  public var runs: [Run]
  public var accuracy: Spread
  public var sensitivity: Spread?
  public var specificity: Spread?
  public var comparisons: [Comparison]
  /// What the spread means, written from the numbers.
  public var reading: String

  /// Summarizes runs of one experiment (at least one). `others` are results of other
  /// experiments (one each) to compare the seed spread with.
  public init(results: [ExperimentResult], others: [ExperimentResult] = []) {
    precondition(!results.isEmpty)
    let first = results[0]
    experiment = first.experiment
    title = first.title
    positiveClass = first.positiveClass
    runs = results.map {
      Run(
        seed: $0.settings.seed, accuracy: $0.accuracy, sensitivity: $0.sensitivity,
        specificity: $0.specificity)
    }
    accuracy = Spread(results.map(\.accuracy))!
    sensitivity = Spread(results.compactMap(\.sensitivity))
    specificity = Spread(results.compactMap(\.specificity))
    let median = accuracy.median
    comparisons = others.filter { $0.experiment != first.experiment }.map {
      Comparison(
        experiment: $0.experiment, accuracy: $0.accuracy.estimate,
        difference: $0.accuracy.estimate - median)
    }
    reading = Self.reading(
      runs: runs.count, accuracy: accuracy, sensitivity: sensitivity, specificity: specificity,
      comparisons: comparisons,
      positive: first.positiveClass)
  }

  /// Trains `experiment` once per seed on the same `data` (one after another) through
  /// `orchestrator` (results not recorded) and summarizes. `progress` receives the index of the
  /// run in progress and its latest snapshot; `finished` each run's result as it ends. Throws
  /// `CancellationError` when `isCancelled` turns true.
  public static func run(
    _ experiment: ExperimentDefinition, data: ExperimentData, dataDescription: String,
    seeds: [UInt64], overrides: TrainingOverrides = TrainingOverrides(),
    others: [ExperimentResult] = [], file: String? = nil,
    orchestrator: RunOrchestrator = RunOrchestrator(),
    progress: (Int, Snapshot) -> Void = { _, _ in },
    finished: (ExperimentResult) -> Void = { _ in },
    isCancelled: () -> Bool = { false }
  ) throws -> (summary: SeedVariability, results: [ExperimentResult]) {
    guard !seeds.isEmpty else { throw HemoError("give at least one seed") }
    var results: [ExperimentResult] = []
    for (index, seed) in seeds.enumerated() {
      var seeded = overrides
      seeded.seed = seed
      let outcome = try orchestrator.run(
        RunRequest(
          experiment, data: data, dataDescription: dataDescription, overrides: seeded, file: file),
        record: false, progress: { progress(index, $0) }, isCancelled: isCancelled)
      finished(outcome.result)
      results.append(outcome.result)
    }
    return (SeedVariability(results: results, others: others), results)
  }

  /// `count` consecutive seeds starting at `first`.
  public static func seeds(count: Int, from first: UInt64) -> [UInt64] {
    (0..<UInt64(max(count, 0))).map { first &+ $0 }
  }

  static func points(_ value: Double) -> String { String(Int((value * 100).rounded())) }

  static func reading(
    runs: Int, accuracy: Spread, sensitivity: Spread?, specificity: Spread?,
    comparisons: [Comparison],
    positive: String?
  ) -> String {
    var text =
      "Across \(runs) seeds on the same images, test accuracy ran from \(points(accuracy.minimum))% to \(points(accuracy.maximum))% (median \(points(accuracy.median))%): a spread of \(points(accuracy.range)) points that comes only from the starting weights, the order of the batches and which images fell in the test split."
    text +=
      " Each run's own 95% interval is about ±\(points(accuracy.meanHalfWidth)) points, so one run's number is one draw, not the model's accuracy."
    if let sensitivity, let positive, sensitivity.range >= 0.095 {
      text +=
        " Sensitivity for \(positive) moved more, from \(points(sensitivity.minimum))% to \(points(sensitivity.maximum))%."
    }
    if let specificity, specificity.range >= 0.095 {
      text +=
        " Specificity moved from \(points(specificity.minimum))% to \(points(specificity.maximum))%."
    }
    guard !comparisons.isEmpty else { return text }
    let larger = comparisons.filter { abs($0.difference) > accuracy.range }
    let smaller = comparisons.filter { abs($0.difference) <= accuracy.range }
    func list(_ items: [Comparison]) -> String {
      items.map {
        "experiment \($0.experiment) (\($0.difference >= 0 ? "+" : "−")\(points(abs($0.difference))))"
      }
      .joined(separator: ", ")
    }
    if !larger.isEmpty {
      text +=
        " Differences larger than this spread are likely real: \(list(larger)) points against this median."
    }
    if !smaller.isEmpty {
      text +=
        " Differences within the spread cannot be told apart from chance with one run each: \(list(smaller)) points."
    }
    return text
  }
}
