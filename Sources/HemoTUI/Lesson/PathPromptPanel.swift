/// The path modal drawn as a centred box: what the path may be, the typed line with a cursor,
/// Tab's candidates or a problem, and the keys.
struct PathPromptPanel: Widget, Sendable {
  var prompt: PathPrompt

  func draw(in canvas: inout Canvas, theme: Theme) {
    let g = theme.glyphs
    let width = min(76, canvas.width - 4)
    let inner = width - 4
    let explanation = TextWrap.lineCount(prompt.explanation, width: inner)
    let widest = (prompt.candidates.map(\.count).max() ?? 1) + 2
    let perRow = max(1, inner / max(1, widest))
    let wanted = (prompt.candidates.count + perRow - 1) / perRow
    let listRows = min(6, max(1, wanted), max(1, canvas.height - explanation - 10))
    let box = canvas.bounds.centred(Size(width: width, height: explanation + listRows + 7))
    canvas.fill(box)
    canvas.box(
      box, title: prompt.title, glyphs: g, style: theme.style(.accent),
      titleStyle: theme.style(.title))
    canvas.draw(
      TextPane(prompt.explanation),
      in: Rect(x: box.x + 2, y: box.y + 1, width: inner, height: explanation), theme: theme)
    let lineY = box.y + 2 + explanation
    let label = "Path: "
    canvas.put(label, x: box.x + 2, y: lineY, style: theme.style(.key))
    let room = max(1, inner - label.count - 1)
    let shown =
      prompt.text.count > room
      ? String(g.ellipsis) + String(prompt.text.suffix(room - 1)) : prompt.text
    let end = canvas.put(shown, x: box.x + 2 + label.count, y: lineY, style: theme.style(.text))
    canvas[end, lineY] = Cell(" ", style: theme.style(.selection))
    let listY = lineY + 2
    if let message = prompt.message {
      canvas.put(
        message, x: box.x + 2, y: listY, width: inner, ellipsis: g.ellipsis,
        style: theme.style(.warn))
    } else if !prompt.candidates.isEmpty {
      drawCandidates(
        prompt.candidates, in: &canvas,
        rect: Rect(
          x: box.x + 2, y: listY, width: inner, height: listRows), theme: theme)
    }
    let keys =
      prompt.purpose == .openData
      ? "Tab complete  Enter open  Esc cancel" : "Tab complete  Enter classify  Esc cancel"
    canvas.put(
      keys, x: box.x + 2, y: box.maxY - 2, width: inner, ellipsis: g.ellipsis,
      style: theme.style(.muted))
  }

  /// Names in columns, as a shell lists them; the last shown cell says how many more there are.
  private func drawCandidates(
    _ names: [String], in canvas: inout Canvas, rect: Rect, theme: Theme
  ) {
    let widest = min(rect.width, (names.map(\.count).max() ?? 1) + 2)
    let columns = max(1, rect.width / max(1, widest))
    let capacity = columns * rect.height
    let shown = names.count > capacity ? Array(names.prefix(capacity - 1)) : names
    for (i, name) in shown.enumerated() {
      canvas.put(
        name, x: rect.x + (i % columns) * widest, y: rect.y + i / columns,
        width: widest - 1, ellipsis: theme.glyphs.ellipsis, style: theme.style(.muted))
    }
    if shown.count < names.count {
      let i = shown.count
      canvas.put(
        "+\(names.count - shown.count) more", x: rect.x + (i % columns) * widest,
        y: rect.y + i / columns, style: theme.style(.muted))
    }
  }
}
