import HemoLesson
import HemoTrain

/// The lesson's pure state transition. Keys move through the lesson, drive the training panel
/// (as `effects` the app carries out), open inspect, settings and help; ticks age notices.
public func reduce(_ state: LessonState, _ event: Event) -> LessonState {
  var next = state
  switch event {
  case .tick:
    next.ticks &+= 1
    if next.notice != nil && next.ticks >= next.noticeUntil { next.notice = nil }
    if next.currentStep?.kind == .descent {
      next.playground = PlaygroundScreen.reduce(next.playground, event)
    }
  case .resize:
    break
  case .key(let key):
    if let overlay = state.overlay {
      reduceOverlay(&next, overlay, key)
    } else if state.currentStep?.kind == .descent,
      PlaygroundScreen.handles(event, state: state.playground)
    {
      next.playground = PlaygroundScreen.reduce(state.playground, event)
    } else if next.inspect != nil {
      reduceInspect(&next, key)
    } else {
      reduceStep(&next, key)
    }
  }
  return next
}

extension LessonState {
  /// Shows `text` in the footer for about four seconds.
  mutating func say(_ text: String) {
    notice = text
    noticeUntil = ticks + 40
  }

  mutating func go(to index: Int) {
    let target = min(max(0, index), steps.count - 1)
    guard target != step else { return }
    step = target
    textScroll = 0
    inspect = nil
    if case .experiment(let id) = steps[target].kind { effects.append(.prepare(id)) }
  }

  mutating func askQuit() {
    if isTraining {
      overlay = .quitConfirm
    } else {
      effects.append(.stopAll)
      wantsQuit = true
    }
  }
}

private func reduceOverlay(_ state: inout LessonState, _ overlay: Overlay, _ key: Key) {
  switch overlay {
  case .help(let scroll):
    switch key {
    case .escape, .character("?"), .enter: state.overlay = nil
    case .character("q"): state.overlay = nil
    case .down, .character("j"), .wheel(up: false): state.overlay = .help(scroll: scroll + 1)
    case .up, .character("k"), .wheel(up: true): state.overlay = .help(scroll: max(0, scroll - 1))
    case .pageDown: state.overlay = .help(scroll: scroll + 10)
    case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
    default: break
    }
  case .quitConfirm:
    switch key {
    case .character("y"), .character("Y"), .character("q"), .enter:
      state.effects.append(.stopAll)
      state.wantsQuit = true
    case .character("n"), .character("N"), .escape: state.overlay = nil
    default: break
    }
  case .settings(var form):
    switch key {
    case .up, .character("k"): form.row = max(0, form.row - 1)
    case .down, .character("j"), .tab: form.row = min(SettingsForm.rowNames.count - 1, form.row + 1)
    case .left, .character("-"): form.change(-1)
    case .right, .character("+"), .character("="), .space: form.change(1)
    case .escape:
      state.overlay = nil
      return
    case .enter, .character("s"):
      state.overlay = nil
      var overrides = state.live[form.experiment]?.overrides ?? TrainingOverrides()
      overrides.epochs = form.epochs
      overrides.batchSize = form.batchSize
      overrides.learningRate = form.learningRate
      overrides.seed = form.seed
      overrides.classWeighting = form.classWeighting
      overrides.backbone = form.backbone
      state.effects.append(.setOverrides(form.experiment, overrides))
      state.say("Settings saved: the next run uses them.")
      return
    case .character("q"):
      state.overlay = nil
      return
    default: break
    }
    state.overlay = .settings(form)
  case .path(let prompt):
    reducePathPrompt(&state, prompt, key)
  }
}

