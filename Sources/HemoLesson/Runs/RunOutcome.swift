import HemoCore
import HemoTrain

/// A finished run: its identity, plan, the result read from its numbers, and the trained model.
/// A post-run analysis (saliency maps, say) belongs in `RunOrchestrator.finish` and here.
public struct RunOutcome: Sendable {
  public let id: RunID
  public let plan: RunPlan
  public let result: ExperimentResult
  public let model: Model
}

/// What a run training on its own thread reports, on that thread.
public enum RunUpdate: Sendable {
  /// A new snapshot (after a batch, a pause or a step).
  case progress(RunID, Snapshot)
  /// The run trained to its end; the outcome is recorded.
  case finished(RunOutcome)
  /// The run was stopped before its end (its last snapshot).
  case stopped(RunID, Snapshot)
  /// The run ended but its result could not be gathered.
  case failed(RunID, HemoError)
}
