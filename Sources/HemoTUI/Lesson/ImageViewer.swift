import HemoCore
import HemoTrain

/// A CT image shown large: windowed (or colour-coded) from its Hounsfield values, with the
/// blood mask outline when asked, and caption lines below.
struct ImageViewer: Widget, Sendable {
  var sample: Sample?
  /// Shown instead when there is no sample yet.
  var placeholder: String
  var window: Window
  var colourCoding: Bool
  var showsMask: Bool
  var caption: [String]
  /// A saliency heatmap drawn over the image (inspect's `g`), when computed.
  var heatmap: SaliencyMap? = nil

  /// The display image of `sample` under the viewer's settings.
  static func display(_ sample: Sample, window: Window, colourCoding: Bool) -> RGBImage {
    let preprocessing = Preprocessing(
      window: window, colourCoding: colourCoding ? .acuteBlood : nil)
    return preprocessing.display(sample.pixels)
  }

  func draw(in canvas: inout Canvas, theme: Theme) {
    let captionRows = min(caption.count, max(0, canvas.height - 3))
    let imageRows = canvas.height - captionRows
    guard let sample else {
      canvas.put(placeholder, x: 0, y: 0, style: theme.style(.muted))
      return
    }
    let image = Self.display(sample, window: window, colourCoding: colourCoding)
    var rows = imageRows
    var cols = Thumbnail.width(forHeight: rows, imageWidth: image.width, imageHeight: image.height)
    if cols > canvas.width {
      cols = canvas.width
      rows = max(1, cols * image.height / max(1, 2 * image.width))
    }
    let left = max(0, (canvas.width - cols) / 2)
    let mask = showsMask ? sample.bloodMask : nil
    let rect = Rect(x: left, y: 0, width: cols, height: rows)
    if let heatmap {
      canvas.draw(HeatmapThumbnail(image, map: heatmap, mask: mask), in: rect, theme: theme)
    } else {
      canvas.draw(Thumbnail(image, mask: mask), in: rect, theme: theme)
    }
    for (i, line) in caption.prefix(captionRows).enumerated() {
      canvas.put(
        line, x: 0, y: rows + i, width: canvas.width, ellipsis: theme.glyphs.ellipsis,
        style: theme.style(i == 0 ? .title : .muted))
    }
  }
}

extension Window {
  /// `brain (W80 L40)`.
  var label: String { "\(name) (W\(Int(width)) L\(Int(level)))" }
}
