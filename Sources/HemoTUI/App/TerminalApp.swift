/// The interactive loop: polls keys (≤ 50 ms), ticks at 10 Hz, reduces events into state and
/// redraws when the state or the size changed.
public enum TerminalApp {
  /// How the loop ended.
  public enum Outcome<State> {
    /// The state asked to finish.
    case finished(State)
    /// SIGINT, SIGTERM or SIGHUP arrived; the terminal is restored. Exit with 128 + signal.
    case signalled(Int32)
  }

  /// Runs until `isFinished(state)` or a signal; restores the terminal before returning.
  public static func run<State: Equatable>(
    terminal: Terminal, initial: State, reduce: (State, Event) -> State,
    render: (State, Size, Theme) -> CellBuffer, isFinished: (State) -> Bool
  ) -> Outcome<State> {
    defer { terminal.stop() }
    let clock = ContinuousClock()
    let tickInterval = Duration.milliseconds(100)
    var state = initial
    var size = terminal.size
    terminal.draw(render(state, size, terminal.theme))
    var nextTick = clock.now + tickInterval
    while !isFinished(state) {
      if let signal = terminal.pendingSignal { return .signalled(signal) }
      let wait = max(0, min(50, (nextTick - clock.now).milliseconds))
      var changed = false
      if let key = terminal.readKey(timeoutMilliseconds: Int32(wait)) {
        let event: Event = key == .resize ? .resize(terminal.size) : .key(key)
        let updated = reduce(state, event)
        changed = updated != state
        state = updated
      }
      if clock.now >= nextTick {
        nextTick = clock.now + tickInterval
        let updated = reduce(state, .tick)
        changed = changed || updated != state
        state = updated
      }
      let current = terminal.size
      if current != size {
        size = current
        changed = true
      }
      if changed && !isFinished(state) { terminal.draw(render(state, size, terminal.theme)) }
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
