/// The cell rectangle an image takes in a terminal: as large as fits, keeping its aspect ratio
/// on cells of a given pixel shape.
public enum ImageFit {
  /// Columns and rows for an `imageWidth`×`imageHeight` image within `maxColumns`×`maxRows`
  /// cells of `cell` pixels (width×height; the usual 1:2 when unknown). Either limit may be nil.
  public static func cells(
    imageWidth: Int, imageHeight: Int, maxColumns: Int?, maxRows: Int?,
    cell: Size = Size(width: 10, height: 20)
  ) -> Size {
    guard imageWidth > 0, imageHeight > 0, cell.width > 0, cell.height > 0 else {
      return Size(width: 0, height: 0)
    }
    // Rows per column that keep the aspect: (h / w) · (cellWidth / cellHeight).
    let ratio = Double(imageHeight) / Double(imageWidth) * Double(cell.width) / Double(cell.height)
    var columns = maxColumns ?? max(1, Int((Double(maxRows ?? 24) / ratio).rounded()))
    var rows = max(1, Int((Double(columns) * ratio).rounded()))
    if let maxRows, rows > maxRows {
      rows = maxRows
      columns = max(1, Int((Double(rows) / ratio).rounded()))
      if let maxColumns { columns = min(columns, maxColumns) }
    }
    return Size(width: max(1, columns), height: rows)
  }
}
