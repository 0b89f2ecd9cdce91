import HemoCore
import HemoLesson

/// What the world outside the screen tells the lesson's state, as values: the app turns each
/// `LessonChange` of the controller (and each result of the image service) into one of these,
/// and `reduce(_:_:)` takes it in. The state never reads the controller.
public enum LessonUpdate: Sendable, Equatable {
  /// Experiment `id`'s definition (its classes follow the data in use) and live values.
  case experiment(ExperimentDefinition, LiveExperiment)
  /// Every finished run, for step 8's table.
  case history([RecapRow])
  /// Step 8's lab status.
  case lab(GeneralizationStatus)
  /// The learner's own data: being opened, in use, or the last attempt's error.
  case opening(DataOpening?)
  /// Thumbnails and full samples the image service made.
  case images(thumbnails: [ImageKey: RGBImage], samples: [ImageKey: Sample])
  /// A gallery image classified by an experiment's model.
  case preview(ImageStore.Preview)
  /// A file classified by an experiment's model.
  case filePreview(FilePreview)
}

/// Takes one update from outside the screen into the state.
public func reduce(_ state: LessonState, _ update: LessonUpdate) -> LessonState {
  var next = state
  switch update {
  case .experiment(let experiment, let live):
    let id = experiment.id
    if let index = next.experiments.firstIndex(where: { $0.id == id }) {
      next.experiments[index] = experiment
    }
    if let before = next.live[id], !before.dataDescription.isEmpty,
      before.dataDescription != live.dataDescription
    {
      // Other images: what the screen kept of the old ones goes.
      next.images.forget(experiment: id)
      if next.inspect?.experiment == id { next.inspect = nil }
    }
    next.live[id] = live
  case .history(let rows):
    next.history = rows
  case .lab(let status):
    next.generalize.lab = status
  case .opening(let opening):
    next.receiveOpening(opening)
  case .images(let thumbnails, let samples):
    next.images.thumbnails.merge(thumbnails) { $1 }
    next.images.samples.merge(samples) { $1 }
    for key in next.unneededSamples { next.images.samples[key] = nil }
  case .preview(let preview):
    next.images.preview = preview
  case .filePreview(let preview):
    next.images.filePreview = preview
  }
  return next
}

extension LessonState {
  /// The opening's progress and outcome, with a notice when it finishes.
  mutating func receiveOpening(_ opening: DataOpening?) {
    guard opening != self.opening else { return }
    let before = self.opening
    self.opening = opening
    guard let opening, opening.isFinished,
      before?.isFinished != true || before?.path != opening.path
        || before?.error != opening.error
    else { return }
    if let error = opening.error {
      say("Cannot open " + error)
      noticeUntil = ticks + 100
    } else {
      let skipped = opening.skipped.keys.sorted().map(String.init).joined(separator: ", ")
      say(
        "Opened \(opening.name): experiments now train on it"
          + (skipped.isEmpty ? "." : " (not \(skipped): see their step)."))
      noticeUntil = ticks + 60
    }
  }
}

extension ImageStore {
  /// Forgets everything made from experiment `id`'s images.
  mutating func forget(experiment id: Int) {
    func stale(_ key: ImageKey) -> Bool {
      if case .experiment(let owner, _) = key { return owner == id }
      return false
    }
    for key in thumbnails.keys where stale(key) { thumbnails[key] = nil }
    for key in samples.keys where stale(key) { samples[key] = nil }
    if preview?.experiment == id { preview = nil }
    if filePreview?.experiment == id { filePreview = nil }
  }
}
