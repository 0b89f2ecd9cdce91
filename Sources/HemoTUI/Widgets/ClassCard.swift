import HemoCore

/// A class as in Teachable Machine: name, image count with a bar on a scale shared by all
/// cards, the train/test split, and a strip of thumbnails.
public struct ClassCard: Widget, Sendable {
  public var name: String
  public var count: Int
  /// The largest count among the cards shown together (the bar's full width).
  public var scaleMax: Int
  public var trainCount: Int
  public var testCount: Int
  public var thumbnails: [RGBImage]
  public var role: Role
  public var isSelected: Bool

  public init(
    name: String, count: Int, scaleMax: Int, trainCount: Int, testCount: Int,
    thumbnails: [RGBImage] = [], role: Role = .accent, isSelected: Bool = false
  ) {
    self.name = name
    self.count = count
    self.scaleMax = scaleMax
    self.trainCount = trainCount
    self.testCount = testCount
    self.thumbnails = thumbnails
    self.role = role
    self.isSelected = isSelected
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    let border = isSelected ? theme.style(.accent) : theme.style(.border)
    canvas.box(
      canvas.bounds, title: name, glyphs: theme.glyphs, style: border,
      titleStyle: theme.style(.title))
    let inner = canvas.bounds.inset(top: 1, left: 2, bottom: 1, right: 2)
    guard !inner.isEmpty else { return }
    canvas.region(inner) { c in
      let countText = "\(count) image\(count == 1 ? "" : "s") "
      let x = c.put(countText, x: 0, y: 0, style: theme.style(.text))
      let bar = HorizontalBars.bar(
        value: Double(count), maximum: Double(max(1, scaleMax)), width: max(0, c.width - x),
        glyphs: theme.glyphs)
      c.put(bar, x: x, y: 0, style: theme.depth == .none ? .plain : theme.style(role))
      let split = "train \(trainCount) \(theme.glyphs.separator) test \(testCount)"
      c.put(
        split, x: 0, y: 1, width: c.width, ellipsis: theme.glyphs.ellipsis,
        style: theme.style(.muted))
      let stripHeight = c.height - 2
      guard stripHeight > 0, let first = thumbnails.first else { return }
      let thumbWidth = Thumbnail.width(
        forHeight: stripHeight, imageWidth: first.width, imageHeight: first.height)
      var left = 0
      for image in thumbnails where left + thumbWidth <= c.width {
        c.draw(
          Thumbnail(image), in: Rect(x: left, y: 2, width: thumbWidth, height: stripHeight),
          theme: theme)
        left += thumbWidth + 1
      }
    }
  }
}
