import HemoCore
import HemoLesson
import HemoTrain

/// The guided lesson in the terminal: runs the loop of keys, ticks, the controller's live values
/// and drawing, and carries out the reducer's effects on the controller.
public enum LessonApp {
  /// Starts the terminal and runs the lesson; returns the exit status (0, 1 on a start-up error,
  /// or 128 + signal).
  public static func run(depth: ColourDepth? = nil, controller: LessonController) -> Int32 {
    let terminal = Terminal(depth: depth)
    defer { terminal.stop() }
    var state = LessonState(
      steps: controller.steps, experiments: controller.catalog.experiments)
    let log = FrameLog()
    defer { log?.finish() }
    let clock = ContinuousClock()
    let tick = Duration.milliseconds(100)
    var size = terminal.size
    sync(&state, controller)
    var frame = render(state, size: size, theme: terminal.theme)
    terminal.draw(frame)
    var nextTick = clock.now + tick
    while !state.wantsQuit {
      if let signal = terminal.pendingSignal {
        controller.stopAll()
        return 128 + signal
      }
      let wait = max(0, min(50, Int((nextTick - clock.now).seconds * 1000)))
      var previous = state
      var keyTime: ContinuousClock.Instant?
      if var key = terminal.readKey(timeoutMilliseconds: Int32(wait)) {
        keyTime = clock.now
        previous = state
        // Keys that are already waiting (typing, pasting a path) are taken before drawing.
        for _ in 0..<64 {
          if case .click(let x, let y) = key {
            state = frame.target(atX: x, y: y).map { reduce(state, click: $0) } ?? state
          } else {
            state = reduce(state, key == .resize ? .resize(terminal.size) : .key(key))
          }
          perform(&state, controller)
          guard !state.wantsQuit, let waiting = terminal.readKey(timeoutMilliseconds: 0) else {
            break
          }
          key = waiting
        }
      }
      if clock.now >= nextTick {
        nextTick = clock.now + tick
        state = reduce(state, .tick)
        sync(&state, controller)
      }
      let current = terminal.size
      let resized = current != size
      size = current
      if (resized || state != previous) && !state.wantsQuit {
        let begin = clock.now
        frame = render(state, size: size, theme: terminal.theme)
        terminal.draw(frame)
        let end = clock.now
        log?.frame(end: end, draw: (end - begin).seconds, key: keyTime, training: isRunning(state))
      }
    }
    controller.stopAll()
    return 0
  }

  private static func isRunning(_ state: LessonState) -> Bool {
    state.live.values.contains { $0.run?.state == .running }
  }

  /// Copies the controller's values into the state and makes missing images (bounded time).
  static func sync(_ state: inout LessonState, _ controller: LessonController) {
    syncData(&state, controller)
    var ids: [Int] = []
    if let current = state.currentExperiment?.id { ids.append(current) }
    ids += state.live.keys.filter { id in
      state.live[id]?.run?.isActive == true || state.live[id]?.preparing != nil
    }
    for id in Set(ids) {
      if let slot = controller.slot(id) { state.live[id] = LiveExperiment(slot) }
    }
    if state.currentStep?.kind == .generalize || state.history.isEmpty {
      let history = controller.history.map(RecapRow.init)
      if history != state.history { state.history = history }
    }
    if state.currentStep?.kind == .generalize || state.generalize.lab.isRunning {
      let lab = controller.generalization.status
      if lab != state.generalize.lab { state.generalize.lab = lab }
    }
    _ = LessonImages.fill(&state, controller: controller, budget: 0.03)
    LessonImages.updatePreview(&state, controller: controller)
    LessonImages.updateFilePreview(&state, controller: controller)
    LessonImages.updateHeatmap(&state, controller: controller)
  }

  /// Carries out and clears the reducer's effects.
  static func perform(_ state: inout LessonState, _ controller: LessonController) {
    let effects = state.effects
    state.effects = []
    for effect in effects {
      switch effect {
      case .prepare(let id): controller.prepare(id)
      case .train(let id, let watchable):
        controller.train(id, pacing: pacing(state, id, watchable: watchable))
      case .pause(let id): controller.pause(id)
      case .resume(let id): controller.resume(id)
      case .stepBatch(let id): controller.stepBatch(id)
      case .stepEpoch(let id): controller.stepEpoch(id)
      case .stop(let id): controller.stop(id)
      case .setWatchable(let id, let watchable):
        controller.setPacing(pacing(state, id, watchable: watchable), for: id)
      case .setOverrides(let id, let overrides): controller.setOverrides(overrides, for: id)
      case .stopAll: controller.stopAll()
      case .generalize(let task):
        if !controller.generalization.start(task, controller: controller) {
          state.say("Already computing: x stops it.")
        }
      case .cancelGeneralization: controller.generalization.cancel()
      case .openData, .useBuiltInData, .completePath: performData(effect, &state, controller)
      }
    }
    if !effects.isEmpty { sync(&state, controller) }
  }

  static func pacing(_ state: LessonState, _ id: Int, watchable: Bool) -> Pacing {
    var copy = state
    if watchable { copy.watchable.insert(id) } else { copy.watchable.remove(id) }
    return copy.pacingDelay(id).map { .watchable(delay: $0) } ?? .fullSpeed
  }

}
