import HemoCore

/// A narrow class card for three or more classes side by side on a short screen: name in the
/// border, image count and its bar, the train/test split on two lines, and the class's images
/// below, as large as the card's width allows.
public struct ClassColumnCard: Widget, Sendable {
  public var name: String
  public var count: Int
  /// The largest count among the cards shown together (the bar's full width).
  public var scaleMax: Int
  public var trainCount: Int
  public var testCount: Int
  public var thumbnails: [RGBImage]
  public var role: Role

  public init(
    name: String, count: Int, scaleMax: Int, trainCount: Int, testCount: Int,
    thumbnails: [RGBImage] = [], role: Role = .accent
  ) {
    self.name = name
    self.count = count
    self.scaleMax = scaleMax
    self.trainCount = trainCount
    self.testCount = testCount
    self.thumbnails = thumbnails
    self.role = role
  }

  /// Rows a card needs to show thumbnails `rows` tall.
  public static func height(thumbnailRows rows: Int) -> Int { 6 + rows }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    canvas.box(
      canvas.bounds, title: ClassNameFit.title(name, width: canvas.width - 4), glyphs: theme.glyphs,
      style: theme.style(.border),
      titleStyle: theme.style(.title))
    let inner = canvas.bounds.inset(top: 1, left: 1, bottom: 1, right: 1)
    guard !inner.isEmpty else { return }
    let g = theme.glyphs
    canvas.region(inner) { c in
      let long = "\(count) image\(count == 1 ? "" : "s")"
      c.put(long.count <= c.width ? long : "\(count)", x: 0, y: 0, style: theme.style(.text))
      let bar = HorizontalBars.bar(
        value: Double(count), maximum: Double(max(1, scaleMax)), width: c.width, glyphs: g)
      c.put(bar, x: 0, y: 1, style: theme.depth == .none ? .plain : theme.style(role))
      c.put(
        "train \(trainCount)", x: 0, y: 2, width: c.width, ellipsis: g.ellipsis,
        style: theme.style(.muted))
      c.put(
        "test \(testCount)", x: 0, y: 3, width: c.width, ellipsis: g.ellipsis,
        style: theme.style(.muted))
      let rows = min(c.height - 4, c.width / 2)
      guard rows > 0, let first = thumbnails.first else { return }
      let width = Thumbnail.width(
        forHeight: rows, imageWidth: first.width, imageHeight: first.height)
      var left = 0
      for image in thumbnails where left + width <= c.width {
        c.draw(Thumbnail(image), in: Rect(x: left, y: 4, width: width, height: rows), theme: theme)
        left += width + 1
      }
    }
  }
}
