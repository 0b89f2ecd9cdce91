import HemoCore
import HemoLesson

extension LessonState {
  /// The images the screen would show now and does not have yet, most visible first: the
  /// gallery (step 2 and the preview), the cards' strips, the inspected cell's list, and the
  /// sample under the large viewer. `sample` asks for the full-resolution sample too.
  public var wantedImages: [(key: ImageKey, sample: Bool)] {
    imageDemand.filter { key, sample in
      images.thumbnails[key] == nil || (sample && images.samples[key] == nil)
    }
  }

  /// Every image the screen shows now, present or not, most visible first.
  var imageDemand: [(key: ImageKey, sample: Bool)] {
    var wanted: [(key: ImageKey, sample: Bool)] = []
    func want(_ key: ImageKey, sample: Bool = false) { wanted.append((key, sample)) }
    switch currentStep?.kind {
    case .data:
      want(.gallery(gallery.selection), sample: true)
      for i in 0..<GalleryState.count { want(.gallery(i), sample: true) }
    case .experiment(let id):
      if let inspect, inspect.experiment == id {
        let cell = cellImages(live[id]?.run, inspect.cursor)
        if inspect.focus == .image, let item = cell[safe: inspect.listSelection] {
          want(.experiment(id, index: item.index), sample: true)
        }
        let from = max(0, inspect.listSelection - 12)
        for item in cell.dropFirst(from).prefix(30) { want(.experiment(id, index: item.index)) }
        if inspect.pane == .preview, inspect.previewFile == nil {
          want(.gallery(inspect.previewIndex), sample: true)
        }
      }
      for strip in live[id]?.classSamples ?? [] {
        for index in strip { want(.experiment(id, index: index)) }
      }
    default: break
    }
    return wanted
  }

  /// Samples the current view no longer needs (experiment samples are big; gallery ones stay).
  var unneededSamples: [ImageKey] {
    var keep: Set<ImageKey> = []
    if let inspect, inspect.focus == .image,
      let item = cellImages(live[inspect.experiment]?.run, inspect.cursor)[
        safe: inspect.listSelection]
    {
      keep.insert(.experiment(inspect.experiment, index: item.index))
    }
    return images.samples.keys.filter { key in
      if case .experiment = key { return !keep.contains(key) }
      return false
    }
  }
}

/// Makes the screen's images from the generator and the experiments' data.
enum LessonImages {
  /// The gallery sample `index` (with its class as label).
  static func gallerySample(_ index: Int) -> Sample {
    GalleryState.slice(index).sample(label: index / GalleryState.perClass)
  }

  /// A small display thumbnail of `sample` under `preprocessing`.
  static func thumbnail(_ sample: Sample, preprocessing: Preprocessing) -> RGBImage {
    let display = preprocessing.display(sample.pixels)
    let side = ImageStore.thumbnailSide
    var image = RGBImage(width: side, height: side)
    image.pixels = Thumbnail.downsample(display, width: side, height: side)
    return image
  }

  /// Fills `store` with wanted images until `budget` seconds have passed; returns whether
  /// anything was added.
  static func fill(
    _ state: inout LessonState, controller: LessonController, budget: Double
  ) -> Bool {
    let clock = ContinuousClock()
    let start = clock.now
    var added = false
    for key in state.unneededSamples { state.images.samples[key] = nil }
    state.images.pruneThumbnails(keeping: Set(state.imageDemand.map(\.key)))
    for (key, wantsSample) in state.wantedImages {
      if clock.now - start > .milliseconds(Int(budget * 1000)) { break }
      switch key {
      case .gallery(let index):
        let sample = state.images.samples[key] ?? gallerySample(index)
        if wantsSample { state.images.samples[key] = sample }
        if state.images.thumbnails[key] == nil {
          state.images.thumbnails[key] = thumbnail(sample, preprocessing: Preprocessing())
        }
        added = true
      case .experiment(let id, let index):
        guard let data = controller.slot(id)?.data, index < data.origins.count else { continue }
        let sample = state.images.samples[key] ?? data.sample(index)
        if wantsSample { state.images.samples[key] = sample }
        if state.images.thumbnails[key] == nil {
          state.images.thumbnails[key] = thumbnail(sample, preprocessing: data.preprocessing)
        }
        added = true
      }
    }
    return added
  }

  /// Classifies the preview's gallery image with the inspected experiment's latest weights,
  /// when the preview pane shows and the stored result is for other weights or another image.
  static func updatePreview(_ state: inout LessonState, controller: LessonController) {
    guard let inspect = state.inspect, inspect.pane == .preview,
      let run = state.live[inspect.experiment]?.run
    else { return }
    let weights = [run.epochs.count, run.epoch, run.batch]
    if let preview = state.images.preview, preview.experiment == inspect.experiment,
      preview.galleryIndex == inspect.previewIndex, preview.weights == weights
    {
      return
    }
    guard let slot = controller.slot(inspect.experiment), let data = slot.data,
      let model = slot.snapshot?.model,
      let sample = state.images.samples[.gallery(inspect.previewIndex)]
    else { return }
    let input = data.preprocessing.input(sample.pixels)
    guard input.count == model.input.count else { return }
    let probabilities = model.predict(input, count: 1).first ?? []
    state.images.preview = ImageStore.Preview(
      experiment: inspect.experiment, galleryIndex: inspect.previewIndex, weights: weights,
      probabilities: probabilities)
  }
}
