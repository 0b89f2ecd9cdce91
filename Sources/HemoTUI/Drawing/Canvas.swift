/// A drawing surface on a region of a `CellBuffer`, in local coordinates: (0, 0) is the region's
/// top-left corner and nothing is ever drawn outside the region.
public struct Canvas: Sendable {
  /// The buffer being drawn into (the whole screen, not only this region).
  public internal(set) var buffer: CellBuffer
  /// This region, in buffer coordinates (always inside the buffer).
  public let frame: Rect

  /// A canvas on a fresh blank buffer of `size`.
  public init(size: Size) {
    buffer = CellBuffer(size: size)
    frame = Rect(size: size)
  }

  init(buffer: CellBuffer, frame: Rect) {
    self.buffer = buffer
    self.frame = frame
  }

  public var size: Size { frame.size }
  public var width: Int { frame.width }
  public var height: Int { frame.height }
  /// The whole region in local coordinates.
  public var bounds: Rect { Rect(size: frame.size) }

  /// The cell at local (x, y); outside the region gives a blank cell, writes are ignored.
  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, y >= 0, x < width, y < height else { return .blank }
      return buffer[frame.x + x, frame.y + y]
    }
    set {
      guard x >= 0, y >= 0, x < width, y < height else { return }
      buffer[frame.x + x, frame.y + y] = Cell(
        CharacterWidth.singleColumn(newValue.character), style: newValue.style)
    }
  }

  /// Writes `text` from (x, y) on one line, clipped at the region's edge (never wraps). Wide
  /// characters become `?`; newlines and tabs become spaces. Returns the column after the text.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain) -> Int {
    var column = x
    for character in text {
      if column >= width { break }
      let shown: Character = character == "\n" || character == "\t" ? " " : character
      if column >= 0 { self[column, y] = Cell(shown, style: style) }
      column += 1
    }
    return column
  }

  /// Writes `text` cut to `width` columns, ending in `ellipsis` when it had to be cut.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, width limit: Int, ellipsis: Character, style: Style = .plain
  ) -> Int {
    put(Canvas.truncate(text, to: limit, ellipsis: ellipsis), x: x, y: y, style: style)
  }

  /// Fills a local rectangle with one character and style.
  public mutating func fill(_ rect: Rect, _ character: Character = " ", style: Style = .plain) {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    for y in r.y..<r.maxY {
      for x in r.x..<r.maxX { self[x, y] = Cell(character, style: style) }
    }
  }

  /// Fills the whole region.
  public mutating func clear(style: Style = .plain) { fill(bounds, " ", style: style) }

  /// Changes the style of cells in `rect`, keeping their characters.
  public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    for y in r.y..<r.maxY {
      for x in r.x..<r.maxX { self[x, y].style = transform(self[x, y].style) }
    }
  }

  /// Draws a box along the edge of `rect`, with an optional title in its top edge.
  public mutating func box(
    _ rect: Rect, title: String? = nil, glyphs: Glyphs, style: Style = .plain,
    titleStyle: Style? = nil
  ) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    for x in rect.x + 1..<right {
      self[x, rect.y] = Cell(glyphs.horizontal, style: style)
      self[x, bottom] = Cell(glyphs.horizontal, style: style)
    }
    for y in rect.y + 1..<bottom {
      self[rect.x, y] = Cell(glyphs.vertical, style: style)
      self[right, y] = Cell(glyphs.vertical, style: style)
    }
    self[rect.x, rect.y] = Cell(glyphs.topLeft, style: style)
    self[right, rect.y] = Cell(glyphs.topRight, style: style)
    self[rect.x, bottom] = Cell(glyphs.bottomLeft, style: style)
    self[right, bottom] = Cell(glyphs.bottomRight, style: style)
    if let title, !title.isEmpty, rect.width >= 5 {
      let label = Canvas.truncate(" \(title) ", to: rect.width - 2, ellipsis: glyphs.ellipsis)
      put(label, x: rect.x + 1, y: rect.y, style: titleStyle ?? style)
    }
  }

  /// Runs `body` on a canvas for `rect` (local coordinates, clipped to this region).
  public mutating func region(_ rect: Rect, _ body: (inout Canvas) -> Void) {
    let local = rect.intersection(bounds)
    let absolute = Rect(
      x: frame.x + local.x, y: frame.y + local.y, width: local.width, height: local.height)
    var sub = Canvas(buffer: CellBuffer(size: Size(width: 0, height: 0)), frame: absolute)
    swap(&sub.buffer, &buffer)
    body(&sub)
    swap(&sub.buffer, &buffer)
  }

  /// `text` cut to at most `limit` columns; when cut, the last column is `ellipsis`.
  public static func truncate(_ text: String, to limit: Int, ellipsis: Character) -> String {
    guard limit > 0 else { return "" }
    guard text.count > limit else { return text }
    return String(text.prefix(limit - 1)) + String(ellipsis)
  }
}
