/// The settings form drawn as a centred box over the screen.
struct SettingsPanel: Widget, Sendable {
  var form: SettingsForm

  func draw(in canvas: inout Canvas, theme: Theme) {
    let width = min(60, canvas.width - 4)
    let rows = SettingsForm.rowNames.count
    let box = canvas.bounds.centred(Size(width: width, height: rows + 6))
    canvas.fill(box)
    canvas.box(
      box, title: "Settings for the next run", glyphs: theme.glyphs, style: theme.style(.accent),
      titleStyle: theme.style(.title))
    let notes = [
      "1…200", "images per step", "step size", "split, weights, order", "rare class",
      "pretrained features",
    ]
    for row in 0..<rows {
      canvas.draw(
        FormRow(
          label: SettingsForm.rowNames[row], value: form.value(row), labelWidth: 16,
          isSelected: row == form.row, note: notes[row]),
        in: Rect(x: box.x + 2, y: box.y + 2 + row, width: box.width - 4, height: 1), theme: theme)
    }
    canvas.put(
      "↑/↓ choose  ←/→ change  Enter save  Esc cancel", x: box.x + 2, y: box.maxY - 2,
      width: box.width - 4, ellipsis: theme.glyphs.ellipsis, style: theme.style(.muted))
  }
}
