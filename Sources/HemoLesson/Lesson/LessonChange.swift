/// What changed in the lesson outside the screen; observers of `LessonController` receive these
/// on the thread that made the change.
public enum LessonChange: Sendable, Hashable {
  /// Experiment `id`'s images: generating, ready, or replaced.
  case data(Int)
  /// Experiment `id`'s run: a batch, a pause, a step, a stop.
  case training(Int)
  /// Experiment `id`'s run finished and its result is recorded.
  case finished(Int)
  /// Step 8's lab: progress or a result.
  case lab
  /// The learner's own data being opened: progress or its outcome.
  case opening
}
