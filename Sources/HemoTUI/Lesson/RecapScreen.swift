import HemoLesson

/// Step 8: the lesson text and a table of every run so far.
func drawRecapStep(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let tableRows = max(4, min(state.history.count + 3, canvas.height / 2))
  let curve = state.recapCurve
  let curveRows = curve != nil && canvas.height >= 30 ? 12 : 0
  let parts = Layout.rows(canvas.bounds, [.flex(1), .fixed(curveRows), .fixed(tableRows)])
  let text = section(&canvas, parts[0], "Does it generalize?", theme: theme)
  canvas.draw(
    TextPane(
      reflow((state.currentStep?.text ?? "") + rightReasonsParagraph(state.history)),
      scroll: state.textScroll),
    in: text.inset(left: 1, right: 1),
    theme: theme)
  if let curve, let cut = state.shownCut, curveRows > 0, let index = state.recapCurveRow {
    let row = state.history[index]
    let panel = section(
      &canvas, parts[1], "ROC curve of experiment \(row.experiment), seed \(row.seed)",
      theme: theme)
    drawThresholdPanel(
      curve, cut: cut, in: &canvas, rect: panel.inset(left: 1, right: 1), theme: theme)
  }
  let table = section(&canvas, parts[2], "Your runs", theme: theme)
  guard !state.history.isEmpty else {
    canvas.put(
      "No finished runs yet: train the experiments of steps 3–7 and they appear here.",
      x: table.x, y: table.y, width: table.width, ellipsis: theme.glyphs.ellipsis,
      style: theme.style(.muted))
    return
  }
  let header = recapLine(
    ["exp", "seed", "ep", "wt", "accuracy (95% CI)", "sensitivity", "specificity", "point"])
  canvas.put(
    header, x: table.x, y: table.y, width: table.width, ellipsis: theme.glyphs.ellipsis,
    style: theme.style(.muted))
  let visible = max(0, table.height - 1)
  for (i, row) in state.history.suffix(visible).enumerated() {
    let shown: String =
      switch row.pointShown {
      case true?: "shown"
      case false?: "not shown"
      case nil: "–"
      }
    let line = recapLine([
      String(row.experiment), String(row.seed), String(row.epochs),
      row.classWeighting ? "on" : "off", interval(row.accuracy),
      row.sensitivity.map { NumberFormat.percent($0.estimate) } ?? "–",
      row.specificity.map { NumberFormat.percent($0.estimate) } ?? "–", shown,
    ])
    canvas.put(
      line, x: table.x, y: table.y + 1 + i, width: table.width, ellipsis: theme.glyphs.ellipsis,
      style: theme.style(row.pointShown == false ? .warn : .text))
  }
}

private let recapWidths = [4, 6, 4, 4, 24, 12, 12, 9]

private func recapLine(_ cells: [String]) -> String {
  zip(cells, recapWidths).map { NumberFormat.left($0, width: $1) }.joined()
}

private func interval(_ i: ExperimentResult.Interval) -> String {
  NumberFormat.percent(i.estimate) + " (" + NumberFormat.fixed(i.lower * 100, 1) + "–"
    + NumberFormat.fixed(i.upper * 100, 1) + ")"
}
