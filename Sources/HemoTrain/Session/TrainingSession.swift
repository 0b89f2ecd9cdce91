import Foundation
import HemoCore
import Synchronization

/// Trains on a dedicated thread that a view can start, pause, step, slow down and stop, and whose
/// progress it reads as `Snapshot` values without ever waiting for the trainer.
///
/// Requests take effect at the next batch boundary. While paused, the snapshot carries the test
/// evaluation of the current weights. `stepBatch` (when paused or idle) trains exactly one batch
/// and pauses again; `stepEpoch` trains to the end of the current epoch and pauses. `stop` ends
/// the run with a consistent, evaluated snapshot. Numbers match `train(dataset:…)` exactly.
public final class TrainingSession: Sendable {
  private struct Control {
    var started = false
    var paused = false
    var stopRequested = false
    var pendingBatches = 0
    var runToEpochEnd = false
    var pacing = Pacing.fullSpeed
    var done = false
  }

  private enum Action {
    case train(pauseAfterEpoch: Bool)
    case wait
    case stop
  }

  private let dataset: Dataset
  private let network: NetworkSpec
  private let config: TrainingConfig
  private let split: StratifiedSplit
  private let control = Mutex(Control())
  private let published: Mutex<Snapshot>
  private let wake = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  private let onUpdate: (@Sendable (Snapshot) -> Void)?

  /// Prepares a session (the network must pass `NetworkSpec.validate` for the dataset's shape).
  /// Nothing runs until `start`, `stepBatch` or `stepEpoch`. `onUpdate` receives every snapshot
  /// as it is published (after each batch, on pause, stop and finish), on the trainer's thread:
  /// keep it short (note the change, wake a waiter).
  public init(
    dataset: Dataset, network: NetworkSpec, config: TrainingConfig, split: StratifiedSplit? = nil,
    onUpdate: (@Sendable (Snapshot) -> Void)? = nil
  ) {
    self.dataset = dataset
    self.network = network
    self.config = config
    let split =
      split
      ?? StratifiedSplit(
        labels: dataset.labels, testFraction: config.testFraction, seed: config.seed)
    self.split = split
    var trainCounts = [Int](repeating: 0, count: dataset.classNames.count)
    var testCounts = trainCounts
    for i in split.train { trainCounts[dataset.labels[i]] += 1 }
    for i in split.test { testCounts[dataset.labels[i]] += 1 }
    self.onUpdate = onUpdate
    published = Mutex(
      Snapshot(
        state: .idle, epoch: 0, totalEpochs: config.epochs, batch: 0,
        batchesPerEpoch: config.batchesPerEpoch(trainCounts: trainCounts), imagesSeen: 0,
        batchLosses: [],
        epochs: [], evaluation: nil, imagesPerSecond: 0, elapsed: 0, estimatedRemaining: nil,
        trainCounts: trainCounts, testCounts: testCounts, model: nil))
  }

  /// The latest published snapshot (a brief lock, never held while training).
  public var snapshot: Snapshot { published.withLock { $0 } }

  /// Starts training at full speed (or resumes if paused).
  public func start() {
    launch(paused: false)
  }

  /// Pauses at the next batch boundary.
  public func pause() {
    control.withLock { $0.paused = true }
    wake.signal()
  }

  /// Continues after a pause (starts if idle).
  public func resume() {
    launch(paused: false)
  }

  /// Trains exactly one more batch, then pauses.
  public func stepBatch() {
    launch(paused: true) { $0.pendingBatches += 1 }
  }

  /// Trains to the end of the current epoch (or the whole next one at a boundary), then pauses.
  public func stepEpoch() {
    launch(paused: true) { $0.runToEpochEnd = true }
  }

  /// Ends the run at the next batch boundary; the final snapshot is evaluated and `.stopped`.
  public func stop() {
    let started = control.withLock { control in
      control.stopRequested = true
      return control.started
    }
    if started {
      wake.signal()
    } else {
      let stopped = published.withLock { snapshot in
        snapshot = snapshot.with(state: .stopped)
        return snapshot
      }
      onUpdate?(stopped)
    }
  }

  /// Slows training down for watching, or lets it run at full speed.
  public func setPacing(_ pacing: Pacing) {
    control.withLock { $0.pacing = pacing }
    wake.signal()
  }

  /// Blocks until the run finishes or stops; returns at once if it never started.
  public func waitUntilDone() {
    let started = control.withLock { $0.started }
    guard started else { return }
    finished.wait()
    finished.signal()
  }

  private func launch(paused: Bool, _ change: (inout Control) -> Void = { _ in }) {
    let needsThread = control.withLock { control -> Bool in
      guard !control.stopRequested, !control.done else { return false }
      control.paused = paused
      change(&control)
      defer { control.started = true }
      return !control.started
    }
    if needsThread {
      let thread = Thread { [self] in trainerMain() }
      thread.name = "HemoTrain trainer"
      thread.start()
    } else {
      wake.signal()
    }
  }

  private func nextAction() -> Action {
    control.withLock { control in
      if control.stopRequested { return .stop }
      if control.runToEpochEnd { return .train(pauseAfterEpoch: true) }
      if control.paused {
        guard control.pendingBatches > 0 else { return .wait }
        control.pendingBatches -= 1
      }
      return .train(pauseAfterEpoch: false)
    }
  }

  private func trainerMain() {
    let run = TrainingRun(dataset: dataset, network: network, config: config, split: split)
    publish(run, run.isFinished ? .finished : .running)
    while !run.isFinished {
      switch nextAction() {
      case .stop:
        run.evaluate()
        publish(run, .stopped)
        return finish()
      case .wait:
        run.evaluate()
        publish(run, .paused)
        wake.wait()
      case .train(let pauseAfterEpoch):
        let endedEpoch = run.runBatch()
        if pauseAfterEpoch && endedEpoch {
          control.withLock { $0.runToEpochEnd = false }
        }
        let pausedNow = control.withLock { $0.paused && !$0.runToEpochEnd }
        if run.isFinished { break }
        if pausedNow {
          run.evaluate()
          publish(run, .paused)
        } else {
          publish(run, .running)
          if case .watchable(let delay) = control.withLock({ $0.pacing }), delay > 0 {
            _ = wake.wait(timeout: .now() + delay)
          }
        }
      }
    }
    run.evaluate()
    publish(run, .finished)
    finish()
  }

  private func publish(_ run: TrainingRun, _ state: SessionState) {
    let snapshot = run.snapshot(state: state)
    published.withLock { $0 = snapshot }
    onUpdate?(snapshot)
  }

  private func finish() {
    control.withLock { $0.done = true }
    finished.signal()
  }
}

extension Snapshot {
  func with(state: SessionState) -> Snapshot {
    Snapshot(
      state: state, epoch: epoch, totalEpochs: totalEpochs, batch: batch,
      batchesPerEpoch: batchesPerEpoch, imagesSeen: imagesSeen, batchLosses: batchLosses,
      epochs: epochs, evaluation: evaluation, imagesPerSecond: imagesPerSecond, elapsed: elapsed,
      estimatedRemaining: estimatedRemaining, trainCounts: trainCounts, testCounts: testCounts,
      model: model)
  }
}
