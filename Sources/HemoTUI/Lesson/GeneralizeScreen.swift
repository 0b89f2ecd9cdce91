import HemoLesson

/// Step 8: a row of view tabs, then the chosen view: your runs, the threshold (ROC), seeds,
/// the other hospital, class weighting, more data (learning curve), pretrained vs scratch.
func drawGeneralizeStep(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let parts = Layout.rows(canvas.bounds, [.fixed(1), .flex(1)])
  drawGeneralizeTabs(state.generalize.view, in: &canvas, row: parts[0], theme: theme)
  canvas.region(parts[1]) { c in
    switch state.generalize.view {
    case .runs: drawRecapStep(state, in: &c, theme: theme)
    case .roc: drawRocView(state, in: &c, theme: theme)
    case .seeds: drawSeedsView(state, in: &c, theme: theme)
    case .external: drawExternalView(state, in: &c, theme: theme)
    case .weighting: drawWeightingView(state, in: &c, theme: theme)
    case .curve: drawLearningCurveView(state, in: &c, theme: theme)
    case .backbones: drawBackboneView(state, in: &c, theme: theme)
    }
  }
}

/// " Your runs │ Threshold │ Seeds │ …" with the current view highlighted (the short names
/// when the full ones do not fit).
func drawGeneralizeTabs(
  _ current: GeneralizeView, in canvas: inout Canvas, row: Rect, theme: Theme
) {
  let views = GeneralizeView.allCases
  let full = views.map(\.title.count).reduce(0, +) + 3 * views.count - 1
  let short = full > row.width
  var x = row.x
  for view in views {
    if view.rawValue > 0 {
      x = canvas.put("\(theme.glyphs.vertical)", x: x, y: row.y, style: theme.style(.border))
    }
    x = canvas.put(
      " \(short ? view.shortTitle : view.title) ", x: x, y: row.y,
      style: theme.style(view == current ? .selection : .muted))
  }
  let hint = "Tab: next view"
  if x + hint.count + 2 <= row.x + row.width {
    canvas.put(hint, x: row.x + row.width - hint.count, y: row.y, style: theme.style(.muted))
  }
}

/// The view's first line: what it works on, and the lab's progress or what Enter does.
/// Returns the rows below.
func drawLabHeader(
  _ state: LessonState, view: GeneralizeView, title: String, idle: String,
  in canvas: inout Canvas, rect: Rect, theme: Theme
) -> Rect {
  let rest = section(&canvas, rect, title, theme: theme)
  guard rest.height > 0 else { return rest }
  let lab = state.generalize.lab
  let line: String
  var role = Role.muted
  if lab.isRunning && state.generalize.labTask(is: view) {
    let width = 20
    let filled = Int((lab.fraction * Double(width)).rounded())
    let bar =
      String(repeating: theme.glyphs.isUnicode ? "█" : "#", count: filled)
      + String(repeating: theme.glyphs.isUnicode ? "░" : ".", count: max(0, width - filled))
    line =
      "\(bar) \(Int((lab.fraction * 100).rounded()))%  \(lab.phase) · \(Int(lab.elapsed.rounded())) s   x stops"
    role = .accent
  } else if lab.isRunning {
    line = "Computing in another view (\(lab.phase)); switch there with Tab, x stops it."
  } else if let failure = lab.failure, state.generalize.labTask(is: view) {
    line = "Failed: \(failure)"
    role = .bad
  } else if lab.progress == .stopped && state.generalize.labTask(is: view) {
    line =
      "Stopped after \(Int(lab.elapsed.rounded())) s; results so far below. Enter starts again."
  } else if lab.progress == .done && state.generalize.labTask(is: view) {
    line =
      "Computed in \(Int(lab.elapsed.rounded())) s. Enter computes again; e: another experiment."
  } else {
    line = idle
  }
  canvas.put(
    " " + line, x: rest.x, y: rest.y, width: rest.width, ellipsis: theme.glyphs.ellipsis,
    style: theme.style(role))
  return rest.inset(top: 2)
}

/// The threshold view: the ROC curve of the latest two-class run, its threshold moved with ←/→.
func drawRocView(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  guard let curve = state.recapCurve, let cut = state.shownCut, let index = state.recapCurveRow
  else {
    let rest = section(&canvas, canvas.bounds, "Threshold", theme: theme)
    canvas.draw(
      TextPane(
        "No two-class run yet. Train experiment 2 or 3 (steps 4 and 5, or the Weighting and Seeds views here), then come back: the ROC curve shows every threshold at once, and ←/→ move along it.",
        role: .muted), in: rest.inset(left: 1, right: 1), theme: theme)
    return
  }
  let row = state.history[index]
  let panel = section(
    &canvas, canvas.bounds,
    "ROC curve of experiment \(row.experiment), seed \(row.seed)  ·  ←/→ move the threshold",
    theme: theme)
  drawThresholdPanel(
    curve, cut: cut, in: &canvas, rect: panel.inset(left: 1, right: 1), theme: theme)
}

/// Step 8's key hints for its current view.
func generalizeHints(_ state: LessonState) -> [KeyHint] {
  let view = state.generalize.view
  let tail = [KeyHint("?", "help"), KeyHint("q", "quit")]
  switch view {
  case .runs:
    return [KeyHint("Tab", "view"), KeyHint("←/→", "step"), KeyHint("PgDn", "scroll")] + tail
  case .roc:
    return [
      KeyHint("←/→", "threshold"), KeyHint("[ ]", "fine"), KeyHint("Tab", "view"),
      KeyHint("n/p", "step"),
    ] + tail
  default:
    var hints =
      state.generalize.lab.isRunning
      ? [KeyHint("x", "stop")] : [KeyHint("Enter", "compute")]
    hints.append(KeyHint("e", "experiment"))
    if view == .seeds { hints.append(KeyHint("+/-", "seeds")) }
    return hints + [KeyHint("Tab", "view"), KeyHint("←/→", "step")] + tail
  }
}

/// "78% (72–83)".
func percentInterval(_ i: ExperimentResult.Interval) -> String {
  "\(Int((i.estimate * 100).rounded()))% (\(Int((i.lower * 100).rounded()))–\(Int((i.upper * 100).rounded())))"
}

/// The title of experiment `id` ("Balanced data"), or "experiment N".
func experimentTitle(_ state: LessonState, _ id: Int) -> String {
  state.experiments.first { $0.id == id }?.title ?? "experiment \(id)"
}
