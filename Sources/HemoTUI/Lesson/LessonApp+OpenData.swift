import HemoCore
import HemoLesson

extension LessonApp {
  /// Carries out the effects of the path modal and of opening data.
  static func performData(
    _ effect: LessonEffect, _ state: inout LessonState, _ controller: LessonController
  ) {
    switch effect {
    case .openData(let path, let first): controller.openData(at: path, first: first)
    case .useBuiltInData: controller.useBuiltInData()
    case .completePath:
      guard case .path(var prompt) = state.overlay else { return }
      let result = PathCompletion.complete(prompt.text)
      if result.text == prompt.text && result.candidates.isEmpty {
        prompt.message = "Nothing here starts with that."
      }
      prompt.text = String(result.text.prefix(PathPrompt.maxLength))
      prompt.candidates = result.candidates
      state.overlay = .path(prompt)
    default: break
    }
  }

  /// Copies the opening's progress and outcome into the state, the experiments' definitions
  /// (their classes follow the data in use), and forgets images of data that changed.
  static func syncData(_ state: inout LessonState, _ controller: LessonController) {
    let opening = controller.dataOpening
    if opening != state.opening {
      let before = state.opening
      state.opening = opening
      if let opening, opening.isFinished,
        before?.isFinished != true || before?.path != opening.path
          || before?.error != opening.error
      {
        if let error = opening.error {
          state.say("Cannot open " + error)
          state.noticeUntil = state.ticks + 100
        } else {
          let skipped = opening.skipped.keys.sorted().map(String.init).joined(separator: ", ")
          state.say(
            "Opened \(opening.name): experiments now train on it"
              + (skipped.isEmpty ? "." : " (not \(skipped): see their step)."))
          state.noticeUntil = state.ticks + 60
        }
      }
    }
    for (index, experiment) in state.experiments.enumerated() {
      guard let slot = controller.slot(experiment.id) else { continue }
      if slot.experiment != experiment { state.experiments[index] = slot.experiment }
      if let live = state.live[experiment.id], live.dataDescription != slot.dataDescription,
        !live.dataDescription.isEmpty
      {
        forgetImages(of: experiment.id, in: &state.images)
        if state.inspect?.experiment == experiment.id { state.inspect = nil }
        state.live[experiment.id] = LiveExperiment(slot)
      }
    }
  }

  private static func forgetImages(of id: Int, in images: inout ImageStore) {
    func stale(_ key: ImageKey) -> Bool {
      if case .experiment(let owner, _) = key { return owner == id }
      return false
    }
    for key in images.thumbnails.keys where stale(key) { images.thumbnails[key] = nil }
    for key in images.samples.keys where stale(key) { images.samples[key] = nil }
    if images.preview?.experiment == id { images.preview = nil }
    if images.filePreview?.experiment == id { images.filePreview = nil }
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
