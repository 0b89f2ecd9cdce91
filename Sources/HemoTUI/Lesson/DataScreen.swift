import HemoCore

/// Step 2: the lesson text, a gallery of Normal and each subtype, and a large viewer of the
/// selected image with window presets, colour-coding and the blood mask outline.
func drawDataStep(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let leftWidth = max(36, canvas.width * 2 / 5)
  let columns = Layout.columns(canvas.bounds, [.fixed(leftWidth), .flex(1)], gap: 2)
  let left = columns[0]
  let galleryRowHeight = canvas.height >= 40 ? 3 : 2
  let galleryHeight = 1 + GalleryState.classes.count * galleryRowHeight
  let rows = Layout.rows(left, [.flex(1), .fixed(galleryHeight)])
  let text = section(&canvas, rows[0], "Head CT in Hounsfield units", theme: theme)
  canvas.draw(
    TextPane(reflow(state.currentStep?.text ?? ""), scroll: state.textScroll),
    in: text.inset(left: 1, right: 1),
    theme: theme)
  let gallery = section(&canvas, rows[1], "Gallery", theme: theme)
  drawGallery(state, in: &canvas, rect: gallery, rowHeight: galleryRowHeight, theme: theme)
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

private func drawGallery(
  _ state: LessonState, in canvas: inout Canvas, rect: Rect, rowHeight: Int, theme: Theme
) {
  let labelWidth = 19
  let thumbWidth = Thumbnail.width(forHeight: rowHeight, imageWidth: 1, imageHeight: 1)
  for (c, item) in GalleryState.classes.enumerated() {
    let y = rect.y + c * rowHeight
    guard y < rect.maxY else { break }
    let selectedClass = state.gallery.selection / GalleryState.perClass == c
    canvas.put(
      (selectedClass ? String(theme.glyphs.marker) + " " : "  ") + item.name, x: rect.x, y: y,
      style: theme.style(selectedClass ? .accent : .text))
    for i in 0..<GalleryState.perClass {
      let index = c * GalleryState.perClass + i
      let x = rect.x + labelWidth + i * (thumbWidth + 1)
      guard x + thumbWidth <= rect.maxX else { break }
      let frame = Rect(x: x, y: y, width: thumbWidth, height: rowHeight)
      canvas.clickable(frame, .galleryImage(index))
      if let image = state.images.thumbnails[.gallery(index)] {
        canvas.draw(Thumbnail(image), in: frame, theme: theme)
      } else {
        canvas.put(String(theme.glyphs.ellipsis), x: x, y: y, style: theme.style(.muted))
      }
      if index == state.gallery.selection {
        canvas[x - 1, y] = Cell(theme.glyphs.marker, style: theme.style(.accent))
      }
    }
  }
}
