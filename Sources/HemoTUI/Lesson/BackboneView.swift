import HemoLesson
import HemoTrain

/// Pretrained vs from scratch: one experiment trained from scratch, from the pretrained backbone
/// frozen and fine-tuned, on the same split and seed; a matrix per run (as many as fit side by
/// side, the others in one line each), accuracy with its 95 % interval, training time, and the
/// reading, which says when a difference is within the noise of the test set.
func drawBackboneView(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let step8 = state.generalize
  let id = step8.experiment(for: .backbones)
  var rest = drawLabHeader(
    state, view: .backbones,
    title: "Pretrained vs from scratch: experiment \(id), \(experimentTitle(state, id))",
    idle:
      "Enter trains experiment \(id) from scratch, frozen and fine-tuned, with one seed.",
    in: &canvas, rect: canvas.bounds, theme: theme)
  guard let comparison = step8.lab.backbones, comparison.experiment == id else {
    canvas.draw(
      TextPane(backboneIntro, role: .muted), in: rest.inset(left: 1, right: 1), theme: theme)
    return
  }
  rest = rest.inset(left: 1, right: 1)
  let running = step8.lab.isRunning && step8.labTask(is: .backbones)
  let modes = BackboneMode.allCases
  let fit = max(1, min(modes.count, (rest.width + 2) / 36))
  let columns = Layout.columns(
    Rect(x: rest.x, y: rest.y, width: rest.width, height: rest.height),
    Array(repeating: .flex(1), count: fit), gap: 2)
  // The run training now: the first without a result.
  let training = running ? modes.first { comparison.side($0) == nil } : nil
  var used = 0
  for (mode, column) in zip(modes, columns) {
    used = max(
      used,
      drawBackboneSide(
        comparison, mode: mode, training: training, running: running, in: &canvas,
        rect: column, theme: theme))
  }
  rest = rest.inset(top: used + 1)
  // The runs without a column: one line each.
  for mode in modes.dropFirst(fit) where rest.height > 0 {
    var line = "\(backboneName(mode)): "
    if let side = comparison.side(mode) {
      line += "accuracy \(percentInterval(side.accuracy))"
      if let found = side.sensitivity { line += " · sens \(found.successes)/\(found.trials)" }
      line += " · trained in \(seconds(side.trainingSeconds))"
      let more = " · its matrix on a wider screen"
      if line.count + more.count <= rest.width { line += more }
    } else {
      line += mode == training ? "training…" : (running ? "to come" : "not run")
    }
    canvas.put(
      line, x: rest.x, y: rest.y, width: rest.width, ellipsis: theme.glyphs.ellipsis,
      style: theme.style(.muted))
    rest = rest.inset(top: 1)
  }
  if fit < modes.count { rest = rest.inset(top: 1) }
  // Room to spare (100×30 and up): the accuracies on one axis, so an overlap shows.
  let plot = IntervalPlot(
    comparison.sides.map { side in
      .interval(
        label: backboneShortName(side.backbone), lower: side.accuracy.lower,
        estimate: side.accuracy.estimate, upper: side.accuracy.upper,
        note: "acc " + percentInterval(side.accuracy))
    }, axisLabel: "test acc.")
  if comparison.sides.count > 1, rest.height >= plot.height + 2 + 6 {
    let plotRect = Rect(x: rest.x, y: rest.y, width: rest.width, height: plot.height + 1)
    canvas.region(plotRect) { c in c.draw(plot, in: c.bounds, theme: theme) }
    rest = rest.inset(top: plotRect.height + 1)
  }
  let reading =
    comparison.reading.isEmpty
    ? (running
      ? "Each run appears as it finishes; the comparison follows the first pretrained run."
      : "Stopped before a pretrained run finished: Enter starts again.")
    : comparison.reading
  // A tall screen also keeps what the three runs are, below the reading.
  let readingLines = TextWrap.lineCount(reading, width: rest.width)
  let introLines = TextWrap.lineCount(backboneIntro, width: rest.width)
  if readingLines + 1 + introLines <= rest.height {
    canvas.draw(TextPane(reading), in: rest, theme: theme)
    canvas.draw(
      TextPane(backboneIntro, role: .muted), in: rest.inset(top: readingLines + 1), theme: theme)
  } else {
    canvas.draw(TextPane(reading, scroll: state.textScroll), in: rest, theme: theme)
  }
}

/// One run's column: its name, the matrix with accuracy (sensitivity, specificity) and the
/// training time, or what the run is waiting for. Returns the rows used.
private func drawBackboneSide(
  _ comparison: BackboneComparison, mode: BackboneMode, training: BackboneMode?, running: Bool,
  in canvas: inout Canvas, rect: Rect, theme: Theme
) -> Int {
  guard rect.height > 0 else { return 0 }
  let title =
    mode == .scratch ? "From scratch (seed \(comparison.seed))" : backboneName(mode)
  canvas.put(
    title, x: rect.x, y: rect.y, width: rect.width, ellipsis: theme.glyphs.ellipsis,
    style: theme.style(.title))
  guard let side = comparison.side(mode) else {
    canvas.put(
      mode == training ? "training…" : (running ? "to come" : "not run"), x: rect.x,
      y: rect.y + 1,
      width: rect.width, ellipsis: theme.glyphs.ellipsis, style: theme.style(.muted))
    return 2
  }
  var lines = metricLines(
    accuracy: side.accuracy, sensitivity: side.sensitivity, specificity: side.specificity)
  lines.append("trained in \(seconds(side.trainingSeconds))")
  let height = min(rect.height - 1, comparison.classes.count + 2 + lines.count)
  let matrix = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: height)
  canvas.region(matrix) { c in
    c.draw(
      ConfusionMatrixView(
        classNames: comparison.classes, counts: side.confusionMatrix, metricLines: lines),
      in: c.bounds, theme: theme)
  }
  return 1 + height
}

/// "Pretrained, frozen".
private func backboneName(_ mode: BackboneMode) -> String {
  switch mode {
  case .scratch: "From scratch"
  case .frozen: "Pretrained, frozen"
  case .finetune: "Pretrained, fine-tuned"
  }
}

/// "scratch", "frozen", "fine-tuned": the plot's row labels.
private func backboneShortName(_ mode: BackboneMode) -> String {
  switch mode {
  case .scratch: "scratch"
  case .frozen: "frozen"
  case .finetune: "fine-tuned"
  }
}

/// "4.2 s".
private func seconds(_ value: Double) -> String {
  value < 10 ? NumberFormat.fixed(value, 1) + " s" : "\(Int(value.rounded())) s"
}

private let backboneIntro =
  "Teachable Machine never trains from nothing: it keeps a network pretrained on other images fixed and trains only a small head on yours. HemoLab's backbone was pretrained on thousands of synthetic slices of every subtype. Enter trains this experiment three times with the same seed, split and test images: from scratch, from the backbone frozen (only the head learns) and fine-tuned (the backbone keeps learning), and puts the results side by side. Whether the difference means anything depends on the test set: the reading says when it is within the noise."
