import Foundation
import HemoCore
import HemoTrain

/// Runs one experiment to the end without a screen (for `hemolab run`, benchmarks and tests),
/// through the same `TrainingSession` the lesson uses, so the numbers are the lesson's numbers.
public enum ExperimentRunner {
  /// Trains on `data` and returns the result. `progress` is called from this thread about ten
  /// times a second with the latest snapshot.
  public static func run(
    _ experiment: ExperimentDefinition, data: ExperimentData, dataDescription: String,
    overrides: TrainingOverrides = TrainingOverrides(),
    comparedWith previous: ExperimentResult? = nil,
    file: String = "experiment", progress: (Snapshot) -> Void = { _ in },
    shouldStop: () -> Bool = { false }
  ) throws(HemoError) -> ExperimentResult {
    try runWithModel(
      experiment, data: data, dataDescription: dataDescription, overrides: overrides,
      comparedWith: previous, file: file, progress: progress, shouldStop: shouldStop
    ).result
  }

  /// Like `run`, and also returns the trained model (for saving). When `shouldStop` turns true
  /// the run is stopped at the next batch and `ExperimentRunner.stopped` is thrown.
  public static func runWithModel(
    _ experiment: ExperimentDefinition, data: ExperimentData, dataDescription: String,
    overrides: TrainingOverrides = TrainingOverrides(),
    comparedWith previous: ExperimentResult? = nil,
    file: String = "experiment", progress: (Snapshot) -> Void = { _ in },
    shouldStop: () -> Bool = { false }
  ) throws(HemoError) -> (result: ExperimentResult, model: Model) {
    let config = try experiment.checkedTrainingConfig(overrides)
    let network = try experiment.networkSpec(file: file)
    try experiment.validate(
      network: network, config: config, input: data.dataset.shape, file: file)
    let session = TrainingSession(
      dataset: data.dataset, network: network, config: config,
      split: data.split(seed: config.seed, testFraction: config.testFraction))
    guard let snapshot = session.runToEnd(progress: progress, shouldStop: shouldStop) else {
      throw stopped
    }
    guard let evaluation = snapshot.evaluation, let model = snapshot.model else {
      throw HemoError("training ended without an evaluation of the test set")
    }
    let result = ExperimentResult(
      experiment: experiment, data: data, dataDescription: dataDescription, config: config,
      snapshot: snapshot, evaluation: evaluation, comparedWith: previous)
    return (result, model)
  }

  /// The error thrown when a run is stopped on request before its end.
  public static let stopped = HemoError("stopped before the end")

  /// "synthetic head CT (generator seed 101), 64×64 grey, brain 80/40".
  public static func describeSynthetic(_ experiment: ExperimentDefinition) -> String {
    "synthetic head CT (generator seed \(experiment.data.generatorSeed))"
  }
}
