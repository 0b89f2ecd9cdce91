import HemoCore
import HemoLesson

/// Inspect: the matrix with a cursor on the left; on the right the chosen pane (the cell's test
/// images, one image large, the per-epoch table, first-layer filters, or a preview).
func drawInspect(
  _ state: LessonState, _ inspect: InspectState, in canvas: inout Canvas, theme: Theme
) {
  guard let experiment = state.experiments.first(where: { $0.id == inspect.experiment }),
    let live = state.live[inspect.experiment], let run = live.run
  else { return }
  let leftWidth = max(38, canvas.width * 2 / 5)
  let columns = Layout.columns(canvas.bounds, [.fixed(leftWidth), .flex(1)], gap: 2)
  let classCount = experiment.classes.count
  let matrixRows = 1 + classCount + 2 + (classCount == 2 ? 3 : 1)
  let left = Layout.rows(columns[0], [.fixed(matrixRows), .flex(1)])
  drawMatrix(live, experiment, cursor: inspect.cursor, in: &canvas, rect: left[0], theme: theme)
  let names = experiment.classes.map(\.name)
  let cell = cellImages(run, inspect.cursor)
  let truth = names[safe: inspect.cursor.row] ?? "?"
  let predicted = names[safe: inspect.cursor.column] ?? "?"
  var about =
    "**Cell:** true \(truth), predicted \(predicted): \(cell.count) test image"
    + (cell.count == 1 ? "." : "s.")
  if inspect.cursor.row != inspect.cursor.column {
    about += " These are mistakes."
    if let positive = experiment.positiveClass, classCount == 2 {
      about += truth == positive ? " Missed: false negatives." : " False alarms: false positives."
    }
  }
  about +=
    "\n\nEnter lists them, with the model's probabilities. Tab shows the epochs, the "
    + "first-layer filters, or a preview on the gallery images. Esc leaves inspect."
  let aboutRect = section(&canvas, left[1], "Inspect", theme: theme)
  canvas.draw(TextPane(about), in: aboutRect.inset(left: 1), theme: theme)
  let right = columns[1]
  drawTabs(
    inspect.pane, in: &canvas, rect: Rect(x: right.x, y: right.y, width: right.width, height: 1),
    theme: theme)
  let pane = right.inset(top: 2)
  switch inspect.pane {
  case .cell:
    if inspect.focus == .image, let item = cell[safe: inspect.listSelection] {
      drawLargeTestImage(state, inspect, item, names: names, in: &canvas, rect: pane, theme: theme)
    } else {
      drawCellList(state, inspect, cell, names: names, in: &canvas, rect: pane, theme: theme)
    }
  case .epochs: drawEpochTable(run, in: &canvas, rect: pane, theme: theme)
  case .filters: drawFilters(run.filters, in: &canvas, rect: pane, theme: theme)
  case .preview: drawPreview(state, inspect, names: names, in: &canvas, rect: pane, theme: theme)
  }
}

private func drawTabs(_ pane: InspectState.Pane, in canvas: inout Canvas, rect: Rect, theme: Theme)
{
  var x = rect.x
  // Narrow screens get one-word titles so that every tab shows (and can be clicked).
  let full = InspectState.Pane.allCases.map { $0.title.count + 3 }.reduce(0, +)
  let short = full > rect.width
  for tab in InspectState.Pane.allCases {
    let selected = tab == pane
    let title = short && tab == .cell ? "Cell" : tab.title
    let text = selected ? "[\(title)]" : " \(title) "
    guard x + text.count <= rect.maxX else { break }
    canvas.clickable(Rect(x: x, y: rect.y, width: text.count, height: 1), .inspectTab(tab.rawValue))
    x =
      canvas.put(
        text, x: x, y: rect.y, style: selected ? theme.style(.selection) : theme.style(.muted)) + 1
  }
}

/// `Hemorrhage 12% · Normal 88%`.
private func probabilityText(_ p: [Float], names: [String], separator: Character) -> String {
  zip(names, p).map { "\($0) \(NumberFormat.percent(Double($1), decimals: 0))" }
    .joined(separator: " \(separator) ")
}

