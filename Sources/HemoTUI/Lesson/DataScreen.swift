import HemoCore

/// Step 2: the lesson text, a gallery of Normal and each subtype, and a large viewer of the
/// selected image with window presets, colour-coding and the blood mask outline.
func drawDataStep(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let leftWidth = max(36, canvas.width * 2 / 5)
  let columns = Layout.columns(canvas.bounds, [.fixed(leftWidth), .flex(1)], gap: 2)
  let left = columns[0]
  let page = GalleryPage(width: left.width, height: left.height)
  let rows = Layout.rows(left, [.flex(1), .fixed(page.height)])
  let text = section(&canvas, rows[0], "Head CT in Hounsfield units", theme: theme)
  canvas.draw(
    TextPane(reflow(state.currentStep?.text ?? ""), scroll: state.textScroll),
    in: text.inset(left: 1, right: 1),
    theme: theme)
  let gallery = section(&canvas, rows[1], "Gallery (Tab: next class)", theme: theme)
  drawGallery(state, in: &canvas, rect: gallery, page: page, theme: theme)
  let viewerRect = section(&canvas, columns[1], "Viewer", theme: theme)
  let selected = state.gallery.selection
  let sample = state.images.samples[.gallery(selected)]
  let g = state.gallery
  let item = GalleryState.galleryClass(of: selected)
  var labels = "labels: " + (sample?.hemorrhage.map(labelText) ?? "–")
  if sample?.hemorrhage?.any == true { labels += "  mask: " + (g.showsMask ? "on" : "off") }
  canvas.draw(
    ImageViewer(
      sample: sample, placeholder: "generating the slice…", window: g.window,
      colourCoding: g.colourCoding, showsMask: g.showsMask,
      caption: [
        "\(item.name) \(theme.glyphs.separator) image \(selected % GalleryState.perClass + 1)"
          + " of \(GalleryState.perClass) \(theme.glyphs.separator) synthetic",
        "window \(g.window.label)  colour-coding " + (g.colourCoding ? "on (50–90 HU red)" : "off"),
        labels,
      ]), in: viewerRect, theme: theme)
}

/// `subdural, intraventricular` or `none`.
func labelText(_ labels: HemorrhageLabels) -> String {
  let names = HemorrhageSubtype.allCases.filter { labels.contains($0) }.map(\.rawValue)
  return names.isEmpty ? "none (normal)" : names.joined(separator: ", ")
}

/// The gallery's size: one class at a time (a line of class tabs, then its images as large as
/// the column allows, square), so that thumbnails stay legible at 80×24.
struct GalleryPage {
  /// Rows of each thumbnail.
  var rows: Int
  /// Columns of each thumbnail.
  var columns: Int

  init(width: Int, height: Int) {
    let perClass = GalleryState.perClass
    let byWidth = max(2, (width - perClass) / perClass) / 2
    let byHeight = max(2, (height - 10) / 2)
    rows = max(2, min(byWidth, byHeight, 12))
    columns = Thumbnail.width(forHeight: rows, imageWidth: 1, imageHeight: 1)
  }

  /// Rows the gallery section takes: its title, the class tabs, the thumbnails.
  var height: Int { 2 + rows }

  /// A short name for the class tabs (the usual radiology abbreviations).
  static func shortName(_ index: Int) -> String {
    ["Normal", "EDH", "IPH", "IVH", "SAH", "SDH"][safe: index]
      ?? GalleryState.classes[safe: index]?.name ?? "?"
  }
}

private func drawGallery(
  _ state: LessonState, in canvas: inout Canvas, rect: Rect, page: GalleryPage, theme: Theme
) {
  let selectedClass = state.gallery.selection / GalleryState.perClass
  let fullWidth = GalleryState.classes.map { $0.name.count + 2 }.reduce(0, +)
  var x = rect.x
  for (c, item) in GalleryState.classes.enumerated() {
    let name = fullWidth <= rect.width ? item.name : GalleryPage.shortName(c)
    let selected = c == selectedClass
    let text = selected ? "[\(name)]" : " \(name) "
    guard x + text.count <= rect.maxX else { break }
    canvas.clickable(
      Rect(x: x, y: rect.y, width: text.count, height: 1),
      .galleryImage(c * GalleryState.perClass))
    x =
      canvas.put(
        text, x: x, y: rect.y, style: theme.style(selected ? .selection : .muted))
  }
  let y = rect.y + 1
  for i in 0..<GalleryState.perClass {
    let index = selectedClass * GalleryState.perClass + i
    let left = rect.x + 1 + i * (page.columns + 1)
    guard left + page.columns <= rect.maxX else { break }
    let frame = Rect(x: left, y: y, width: page.columns, height: page.rows)
    canvas.clickable(frame, .galleryImage(index))
    if let image = state.images.thumbnails[.gallery(index)] {
      canvas.draw(Thumbnail(image), in: frame, theme: theme)
    } else {
      canvas.put(String(theme.glyphs.ellipsis), x: left, y: y, style: theme.style(.muted))
    }
    if index == state.gallery.selection {
      canvas[left - 1, y + page.rows / 2] = Cell(theme.glyphs.marker, style: theme.style(.accent))
    }
  }
}
