import Dispatch
import Foundation
import HemoCore
import Testing

@testable import HemoTrain

/// TrainingSession controls: pause, step one batch, step one epoch, stop, and agreement with the
/// synchronous trainer. (Run also with `swift test --sanitize=thread --filter SessionTests`.)
@Suite struct SessionTests {
  static let data = Fixtures.blobs(count: 80)
  static let config = TrainingConfig(epochs: 3, batchSize: 8, seed: 9)

  /// A session that signals `changed` with every snapshot it publishes.
  func watchedSession() -> (TrainingSession, DispatchSemaphore) {
    let changed = DispatchSemaphore(value: 0)
    let session = TrainingSession(
      dataset: Self.data, network: Fixtures.smallNetwork, config: Self.config
    ) { _ in changed.signal() }
    return (session, changed)
  }

  /// Waits for the session's updates until `condition` holds (no timing is asserted; the bound
  /// only stops a broken session from hanging the test run).
  func waitFor(
    _ session: TrainingSession, _ changed: DispatchSemaphore, _ condition: (Snapshot) -> Bool
  ) -> Snapshot {
    while true {
      let snapshot = session.snapshot
      if condition(snapshot) { return snapshot }
      if changed.wait(timeout: .now() + 60) == .timedOut {
        Issue.record("the session never reached the expected state")
        return session.snapshot
      }
    }
  }

  @Test func matchesSynchronousTraining() {
    let session = TrainingSession(
      dataset: Self.data, network: Fixtures.smallNetwork, config: Self.config)
    #expect(session.snapshot.state == .idle)
    #expect(session.snapshot.batchesPerEpoch == 9)
    session.start()
    session.waitUntilDone()
    let done = session.snapshot
    let (model, reference) = train(
      dataset: Self.data, network: Fixtures.smallNetwork, config: Self.config)
    #expect(done.state == .finished)
    #expect(done.batchLosses == reference.batchLosses)
    #expect(done.epochs == reference.epochs)
    #expect(done.model!.parameters == model.parameters)
  }

  @Test func stepBatchAdvancesExactlyOneBatch() {
    let (session, changed) = watchedSession()
    session.stepBatch()
    var snapshot = waitFor(session, changed) { $0.state == .paused }
    #expect(snapshot.imagesSeen == 8 && snapshot.batch == 1 && snapshot.batchLosses.count == 1)
    #expect(snapshot.evaluation?.matrix.total == 12)
    session.stepBatch()
    snapshot = waitFor(session, changed) { $0.state == .paused && $0.imagesSeen > 8 }
    #expect(snapshot.imagesSeen == 16 && snapshot.batch == 2)
    // Paused: whatever else is published, nothing moves.
    while changed.wait(timeout: .now() + 0.05) == .success {}
    #expect(session.snapshot.imagesSeen == 16 && session.snapshot.state == .paused)
    // The evaluation is of the current weights.
    let pixels = Array(Self.data.images[(snapshot.evaluation!.testIndices[0] * 256)...].prefix(256))
    #expect(snapshot.model!.predict(pixels, count: 1)[0] == snapshot.evaluation!.probabilities[0])
    session.stepEpoch()
    snapshot = waitFor(session, changed) { $0.state == .paused && $0.epochs.count == 1 }
    #expect(snapshot.batch == snapshot.batchesPerEpoch && snapshot.imagesSeen == 68)
    session.stop()
    session.waitUntilDone()
    #expect(session.snapshot.state == .stopped)
    #expect(session.snapshot.imagesSeen == 68)
  }

  @Test func pauseResumeAndStopLeaveConsistentSnapshots() {
    let (session, changed) = watchedSession()
    session.setPacing(.watchable(delay: 0.01))
    session.start()
    _ = waitFor(session, changed) { $0.imagesSeen > 0 }
    session.pause()
    let paused = waitFor(session, changed) { $0.state == .paused }
    #expect(paused.batchLosses.count == (paused.epoch - 1) * paused.batchesPerEpoch + paused.batch)
    #expect(paused.evaluation != nil)
    session.resume()
    session.setPacing(.fullSpeed)
    _ = waitFor(session, changed) { $0.state == .running || $0.state == .finished }
    session.stop()
    session.waitUntilDone()
    let stopped = session.snapshot
    #expect(stopped.state == .stopped || stopped.state == .finished)
    #expect(
      stopped.batchLosses.count == (stopped.epoch - 1) * stopped.batchesPerEpoch + stopped.batch)
    #expect(stopped.imagesSeen >= paused.imagesSeen)
    #expect(stopped.evaluation!.matrix.total == 12)
    #expect(
      stopped.epochs.count == stopped.epoch - (stopped.batch < stopped.batchesPerEpoch ? 1 : 0))
  }

  @Test func stopBeforeStartDoesNothing() {
    let session = TrainingSession(
      dataset: Self.data, network: Fixtures.smallNetwork, config: Self.config)
    session.stop()
    session.waitUntilDone()
    #expect(session.snapshot.state == .stopped && session.snapshot.imagesSeen == 0)
    session.start()
    #expect(session.snapshot.state == .stopped)
  }
}
