/// The one interactive loop, for the lesson and the stand-alone playground: reads keys (and
/// clicks) from a `TerminalBackend`, takes messages other threads posted, ticks at 10 Hz,
/// reduces everything into the state, carries out the state's effects, and redraws when the
/// state or the size changed. It never sleeps: it waits in `readKey`, which posting interrupts.
public struct EventLoop<State: Equatable, Message: Sendable> {
  /// How the loop ended.
  public enum Outcome {
    /// The state asked to finish.
    case finished(State)
    /// SIGINT, SIGTERM or SIGHUP arrived. Exit with 128 + signal.
    case signalled(Int32)
  }

  public var reduce: (State, Event) -> State
  public var render: (State, Size, Theme) -> CellBuffer
  public var isFinished: (State) -> Bool
  /// A click on a region the last frame marked (nil: clicks are keys like any other).
  public var click: ((State, ClickTarget) -> State)?
  /// Takes the messages posted since the last turn into the state, oldest first.
  public var receive: (State, [Message]) -> State
  /// Carries out the effects the state asks for (clears them).
  public var perform: (inout State) -> Void
  /// Called after each drawn frame with the time it took and the key that caused it, if any.
  public var drew: (ContinuousClock.Instant, Double, ContinuousClock.Instant?, State) -> Void

  public init(
    reduce: @escaping (State, Event) -> State,
    render: @escaping (State, Size, Theme) -> CellBuffer,
    isFinished: @escaping (State) -> Bool,
    click: ((State, ClickTarget) -> State)? = nil,
    receive: @escaping (State, [Message]) -> State = { state, _ in state },
    perform: @escaping (inout State) -> Void = { _ in },
    drew: @escaping (ContinuousClock.Instant, Double, ContinuousClock.Instant?, State) -> Void = {
      _, _, _, _ in
    }
  ) {
    self.reduce = reduce
    self.render = render
    self.isFinished = isFinished
    self.click = click
    self.receive = receive
    self.perform = perform
    self.drew = drew
  }

  /// Runs from `initial` until the state finishes or a signal arrives; restores the terminal
  /// before returning.
  public func run(
    on backend: some TerminalBackend, from initial: State, inbox: EventInbox<Message>? = nil
  ) -> Outcome {
    defer { backend.stop() }
    if let interrupter = backend.interrupter { inbox?.onPost(interrupter) }
    let clock = ContinuousClock()
    let tickInterval = Duration.milliseconds(100)
    var state = initial
    state = receive(state, inbox?.drain() ?? [])
    perform(&state)
    var size = backend.size
    var frame = render(state, size, backend.theme)
    backend.draw(frame)
    var nextTick = clock.now + tickInterval
    while !isFinished(state) {
      if let signal = backend.pendingSignal { return .signalled(signal) }
      let previous = state
      let wait = max(0, min(50, (nextTick - clock.now).milliseconds))
      var keyTime: ContinuousClock.Instant?
      if var key = backend.readKey(timeoutMilliseconds: Int32(wait)) {
        keyTime = clock.now
        // Keys already waiting (typing, pasting a path) are taken before drawing.
        for _ in 0..<64 {
          if case .click(let x, let y) = key, let click {
            state = frame.target(atX: x, y: y).map { click(state, $0) } ?? state
          } else {
            state = reduce(state, key == .resize ? .resize(backend.size) : .key(key))
          }
          perform(&state)
          guard !isFinished(state), let waiting = backend.readKey(timeoutMilliseconds: 0) else {
            break
          }
          key = waiting
        }
      }
      if let messages = inbox?.drain(), !messages.isEmpty { state = receive(state, messages) }
      if clock.now >= nextTick {
        nextTick = clock.now + tickInterval
        state = reduce(state, .tick)
      }
      perform(&state)
      let current = backend.size
      let resized = current != size
      size = current
      if (resized || state != previous) && !isFinished(state) {
        let begin = clock.now
        frame = render(state, size, backend.theme)
        backend.draw(frame)
        drew(clock.now, (clock.now - begin).seconds, keyTime, state)
      }
    }
    return .finished(state)
  }
}

extension Duration {
  fileprivate var milliseconds: Int {
    let (seconds, attoseconds) = components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }
}
