import Foundation

/// Inspect's preview of a file the learner picked: the image as the model sees it and the class
/// probabilities as bars, or the one-line reason it could not be read.
func drawFilePreview(
  _ state: LessonState, _ inspect: InspectState, path: String, names: [String],
  in canvas: inout Canvas, rect: Rect, theme: Theme
) {
  let name = (path as NSString).lastPathComponent
  canvas.put(
    "File \(name) (o: another)", x: rect.x, y: rect.y, width: rect.width,
    ellipsis: theme.glyphs.ellipsis, style: theme.style(.title))
  let key = state.wantedHeatmap
  let heatmap = key.flatMap { state.images.heatmaps[$0] }
  let parts = heatmapLayout(rect.inset(top: 2), legend: key != nil, bars: names.count)
  guard let preview = state.images.filePreview, preview.experiment == inspect.experiment,
    preview.path == path
  else {
    canvas.put("reading the file…", x: parts[2].x, y: parts[2].y, style: theme.style(.muted))
    return
  }
  if let error = preview.error {
    canvas.draw(
      TextPane("**Cannot classify:** " + error), in: rect.inset(top: 2), theme: theme)
    return
  }
  if let image = preview.thumbnail {
    let rows = max(1, parts[0].height)
    let cols = Thumbnail.width(forHeight: rows, imageWidth: image.width, imageHeight: image.height)
    let area = Rect(x: parts[0].x, y: parts[0].y, width: min(cols, parts[0].width), height: rows)
    if let heatmap {
      canvas.draw(HeatmapThumbnail(image, map: heatmap), in: area, theme: theme)
    } else {
      canvas.draw(Thumbnail(image), in: area, theme: theme)
    }
  }
  drawHeatmapLegend(
    key, map: heatmap, names: names, hasMask: false, picked: false, in: &canvas, rect: parts[1],
    theme: theme)
  let best = preview.probabilities.indices.max {
    preview.probabilities[$0] < preview.probabilities[$1]
  }
  let bars = names.enumerated().map { i, name in
    Bar(name, Double(preview.probabilities[safe: i] ?? 0), role: i == best ? .accent : .muted)
  }
  canvas.draw(HorizontalBars(bars, scaleMax: 1, format: .percent), in: parts[2], theme: theme)
}
