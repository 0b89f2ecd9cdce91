import HemoCore
import HemoLesson

/// What the screen wants made now: images it lacks (most visible first) and the previews to
/// classify. A pure function of the state; the app hands it to the `ImageService`.
struct ImageWork: Sendable, Equatable {
  /// One image: its thumbnail, and the full-resolution sample when `sample`.
  struct Wanted: Sendable, Equatable {
    var key: ImageKey
    var sample: Bool
  }

  /// A gallery image to classify with an experiment's weights (identified by `weights`).
  struct PreviewRequest: Sendable, Equatable {
    var experiment: Int
    var galleryIndex: Int
    var weights: [Int]
  }

  /// A file to classify with an experiment's weights; `known` is its decoded image when the
  /// same file was read before.
  struct FileRequest: Sendable, Equatable {
    var experiment: Int
    var path: String
    var weights: [Int]
    var known: SamplePixels?
  }

  var wanted: [Wanted] = []
  var preview: PreviewRequest?
  var file: FileRequest?

  var isEmpty: Bool { wanted.isEmpty && preview == nil && file == nil }
}

extension LessonState {
  /// The images and previews the screen would show now and does not have.
  var imageWork: ImageWork {
    var work = ImageWork()
    work.wanted = wantedImages.map { ImageWork.Wanted(key: $0.key, sample: $0.sample) }
    guard let inspect, inspect.pane == .preview, let run = live[inspect.experiment]?.run
    else { return work }
    let weights = [run.epochs.count, run.epoch, run.batch]
    if let path = inspect.previewFile {
      let stored = images.filePreview
      let sameFile = stored?.experiment == inspect.experiment && stored?.path == path
      if !(sameFile && (stored?.weights == weights || stored?.error != nil)) {
        work.file = ImageWork.FileRequest(
          experiment: inspect.experiment, path: path, weights: weights,
          known: sameFile ? stored?.pixels : nil)
      }
    } else if let stored = images.preview, stored.experiment == inspect.experiment,
      stored.galleryIndex == inspect.previewIndex, stored.weights == weights
    {
      // Up to date.
    } else {
      work.preview = ImageWork.PreviewRequest(
        experiment: inspect.experiment, galleryIndex: inspect.previewIndex, weights: weights)
    }
    return work
  }
}
