import HemoCore

/// Trains to the end on the calling thread, for headless runs and tests.
///
/// Gives exactly the numbers a `TrainingSession` with the same dataset, network, config and split
/// gives (same seed and thread count → bit-identical), because both drive the same epoch loop.
/// `progress` is called after every epoch. Returns the model at the final evaluation and the
/// final snapshot (state `.finished`).
public func train(
  dataset: Dataset, network: NetworkSpec, config: TrainingConfig, split: StratifiedSplit? = nil,
  progress: ((Snapshot) -> Void)? = nil
) -> (model: Model, snapshot: Snapshot) {
  let run = TrainingRun(dataset: dataset, network: network, config: config, split: split)
  while !run.isFinished {
    if run.runBatch() { progress?(run.snapshot(state: .running)) }
  }
  run.evaluate()
  return (run.model!, run.snapshot(state: .finished))
}

/// Like `train(dataset:network:config:split:progress:)`, reporting after every batch and
/// checking `isCancelled` before each one: throws `CancellationError` when it turns true (or the
/// calling task is cancelled). The one cancellation convention of headless training.
public func train(
  dataset: Dataset, network: NetworkSpec, config: TrainingConfig, split: StratifiedSplit? = nil,
  everyBatch progress: (Snapshot) -> Void, isCancelled: () -> Bool
) throws(CancellationError) -> (model: Model, snapshot: Snapshot) {
  let run = TrainingRun(dataset: dataset, network: network, config: config, split: split)
  while !run.isFinished {
    if isCancelled() || Task.isCancelled { throw CancellationError() }
    run.runBatch()
    progress(run.snapshot(state: .running))
  }
  run.evaluate()
  return (run.model!, run.snapshot(state: .finished))
}
