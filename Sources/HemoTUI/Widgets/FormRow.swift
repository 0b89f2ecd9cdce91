/// One settings row: label, value, and when editing, a cursor in the value.
public struct FormRow: Widget, Sendable {
  public var label: String
  public var value: String
  public var labelWidth: Int
  public var isSelected: Bool
  /// Cursor position in `value` while editing (0 … value.count); nil when not editing.
  public var editCursor: Int?
  /// A short note after the value (e.g. the allowed range).
  public var note: String

  public init(
    label: String, value: String, labelWidth: Int = 16, isSelected: Bool = false,
    editCursor: Int? = nil, note: String = ""
  ) {
    self.label = label
    self.value = value
    self.labelWidth = labelWidth
    self.isSelected = isSelected
    self.editCursor = editCursor
    self.note = note
  }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    guard canvas.height > 0 else { return }
    let marker: Character = isSelected ? theme.glyphs.marker : " "
    canvas.put(String(marker), x: 0, y: 0, style: theme.style(.accent))
    let labelStyle = isSelected ? theme.style(.title) : theme.style(.text)
    canvas.put(
      NumberFormat.left(
        Canvas.truncate(label, to: labelWidth - 1, ellipsis: theme.glyphs.ellipsis),
        width: labelWidth), x: 2, y: 0, style: labelStyle)
    let valueX = 2 + labelWidth
    var end: Int
    if let editCursor {
      let field = Style(attributes: .underline)
      end = canvas.put(value + " ", x: valueX, y: 0, style: field)
      let at = min(max(0, editCursor), value.count)
      let character = at < value.count ? Array(value)[at] : " "
      canvas[valueX + at, 0] = Cell(character, style: Style(attributes: [.reverse, .underline]))
    } else {
      end = canvas.put(
        value, x: valueX, y: 0, style: isSelected ? theme.style(.selection) : theme.style(.accent))
    }
    if !note.isEmpty { canvas.put("  " + note, x: end, y: 0, style: theme.style(.muted)) }
  }
}
