/// `hemolab descent --play`: the playground alone, full screen, until q.
public enum PlaygroundApp {
  /// The playground plus the one thing only the stand-alone app needs: whether to quit.
  struct State: Equatable {
    var playground: PlaygroundState
    var wantsQuit = false
  }

  static func reduce(_ state: State, _ event: Event) -> State {
    var next = state
    if case .key(.character(let c)) = event, c == "q" || c == "Q" {
      next.wantsQuit = true
      return next
    }
    next.playground = PlaygroundScreen.reduce(state.playground, event)
    return next
  }

  /// Starts the terminal and runs the playground from `initial`; returns the exit status
  /// (0, or 128 + signal).
  public static func run(_ initial: PlaygroundState, depth: ColourDepth? = nil) -> Int32 {
    run(initial, on: Terminal(depth: depth))
  }

  /// Runs the playground on `backend` (a real terminal, or `MemoryTerminal` in tests).
  public static func run(_ initial: PlaygroundState, on backend: some TerminalBackend) -> Int32 {
    let loop = EventLoop<State, Never>(
      reduce: reduce, render: { PlaygroundScreen.render($0.playground, size: $1, theme: $2) },
      isFinished: \.wantsQuit)
    switch loop.run(on: backend, from: State(playground: initial)) {
    case .finished: return 0
    case .signalled(let signal): return 128 + signal
    }
  }
}
