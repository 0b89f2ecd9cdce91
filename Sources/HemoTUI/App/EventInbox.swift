import Synchronization

/// Events posted from other threads (the lesson's controller, its runs, the lab) for the event
/// loop to take in order; posting wakes the loop.
public final class EventInbox<Message: Sendable>: Sendable {
  private let queue = Mutex<[Message]>([])
  private let wake = Mutex<(@Sendable () -> Void)?>(nil)

  public init() {}

  /// Adds `message` and wakes the loop.
  public func post(_ message: Message) {
    queue.withLock { $0.append(message) }
    wake.withLock { $0 }?()
  }

  /// Everything posted since the last call, oldest first.
  public func drain() -> [Message] {
    queue.withLock { queue in
      defer { queue.removeAll() }
      return queue
    }
  }

  /// Sets what posting calls to wake the loop.
  func onPost(_ handler: @escaping @Sendable () -> Void) {
    wake.withLock { $0 = handler }
  }
}
