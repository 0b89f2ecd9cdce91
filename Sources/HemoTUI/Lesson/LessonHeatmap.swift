import HemoCore
import HemoLesson
import HemoTrain

/// The class after `current` (by `delta`, wrapping) for the heatmap's ←/→.
func stepHeatmapClass(_ current: Int, by delta: Int, classes: Int) -> Int {
  guard classes > 0 else { return 0 }
  return ((current + delta) % classes + classes) % classes
}

extension LessonState {
  /// The heatmap the inspect view would show now, if it shows one: the large test image's (for
  /// the predicted or the picked class) or the preview file's (for its predicted class).
  var wantedHeatmap: HeatmapKey? {
    guard let inspect, inspect.showsHeatmap, let run = live[inspect.experiment]?.run else {
      return nil
    }
    let weights = [run.epochs.count, run.epoch, run.batch]
    switch inspect.pane {
    case .cell where inspect.focus == .image:
      guard let item = cellImages(run, inspect.cursor)[safe: inspect.listSelection] else {
        return nil
      }
      return HeatmapKey(
        experiment: inspect.experiment, image: item.index,
        classIndex: inspect.heatmapClass ?? item.predicted, weights: weights)
    case .preview:
      guard let path = inspect.previewFile, let preview = images.filePreview,
        preview.path == path, preview.experiment == inspect.experiment,
        preview.error == nil, !preview.probabilities.isEmpty
      else { return nil }
      let best = preview.probabilities.indices.max {
        preview.probabilities[$0] < preview.probabilities[$1]
      }
      return HeatmapKey(
        experiment: inspect.experiment, image: nil, file: path, classIndex: best ?? 0,
        weights: preview.weights)
    default: return nil
    }
  }
}

extension LessonImages {
  /// Asks `worker` for the heatmap the view wants, unless it is there or coming (never waits).
  static func requestHeatmap(
    _ state: LessonState, controller: LessonController, worker: SaliencyWorker
  ) {
    guard let key = state.wantedHeatmap, state.images.heatmaps[key] == nil,
      !worker.isPending(key), let slot = controller.slot(key.experiment), let data = slot.data,
      let model = slot.snapshot?.model
    else { return }
    let input: [Float]
    if let index = key.image {
      let stride = data.dataset.shape.count
      guard index < data.dataset.count else { return }
      input = Array(data.dataset.images[(index * stride)..<((index + 1) * stride)])
    } else {
      guard let pixels = state.images.filePreview?.pixels else { return }
      input = data.preprocessing.input(pixels)
    }
    guard input.count == model.input.count else { return }
    worker.request(key, model: model, input: input)
  }
}

extension ImageStore {
  /// Keeps `map`; past 16 maps, only the one the view wants stays besides it.
  mutating func storeHeatmap(_ map: SaliencyMap, for key: HeatmapKey, wanted: HeatmapKey?) {
    if heatmaps.count >= 16 { heatmaps = heatmaps.filter { $0.key == wanted } }
    heatmaps[key] = map
  }
}

/// Image, legend (two rows, only with a heatmap) and probability bars; without a legend the
/// image and the bars keep their one-row gap, as before the heatmap existed.
func heatmapLayout(_ rect: Rect, legend: Bool, bars: Int) -> [Rect] {
  guard legend else {
    let parts = Layout.rows(rect, [.flex(1), .fixed(bars)], gap: 1)
    return [
      parts[0], Rect(x: parts[1].x, y: parts[1].y, width: parts[1].width, height: 0), parts[1],
    ]
  }
  return Layout.rows(rect, [.flex(1), .fixed(2), .fixed(bars)], gap: 0)
}

/// The heatmap's caption and legend under the viewer: method, class, keys, colours.
func drawHeatmapLegend(
  _ key: HeatmapKey?, map: SaliencyMap?, names: [String], hasMask: Bool, picked: Bool,
  in canvas: inout Canvas, rect: Rect, theme: Theme
) {
  guard rect.height > 0 else { return }
  guard let key else { return }
  let name = names[safe: key.classIndex] ?? "?"
  let about =
    map == nil
    ? "computing the \(key.method.title) map…"
    : "\(key.method.title) for \(name)" + (picked ? "" : " (predicted)")
      + (key.image != nil ? " \(theme.glyphs.separator) ←/→ class" : "")
  canvas.put(
    about, x: rect.x, y: rect.y, width: rect.width, ellipsis: theme.glyphs.ellipsis,
    style: theme.style(.muted))
  guard map != nil, rect.height > 1 else { return }
  var x = rect.x
  for (text, style) in HeatmapThumbnail.legend(theme: theme, hasMask: hasMask) {
    guard x + text.count <= rect.maxX else { break }
    x = canvas.put(text, x: x, y: rect.y + 1, style: style)
  }
}

extension LiveExperiment {
  /// The run's reading, followed (once measured) by where the model looked.
  static func readingWithSaliency(_ result: ExperimentResult) -> String {
    guard let saliency = result.saliency else { return result.reading }
    return result.reading + "\n\n**Right for the right reasons?** " + saliency.reading
  }
}

/// Step 8's paragraph on "right for the right reasons", from the latest measured run (empty
/// before experiment 3 or 5 has been measured).
func rightReasonsParagraph(_ history: [RecapRow]) -> String {
  guard let row = history.last(where: { $0.saliencyReading != nil }),
    let reading = row.saliencyReading
  else {
    return "\n\n**Right for the right reasons?** Train experiment 3 or 5: HemoLab then measures "
      + "where the model looked, against the blood it knows is there (inspect, g: the heatmap)."
  }
  return "\n\n**Right for the right reasons?** Experiment \(row.experiment), seed \(row.seed): "
    + reading
}