private func drawCellList(
  _ state: LessonState, _ inspect: InspectState, _ cell: [TestImage], names: [String],
  in canvas: inout Canvas, rect: Rect, theme: Theme
) {
  guard !cell.isEmpty else {
    canvas.put("No test images in this cell.", x: rect.x, y: rect.y, style: theme.style(.muted))
    return
  }
  let rowHeight = 2
  let visible = max(1, rect.height / rowHeight)
  let selected = min(inspect.listSelection, cell.count - 1)
  let top = max(0, min(selected - visible / 2, cell.count - visible))
  let thumbWidth = Thumbnail.width(forHeight: rowHeight, imageWidth: 1, imageHeight: 1)
  for (row, item) in cell.dropFirst(top).prefix(visible).enumerated() {
    let y = rect.y + row * rowHeight
    let isSelected = top + row == selected && inspect.focus == .list
    canvas.clickable(
      Rect(x: rect.x, y: y, width: rect.width, height: rowHeight), .listItem(top + row))
    canvas.put(
      isSelected ? String(theme.glyphs.marker) : " ", x: rect.x, y: y,
      style: theme.style(.accent))
    if let image = state.images.thumbnails[.experiment(inspect.experiment, index: item.index)] {
      canvas.draw(
        Thumbnail(image), in: Rect(x: rect.x + 2, y: y, width: thumbWidth, height: rowHeight),
        theme: theme)
    } else {
      canvas.put(String(theme.glyphs.ellipsis), x: rect.x + 2, y: y, style: theme.style(.muted))
    }
    let x = rect.x + 3 + thumbWidth
    let truth = names[safe: item.truth] ?? "?"
    let predicted = names[safe: item.predicted] ?? "?"
    canvas.put(
      "#\(item.index)  true \(truth) → \(predicted)", x: x, y: y,
      width: rect.maxX - x, ellipsis: theme.glyphs.ellipsis,
      style: isSelected ? theme.style(.title) : theme.style(.text))
    canvas.put(
      probabilityText(item.probabilities, names: names, separator: theme.glyphs.separator), x: x,
      y: y + 1, width: rect.maxX - x, ellipsis: theme.glyphs.ellipsis, style: theme.style(.muted))
  }
  if cell.count > visible {
    let text = "\(selected + 1)/\(cell.count)"
    canvas.put(text, x: rect.maxX - text.count, y: rect.maxY - 1, style: theme.style(.muted))
  }
}

private func drawLargeTestImage(
  _ state: LessonState, _ inspect: InspectState, _ item: TestImage, names: [String],
  in canvas: inout Canvas, rect: Rect, theme: Theme
) {
  let bars = names.enumerated().map { i, name in
    Bar(
      name, Double(item.probabilities[safe: i] ?? 0), role: i == item.predicted ? .accent : .muted)
  }
  let key = state.wantedHeatmap
  let heatmap = key.flatMap { state.images.heatmaps[$0] }
  let parts = heatmapLayout(rect, legend: key != nil, bars: bars.count)
  let window = Window.presets[inspect.windowIndex % Window.presets.count]
  let sample = state.images.samples[.experiment(inspect.experiment, index: item.index)]
  var maskNote = ""
  if sample?.hemorrhage?.any == true { maskNote = "  mask " + (inspect.showsMask ? "on" : "off") }
  canvas.draw(
    ImageViewer(
      sample: sample, placeholder: "loading the image…", window: window,
      colourCoding: inspect.colourCoding, showsMask: inspect.showsMask,
      caption: [
        "#\(item.index) \(theme.glyphs.separator) true \(names[safe: item.truth] ?? "?")"
          + " \(theme.glyphs.separator) labels: " + (sample?.hemorrhage.map(labelText) ?? "–"),
        "window \(window.label)  colour " + (inspect.colourCoding ? "on" : "off") + maskNote,
      ], heatmap: heatmap), in: parts[0], theme: theme)
  drawHeatmapLegend(
    key, map: heatmap, names: names, hasMask: inspect.showsMask && sample?.bloodMask != nil,
    picked: inspect.heatmapClass != nil, in: &canvas, rect: parts[1], theme: theme)
  canvas.draw(HorizontalBars(bars, scaleMax: 1, format: .percent), in: parts[2], theme: theme)
}

private func drawEpochTable(_ run: LiveRun, in canvas: inout Canvas, rect: Rect, theme: Theme) {
  let widths = [7, 12, 12, 12, 12]
  func line(_ cells: [String]) -> String {
    zip(cells, widths).map { NumberFormat.right($0, width: $1) }.joined()
  }
  canvas.put(
    line(["epoch", "train loss", "train acc", "test loss", "test acc"]), x: rect.x, y: rect.y,
    width: rect.width, ellipsis: theme.glyphs.ellipsis, style: theme.style(.muted))
  guard !run.epochs.isEmpty else {
    canvas.put("No epoch has finished yet.", x: rect.x, y: rect.y + 1, style: theme.style(.muted))
    return
  }
  let visible = max(0, rect.height - 1)
  for (i, e) in run.epochs.suffix(visible).enumerated() {
    canvas.put(
      line([
        String(e.epoch), NumberFormat.fixed(e.trainLoss, 3), NumberFormat.percent(e.trainAccuracy),
        NumberFormat.fixed(e.testLoss, 3), NumberFormat.percent(e.testAccuracy),
      ]), x: rect.x, y: rect.y + 1 + i, width: rect.width, ellipsis: theme.glyphs.ellipsis)
  }
}

