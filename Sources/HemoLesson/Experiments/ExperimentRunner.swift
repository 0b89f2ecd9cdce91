import Foundation
import HemoCore
import HemoTrain

/// Runs one experiment to the end without a screen (benchmarks, tests, one-off commands): a
/// shorthand for a fresh `RunOrchestrator`'s `run`, so the numbers are the lesson's numbers.
/// Several runs whose readings compare with each other (`hemolab run all`) share one
/// orchestrator instead.
public enum ExperimentRunner {
  /// Trains on `data` and returns the result. `progress` receives a snapshot after every batch;
  /// when `isCancelled` turns true the run throws `CancellationError`.
  public static func run(
    _ experiment: ExperimentDefinition, data: ExperimentData, dataDescription: String,
    overrides: TrainingOverrides = TrainingOverrides(), file: String? = nil,
    progress: (Snapshot) -> Void = { _ in }, isCancelled: () -> Bool = { false }
  ) throws -> ExperimentResult {
    try runWithModel(
      experiment, data: data, dataDescription: dataDescription, overrides: overrides, file: file,
      progress: progress, isCancelled: isCancelled
    ).result
  }

  /// Like `run`, and also returns the trained model (for saving).
  public static func runWithModel(
    _ experiment: ExperimentDefinition, data: ExperimentData, dataDescription: String,
    overrides: TrainingOverrides = TrainingOverrides(), file: String? = nil,
    progress: (Snapshot) -> Void = { _ in }, isCancelled: () -> Bool = { false }
  ) throws -> (result: ExperimentResult, model: Model) {
    let outcome = try RunOrchestrator().run(
      RunRequest(
        experiment, data: data, dataDescription: dataDescription, overrides: overrides,
        file: file),
      progress: progress, isCancelled: isCancelled)
    return (outcome.result, outcome.model)
  }

  /// "synthetic head CT (generator seed 101)".
  public static func describeSynthetic(_ experiment: ExperimentDefinition) -> String {
    "synthetic head CT (generator seed \(experiment.data.generatorSeed))"
  }
}
