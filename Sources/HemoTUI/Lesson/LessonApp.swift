import HemoCore
import HemoLesson
import HemoTrain

/// The guided lesson in the terminal: the one event loop with the lesson's reducer. Keys and
/// clicks come from the terminal; the controller's changes arrive as `LessonChange`s, which the
/// app turns into `LessonUpdate` values for `reduce`; the images come from the `ImageService`;
/// the reducer's effects call the controller.
public enum LessonApp {
  /// What other threads post to the loop.
  public enum Message: Sendable {
    case change(LessonChange)
    case update(LessonUpdate)
  }

  /// Starts the terminal and runs the lesson; returns the exit status (0, or 128 + signal).
  public static func run(depth: ColourDepth? = nil, controller: LessonController) -> Int32 {
    let log = FrameLog()
    defer { log?.finish() }
    return run(on: Terminal(depth: depth), controller: controller, log: log)
  }

  /// Runs the lesson on `backend` (a real terminal, or `MemoryTerminal` in tests) until it quits.
  public static func run(on backend: some TerminalBackend, controller: LessonController) -> Int32 {
    run(on: backend, controller: controller, log: nil)
  }

  static func run(
    on backend: some TerminalBackend, controller: LessonController, log: FrameLog?
  ) -> Int32 {
    let inbox = EventInbox<Message>()
    let token = controller.observe { inbox.post(.change($0)) }
    let images = ImageService(controller: controller) { inbox.post(.update($0)) }
    defer {
      controller.stopObserving(token)
      images.stop()
      controller.stopAll()
    }
    var sentWork = ImageWork()
    let loop = EventLoop<LessonState, Message>(
      reduce: reduce, render: { render($0, size: $1, theme: $2) }, isFinished: \.wantsQuit,
      click: { reduce($0, click: $1) },
      receive: { state, messages in
        var next = state
        var seen: Set<LessonChange> = []
        for message in messages {
          switch message {
          case .change(let change):
            // Many batches may have ended since the last frame: read each thing once.
            guard seen.insert(change).inserted else { continue }
            for update in updates(for: change, controller) { next = reduce(next, update) }
          case .update(let update):
            next = reduce(next, update)
          }
        }
        return next
      },
      perform: { state in
        perform(&state, controller)
        let work = state.imageWork
        if work != sentWork {
          sentWork = work
          if !work.isEmpty { images.request(work) }
        }
      },
      drew: { end, seconds, key, state in
        log?.frame(end: end, draw: seconds, key: key, training: isRunning(state))
      })
    var initial = LessonState(steps: controller.steps, experiments: controller.catalog.experiments)
    for update in everything(controller) { initial = reduce(initial, update) }
    switch loop.run(on: backend, from: initial, inbox: inbox) {
    case .finished: return 0
    case .signalled(let signal): return 128 + signal
    }
  }

  private static func isRunning(_ state: LessonState) -> Bool {
    state.live.values.contains { $0.run?.state == .running }
  }

  /// The values a controller change stands for.
  static func updates(for change: LessonChange, _ controller: LessonController) -> [LessonUpdate] {
    switch change {
    case .data(let id), .training(let id):
      return experiment(id, controller).map { [$0] } ?? []
    case .finished(let id):
      return (experiment(id, controller).map { [$0] } ?? [])
        + [.history(controller.history.map(RecapRow.init))]
    case .lab:
      return [.lab(controller.generalization.status)]
    case .opening:
      return [.opening(controller.dataOpening)]
    }
  }

  /// Everything the controller knows, for the first frame.
  static func everything(_ controller: LessonController) -> [LessonUpdate] {
    controller.catalog.experiments.compactMap { experiment($0.id, controller) } + [
      .history(controller.history.map(RecapRow.init)),
      .lab(controller.generalization.status), .opening(controller.dataOpening),
    ]
  }

  private static func experiment(_ id: Int, _ controller: LessonController) -> LessonUpdate? {
    controller.slot(id).map { .experiment($0.experiment, LiveExperiment($0)) }
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
      case .openData(let path, let first): controller.openData(at: path, first: first)
      case .useBuiltInData: controller.useBuiltInData()
      case .completePath: completePath(&state)
      }
    }
  }

  /// Completes the path modal's text (it needs the file system).
  private static func completePath(_ state: inout LessonState) {
    guard case .path(var prompt) = state.overlay else { return }
    let result = PathCompletion.complete(prompt.text)
    if result.text == prompt.text && result.candidates.isEmpty {
      prompt.message = "Nothing here starts with that."
    }
    prompt.text = String(result.text.prefix(PathPrompt.maxLength))
    prompt.candidates = result.candidates
    state.overlay = .path(prompt)
  }

  static func pacing(_ state: LessonState, _ id: Int, watchable: Bool) -> Pacing {
    var copy = state
    if watchable { copy.watchable.insert(id) } else { copy.watchable.remove(id) }
    return copy.pacingDelay(id).map { .watchable(delay: $0) } ?? .fullSpeed
  }
}

/// Which images an experiment uses, when the learner opened their own (nil otherwise).
func dataLine(_ state: LessonState, _ id: Int, _ live: LiveExperiment) -> String? {
  guard let opening = state.opening, opening.isInUse else { return nil }
  if let reason = opening.skipped[id] {
    return "**Data:** built-in synthetic images; \(opening.name) does not suit this experiment: "
      + reason
  }
  guard opening.used.contains(id) else { return nil }
  return "**Data:** \(live.dataDescription) (o: other data)"
}