private func drawPreview(
  _ state: LessonState, _ inspect: InspectState, names: [String], in canvas: inout Canvas,
  rect: Rect, theme: Theme
) {
  if let path = inspect.previewFile {
    drawFilePreview(state, inspect, path: path, names: names, in: &canvas, rect: rect, theme: theme)
    return
  }
  let item = GalleryState.galleryClass(of: inspect.previewIndex)
  let header =
    "Gallery image \(inspect.previewIndex + 1)/\(GalleryState.count): \(item.name) "
    + "(↑/↓ choose, o a file)"
  canvas.put(
    header, x: rect.x, y: rect.y, width: rect.width, ellipsis: theme.glyphs.ellipsis,
    style: theme.style(.title))
  let parts = Layout.rows(rect.inset(top: 2), [.flex(1), .fixed(names.count)], gap: 1)
  if let image = state.images.thumbnails[.gallery(inspect.previewIndex)] {
    let rows = max(1, parts[0].height)
    let cols = Thumbnail.width(forHeight: rows, imageWidth: image.width, imageHeight: image.height)
    canvas.draw(
      Thumbnail(image),
      in: Rect(
        x: parts[0].x, y: parts[0].y, width: min(cols, parts[0].width),
        height: rows), theme: theme)
  }
  guard let preview = state.images.preview, preview.experiment == inspect.experiment,
    preview.galleryIndex == inspect.previewIndex
  else {
    canvas.put("classifying…", x: parts[1].x, y: parts[1].y, style: theme.style(.muted))
    return
  }
  let best = preview.probabilities.indices.max {
    preview.probabilities[$0] < preview.probabilities[$1]
  }
  let bars = names.enumerated().map { i, name in
    Bar(name, Double(preview.probabilities[safe: i] ?? 0), role: i == best ? .accent : .muted)
  }
  canvas.draw(HorizontalBars(bars, scaleMax: 1, format: .percent), in: parts[1], theme: theme)
}

/// First-layer kernels as tiny images: each 3×3 kernel two cells per weight, scaled to its own
/// range (grey for one channel, colour for three).
private func drawFilters(_ filters: [[Float]], in canvas: inout Canvas, rect: Rect, theme: Theme) {
  guard !filters.isEmpty else {
    canvas.put("No filters yet.", x: rect.x, y: rect.y, style: theme.style(.muted))
    return
  }
  canvas.put(
    "\(filters.count) filters, 3×3 each: what the first layer looks for (dark = negative).",
    x: rect.x, y: rect.y, width: rect.width, ellipsis: theme.glyphs.ellipsis,
    style: theme.style(.muted))
  let cellWidth = 7
  let cellHeight = 4
  let perRow = max(1, (rect.width + 1) / cellWidth)
  for (n, kernel) in filters.enumerated() {
    let x0 = rect.x + (n % perRow) * cellWidth
    let y0 = rect.y + 2 + (n / perRow) * cellHeight
    guard y0 + 3 <= rect.maxY else { break }
    let channels = max(1, kernel.count / 9)
    let low = kernel.min() ?? 0
    let high = kernel.max() ?? 1
    let span = max(1e-6, high - low)
    for r in 0..<3 {
      for c in 0..<3 {
        var rgb: [UInt8] = []
        for ch in 0..<3 {
          let v = kernel[min(channels - 1, ch) * 9 + r * 3 + c]
          rgb.append(UInt8(max(0, min(255, ((v - low) / span * 255).rounded()))))
        }
        let cellStyle: Style
        var glyph: Character = " "
        if let colour = theme.colour(r: rgb[0], g: rgb[1], b: rgb[2]), theme.depth == .extended {
          cellStyle = Style(background: colour)
        } else {
          let level = (Double(rgb[0]) + Double(rgb[1]) + Double(rgb[2])) / 765
          glyph = theme.glyphs.shade(level)
          cellStyle = .plain
        }
        canvas[x0 + c * 2, y0 + r] = Cell(glyph, style: cellStyle)
        canvas[x0 + c * 2 + 1, y0 + r] = Cell(glyph, style: cellStyle)
      }
    }
  }
}
