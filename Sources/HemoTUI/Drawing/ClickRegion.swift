/// What a mouse click on a part of the screen means.
public enum ClickTarget: Sendable, Hashable {
  /// A step dot in the header (1-based step).
  case step(Int)
  /// A confusion matrix cell: true class `row`, predicted `column`.
  case matrixCell(row: Int, column: Int)
  /// A gallery thumbnail (gallery index).
  case galleryImage(Int)
  /// A tab of inspect's right-hand pane (the pane's raw value).
  case inspectTab(Int)
  /// A row of inspect's list of a cell's test images (index in the list).
  case listItem(Int)
}

/// A screen rectangle (buffer coordinates) that answers clicks with `target`.
public struct ClickRegion: Sendable, Equatable {
  public var rect: Rect
  public var target: ClickTarget

  public init(rect: Rect, target: ClickTarget) {
    self.rect = rect
    self.target = target
  }
}

extension Canvas {
  /// Marks the local rectangle `rect` (clipped to this region) as answering clicks with `target`.
  public mutating func clickable(_ rect: Rect, _ target: ClickTarget) {
    let local = rect.intersection(bounds)
    guard !local.isEmpty else { return }
    buffer.regions.append(
      ClickRegion(
        rect: Rect(
          x: frame.x + local.x, y: frame.y + local.y, width: local.width, height: local.height),
        target: target))
  }
}

extension CellBuffer {
  /// The target under the cell (x, y): the last region drawn there wins (overlays come last).
  public func target(atX x: Int, y: Int) -> ClickTarget? {
    regions.last { $0.rect.contains(x: x, y: y) }?.target
  }
}
