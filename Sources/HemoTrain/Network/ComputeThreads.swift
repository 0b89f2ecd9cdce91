import Foundation

/// One or two compute threads: `run` calls `body(0)` on the calling thread and, with two threads,
/// `body(1)` on a helper thread, and returns when both are done.
///
/// The helper is a dedicated `Thread` parked on a semaphore between jobs (it is woken a few times
/// per batch). Work is split by fixed index ranges, so results do not depend on timing.
final class ComputeThreads: @unchecked Sendable {
  let count: Int
  private let start = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  // Written by the caller before `start.signal()` and read by the helper after `start.wait()`:
  // the semaphores order every access.
  private var job: ((Int) -> Void)?
  private var quit = false

  init(count: Int) {
    self.count = min(max(count, 1), 2)
    if self.count == 2 {
      let thread = Thread { [self] in helperLoop() }
      thread.name = "HemoTrain compute"
      thread.start()
    }
  }

  /// Runs `body(thread)` for every thread index and waits for all of them.
  func run(_ body: (Int) -> Void) {
    guard count == 2 else { return body(0) }
    withoutActuallyEscaping(body) { body in
      job = body
      start.signal()
      body(0)
      finished.wait()
      job = nil
    }
  }

  /// The half-open range of `0..<total` that `thread` handles.
  func share(of total: Int, thread: Int) -> Range<Int> {
    let split = (total + count - 1) / count
    let lower = min(thread * split, total)
    return lower..<min(lower + split, total)
  }

  /// Ends the helper thread; call once, when the engine is done.
  func shutdown() {
    guard count == 2, !quit else { return }
    quit = true
    start.signal()
    finished.wait()
  }

  private func helperLoop() {
    while true {
      start.wait()
      if quit {
        finished.signal()
        return
      }
      job?(1)
      finished.signal()
    }
  }
}
