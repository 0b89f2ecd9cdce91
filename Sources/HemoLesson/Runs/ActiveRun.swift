import HemoTrain

/// A run training on its own thread, and its controls. Its numbers are those of a headless run
/// of the same request (the same epoch loop, the same plan).
public struct ActiveRun: Sendable {
  public let id: RunID
  public let plan: RunPlan
  let session: TrainingSession

  /// The latest snapshot (a brief lock, never waiting for the trainer).
  public var snapshot: Snapshot { session.snapshot }

  public func pause() { session.pause() }
  public func resume() { session.resume() }
  public func stepBatch() { session.stepBatch() }
  public func stepEpoch() { session.stepEpoch() }
  public func stop() { session.stop() }
  public func setPacing(_ pacing: Pacing) { session.setPacing(pacing) }

  /// Blocks until the run finishes or stops.
  public func waitUntilDone() { session.waitUntilDone() }
}
