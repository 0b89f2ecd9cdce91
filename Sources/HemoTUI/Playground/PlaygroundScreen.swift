import HemoLesson

/// The playground as a screen: events in, state out, cells drawn. The lesson hosts
/// `PlaygroundState` in its own state, passes key and tick events to `reduce` while step 1 is
/// shown, and draws `PlaygroundView` into its body; `render` is the full-screen version used by
/// `hemolab descent --play` and the golden tests.
public enum PlaygroundScreen {
  /// The action for an event: the playground's keys (`PlaygroundKeys`), ↑/↓ for the learning
  /// rate, Esc to close the explanation, ticks; nil for everything else (q, ←/→, ? …), which
  /// the host keeps for itself.
  public static func action(for event: Event, state: PlaygroundState) -> PlaygroundAction? {
    switch event {
    case .tick: return .tick
    case .resize: return nil
    case .key(let key):
      switch key {
      case .space: return .toggleRun
      case .tab: return .nextOptimizer
      case .up: return .learningRateUp
      case .down: return .learningRateDown
      case .escape: return state.showsText ? .toggleText : nil
      case .character(let c): return PlaygroundKeys.action(for: c)
      default: return nil
      }
    }
  }

  /// True when the playground uses this event (the host should not act on it too).
  public static func handles(_ event: Event, state: PlaygroundState) -> Bool {
    action(for: event, state: state) != nil
  }

  /// The state after an event.
  public static func reduce(_ state: PlaygroundState, _ event: Event) -> PlaygroundState {
    guard let action = action(for: event, state: state) else { return state }
    return PlaygroundReducer.reduce(state, action)
  }

  /// The playground full screen: a header row with `q quit`, then the playground.
  public static func render(_ state: PlaygroundState, size: Size, theme: Theme) -> CellBuffer {
    let buffer = CellBuffer.draw(size: size) { canvas in
      guard size.fits(LessonState.minimumSize) else {
        canvas.draw(
          TooSmallNotice(current: size, needed: LessonState.minimumSize), in: canvas.bounds,
          theme: theme)
        return
      }
      let header = theme.style(.header)
      canvas.fill(Rect(x: 0, y: 0, width: size.width, height: 1), style: header)
      canvas.put(" HemoLab · gradient descent playground", x: 0, y: 0, style: header)
      canvas.put("q quit ", x: size.width - 7, y: 0, style: header)
      canvas.draw(
        PlaygroundView(state), in: Rect(x: 0, y: 1, width: size.width, height: size.height - 1),
        theme: theme)
    }
    return theme.glyphs.isUnicode ? buffer : buffer.asciiFallback()
  }
}
