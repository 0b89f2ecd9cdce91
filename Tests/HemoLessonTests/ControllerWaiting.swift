import Dispatch
import HemoLesson

extension LessonController {
  /// Waits for change events (never polling a clock) until `done` holds. The bound only keeps a
  /// broken controller from hanging the test run; no timing is asserted.
  func wait(atMost seconds: Double = 300, until done: () -> Bool) -> Bool {
    let changed = DispatchSemaphore(value: 0)
    let token = observe { _ in changed.signal() }
    defer { stopObserving(token) }
    let deadline = DispatchTime.now() + seconds
    while !done() {
      if changed.wait(timeout: deadline) == .timedOut { return done() }
    }
    return true
  }
}
