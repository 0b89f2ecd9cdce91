import HemoCore
import HemoTrain
import Synchronization

/// The one path from an experiment to a result, for the lesson, its lab, the learning curve and
/// `hemolab run`: plans the run (settings, network, split, batches), trains it (headless on the
/// calling thread, or on a session's own thread for the screen), reads the result against the
/// run it compares with, and records it under a `RunID`.
///
/// Cancellation has one convention: a headless run throws `CancellationError`; a run on its own
/// thread reports `.stopped`.
public final class RunOrchestrator: Sendable {
  private struct State {
    var lastID = 0
    var history = RunHistory()
  }

  private let state = Mutex(State())

  public init() {}

  /// The runs recorded so far, oldest first.
  public var history: RunHistory { state.withLock { $0.history } }

  /// The run a new run of `experiment` would be read against.
  public func comparison(for experiment: ExperimentDefinition) -> ExperimentResult? {
    history.comparison(for: experiment.teachingPoint)
  }

  /// Plans `request`, or says why it cannot train.
  public func plan(_ request: RunRequest) throws(HemoError) -> RunPlan {
    try RunPlan(request)
  }

  /// Trains `request` to its end on the calling thread and returns its outcome. `progress`
  /// receives a snapshot after every batch; `isCancelled` is asked before every batch, and when
  /// it says yes (or the calling task is cancelled) the run throws `CancellationError`. With
  /// `record` false the result is not kept for later comparisons (the lab's extra runs).
  public func run(
    _ request: RunRequest, record: Bool = true, progress: (Snapshot) -> Void = { _ in },
    isCancelled: () -> Bool = { false }
  ) throws -> RunOutcome {
    let plan = try RunPlan(request)
    let id = nextID()
    let (_, snapshot) = try train(
      dataset: request.data.dataset, network: plan.network, config: plan.config,
      split: plan.split, everyBatch: progress, isCancelled: isCancelled)
    return try finish(id, request, plan, snapshot, record: record)
  }

  /// Starts `request` on a training session's own thread at `pacing`. `onUpdate` receives every
  /// change on the trainer's thread; the last is `.finished` (the outcome, recorded),
  /// `.stopped` or `.failed`.
  public func start(
    _ request: RunRequest, pacing: Pacing = .fullSpeed,
    onUpdate: @escaping @Sendable (RunUpdate) -> Void
  ) throws(HemoError) -> ActiveRun {
    let plan = try RunPlan(request)
    let id = nextID()
    let session = TrainingSession(
      dataset: request.data.dataset, network: plan.network, config: plan.config,
      split: plan.split
    ) { [self] snapshot in
      switch snapshot.state {
      case .finished:
        do throws(HemoError) {
          onUpdate(.finished(try finish(id, request, plan, snapshot, record: true)))
        } catch {
          onUpdate(.failed(id, error))
        }
      case .stopped: onUpdate(.stopped(id, snapshot))
      case .idle, .running, .paused: onUpdate(.progress(id, snapshot))
      }
    }
    session.setPacing(pacing)
    session.start()
    return ActiveRun(id: id, plan: plan, session: session)
  }

  private func nextID() -> RunID {
    state.withLock { state in
      state.lastID += 1
      return RunID(state.lastID)
    }
  }

  /// The result of a finished snapshot, read against the run it compares with, and recorded.
  private func finish(
    _ id: RunID, _ request: RunRequest, _ plan: RunPlan, _ snapshot: Snapshot, record: Bool
  ) throws(HemoError) -> RunOutcome {
    guard let evaluation = snapshot.evaluation, let model = snapshot.model else {
      throw HemoError("training ended without an evaluation of the test set")
    }
    return state.withLock { state in
      var result = ExperimentResult(
        experiment: request.experiment, data: request.data,
        dataDescription: request.dataDescription, config: plan.config, snapshot: snapshot,
        evaluation: evaluation,
        comparedWith: state.history.comparison(for: request.experiment.teachingPoint))
      result.run = id
      if record { state.history.record(result) }
      return RunOutcome(id: id, plan: plan, result: result, model: model)
    }
  }
}
