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
