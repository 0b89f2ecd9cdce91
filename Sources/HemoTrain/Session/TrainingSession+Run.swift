import Foundation

extension TrainingSession {
  /// Starts the session and waits until it finishes, calling `progress` with a snapshot every
  /// `interval` seconds and stopping it as soon as `shouldStop` says so. Returns the final
  /// snapshot, or nil when it was stopped from outside.
  public func runToEnd(
    polling interval: TimeInterval = 0.1, progress: (Snapshot) -> Void = { _ in },
    shouldStop: () -> Bool = { false }
  ) -> Snapshot? {
    start()
    while true {
      let snapshot = self.snapshot
      progress(snapshot)
      if snapshot.state == .finished || snapshot.state == .stopped { break }
      if shouldStop() {
        stop()
        waitUntilDone()
        return nil
      }
      Thread.sleep(forTimeInterval: interval)
    }
    waitUntilDone()
    return snapshot
  }
}
