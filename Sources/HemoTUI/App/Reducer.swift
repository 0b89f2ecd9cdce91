/// The shell's pure state transition: navigation (←/→, n/p), help (`?`, Esc), quit (q).
public func reduce(_ state: AppState, _ event: Event) -> AppState {
  var next = state
  switch event {
  case .tick:
    next.ticks &+= 1
  case .resize:
    break
  case .key(let key):
    if key == .character("q") || key == .character("Q") {
      next.wantsQuit = true
      return next
    }
    if state.showsHelp {
      switch key {
      case .escape, .character("?"), .enter: next.showsHelp = false
      case .down, .character("j"): next.helpScroll += 1
      case .up, .character("k"): next.helpScroll = max(0, state.helpScroll - 1)
      case .wheel(let up): next.helpScroll = max(0, state.helpScroll + (up ? -1 : 1))
      default: break
      }
      return next
    }
    switch key {
    case .right, .character("n"):
      next.step = min(AppState.stepTitles.count - 1, state.step + 1)
    case .left, .character("p"):
      next.step = max(0, state.step - 1)
    case .home: next.step = 0
    case .end: next.step = AppState.stepTitles.count - 1
    case .character(let c) where c.isNumber:
      if let n = c.wholeNumberValue, (1...AppState.stepTitles.count).contains(n) {
        next.step = n - 1
      }
    case .character("?"):
      next.showsHelp = true
      next.helpScroll = 0
    default: break
    }
  }
  return next
}