private func reduceStep(_ state: inout LessonState, _ key: Key) {
  if state.currentStep?.kind == .generalize, reduceGeneralize(&state, key) { return }
  switch key {
  case .character("q"), .character("Q"):
    state.askQuit()
    return
  case .character("?"):
    state.overlay = .help(scroll: 0)
    return
  case .right, .character("n"):
    state.go(to: state.step + 1)
    return
  case .left, .character("p"):
    state.go(to: state.step - 1)
    return
  case .home:
    state.go(to: 0)
    return
  case .end:
    state.go(to: state.steps.count - 1)
    return
  case .character(let c) where c.isNumber:
    if let n = c.wholeNumberValue, (1...state.steps.count).contains(n) { state.go(to: n - 1) }
    return
  case .pageDown, .wheel(up: false):
    state.textScroll += key == .pageDown ? 5 : 1
    return
  case .pageUp, .wheel(up: true):
    state.textScroll = max(0, state.textScroll - (key == .pageUp ? 5 : 1))
    return
  case .character("o"):
    if state.isTraining {
      state.say("Training is running: stop it (x) before opening other images.")
    } else {
      state.askPath(.openData)
    }
    return
  default: break
  }
  switch state.currentStep?.kind {
  case .data: reduceGallery(&state, key)
  case .experiment(let id): reduceExperiment(&state, id, key)
  case .generalize
  where [.character("["), .character("]"), .character(","), .character(".")]
    .contains(key):
    state.moveCut(by: key == .character("]") || key == .character(".") ? 1 : -1)
  default:
    switch key {
    case .down, .character("j"): state.textScroll += 1
    case .up, .character("k"): state.textScroll = max(0, state.textScroll - 1)
    default: break
    }
  }
}

private func reduceGallery(_ state: inout LessonState, _ key: Key) {
  var gallery = state.gallery
  switch key {
  case .down, .character("j"):
    gallery.selection = min(GalleryState.count - 1, gallery.selection + 1)
  case .up, .character("k"): gallery.selection = max(0, gallery.selection - 1)
  case .tab:
    gallery.selection = min(
      GalleryState.count - 1,
      (gallery.selection / GalleryState.perClass + 1) * GalleryState.perClass)
  case .backTab:
    gallery.selection = max(
      0, (gallery.selection / GalleryState.perClass - 1) * GalleryState.perClass)
  case .character("w"): gallery.windowIndex = (gallery.windowIndex + 1) % 4
  case .character("W"): gallery.windowIndex = (gallery.windowIndex + 3) % 4
  case .character("c"): gallery.colourCoding.toggle()
  case .character("m"): gallery.showsMask.toggle()
  default: break
  }
  state.gallery = gallery
}

private func reduceExperiment(_ state: inout LessonState, _ id: Int, _ key: Key) {
  let live = state.live[id]
  let run = live?.run
  switch key {
  case .enter, .character("t"):
    if run?.isActive == true {
      state.say("Already training: Space pauses, x stops.")
    } else {
      state.effects.append(.train(id, watchable: state.watchable.contains(id)))
      state.chartShowsAccuracy = false
    }
  case .space:
    switch run?.state {
    case .running: state.effects.append(.pause(id))
    case .paused: state.effects.append(.resume(id))
    default: state.say("Nothing is training: press Enter or t to train.")
    }
  case .character("."):
    if run?.state == .paused {
      state.effects.append(.stepBatch(id))
    } else {
      state.say(
        run?.state == .running
          ? "Pause first (Space), then . trains one batch." : "Train first (Enter).")
    }
  case .character("e"):
    if run?.state == .paused {
      state.effects.append(.stepEpoch(id))
    } else {
      state.say(
        run?.state == .running
          ? "Pause first (Space), then e trains one epoch." : "Train first (Enter).")
    }
  case .character("x"):
    if run?.isActive == true {
      state.effects.append(.stop(id))
    } else {
      state.say("Nothing to stop.")
    }
  case .character("i"):
    if run?.isInspectable == true {
      let colour = state.experiments.first { $0.id == id }?.preprocessing.colourCoding != nil
      state.inspect = InspectState(experiment: id, colourCoding: colour)
    } else {
      state.say(
        run?.state == .running
          ? "Pause first (Space) to inspect." : "Train first: inspect needs a confusion matrix.")
    }
  case .character("s"):
    if run?.isActive == true {
      state.say("Settings apply to the next run: stop this one first (x).")
    } else if let config = live?.config {
      state.overlay = .settings(
        SettingsForm(
          experiment: id, epochs: config.epochs, batchSize: config.batchSize,
          learningRate: config.learningRate, seed: config.seed,
          classWeighting: config.classWeighting, backbone: config.backboneMode))
    }
  case .character("a"): state.chartShowsAccuracy.toggle()
  case .character("f"):
    let slow = !state.watchable.contains(id)
    if slow { state.watchable.insert(id) } else { state.watchable.remove(id) }
    state.effects.append(.setWatchable(id, slow))
    state.say(slow ? "Watchable speed: a short pause after each batch." : "Full speed.")
  case .down, .character("j"): state.textScroll += 1
  case .up, .character("k"): state.textScroll = max(0, state.textScroll - 1)
  default: break
  }
}
