import HemoCore
import HemoLesson

extension LessonState {
  /// The images the screen would show now and does not have yet, most visible first: the
  /// gallery (step 2 and the preview), the cards' strips, the inspected cell's list, and the
  /// sample under the large viewer. `sample` asks for the full-resolution sample too.
  public var wantedImages: [(key: ImageKey, sample: Bool)] {
    var wanted: [(key: ImageKey, sample: Bool)] = []
    func want(_ key: ImageKey, sample: Bool = false) {
      if images.thumbnails[key] == nil || (sample && images.samples[key] == nil) {
        wanted.append((key, sample))
      }
    }
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
}
