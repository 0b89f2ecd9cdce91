import Foundation
import HemoCore
import HemoLesson
import Synchronization

/// Makes the lesson's thumbnails, full samples and previews on its own thread, so the screen
/// never waits for the generator or the model: it receives the latest `ImageWork` and posts
/// what it made as `LessonUpdate`s, a few images at a time (newer work replaces older).
final class ImageService: Sendable {
  private let controller: LessonController
  private let post: @Sendable (LessonUpdate) -> Void
  private let pending = Mutex<(work: ImageWork?, stopped: Bool)>((nil, false))
  private let wake = DispatchSemaphore(value: 0)

  init(controller: LessonController, post: @escaping @Sendable (LessonUpdate) -> Void) {
    self.controller = controller
    self.post = post
    let thread = Thread { [self] in serve() }
    thread.name = "HemoLab images"
    thread.start()
  }

  /// Replaces the work still to do with `work`.
  func request(_ work: ImageWork) {
    pending.withLock { $0.work = work }
    wake.signal()
  }

  /// Ends the thread.
  func stop() {
    pending.withLock { $0.stopped = true }
    wake.signal()
  }

  private func serve() {
    while true {
      wake.wait()
      while let work = take() {
        make(work)
      }
      if pending.withLock({ $0.stopped }) { return }
    }
  }

  private func take() -> ImageWork? {
    pending.withLock { pending in
      defer { pending.work = nil }
      return pending.stopped ? nil : pending.work
    }
  }

  private var hasNewWork: Bool { pending.withLock { $0.work != nil || $0.stopped } }

  private func make(_ work: ImageWork) {
    var thumbnails: [ImageKey: RGBImage] = [:]
    var samples: [ImageKey: Sample] = [:]
    func flush() {
      guard !thumbnails.isEmpty || !samples.isEmpty else { return }
      post(.images(thumbnails: thumbnails, samples: samples))
      thumbnails = [:]
      samples = [:]
    }
    for (n, wanted) in work.wanted.enumerated() {
      if n > 0 && n % 6 == 0 {
        flush()
        if hasNewWork { return }
      }
      guard let (sample, preprocessing) = sample(wanted.key) else { continue }
      thumbnails[wanted.key] = LessonImages.thumbnail(sample, preprocessing: preprocessing)
      if wanted.sample { samples[wanted.key] = sample }
    }
    flush()
    if let request = work.preview, let preview = classify(request) { post(.preview(preview)) }
    if let request = work.file, let preview = classify(request) { post(.filePreview(preview)) }
  }

  /// The full sample behind `key` and the preprocessing its thumbnail uses.
  private func sample(_ key: ImageKey) -> (Sample, Preprocessing)? {
    switch key {
    case .gallery(let index):
      return (LessonImages.gallerySample(index), Preprocessing())
    case .experiment(let id, let index):
      guard let data = controller.slot(id)?.data, index < data.origins.count else { return nil }
      return (data.sample(index), data.preprocessing)
    }
  }

  private func classify(_ request: ImageWork.PreviewRequest) -> ImageStore.Preview? {
    guard let slot = controller.slot(request.experiment), let data = slot.data,
      let model = slot.snapshot?.model
    else { return nil }
    let sample = LessonImages.gallerySample(request.galleryIndex)
    let input = data.preprocessing.input(sample.pixels)
    guard input.count == model.input.count else { return nil }
    return ImageStore.Preview(
      experiment: request.experiment, galleryIndex: request.galleryIndex,
      weights: request.weights, probabilities: model.predict(input, count: 1).first ?? [])
  }

  private func classify(_ request: ImageWork.FileRequest) -> FilePreview? {
    guard let slot = controller.slot(request.experiment), let data = slot.data,
      let model = slot.snapshot?.model
    else { return nil }
    return FilePreview.classify(
      request.path, known: request.known, experiment: request.experiment,
      weights: request.weights, preprocessing: data.preprocessing, model: model)
  }
}
