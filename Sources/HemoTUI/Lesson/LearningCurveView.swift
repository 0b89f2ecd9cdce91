import HemoLesson

/// More data: test accuracy with its 95 % interval for each training-set size, on one axis,
/// every size tested on the same images, and what the curve shows.
func drawLearningCurveView(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let step8 = state.generalize
  let id = step8.experiment(for: .curve)
  let sizes = step8.curveSizes.map(String.init).joined(separator: ", ")
  var rest = drawLabHeader(
    state, view: .curve,
    title: "More data: experiment \(id), \(experimentTitle(state, id))",
    idle: "Enter trains on \(sizes) images per class (capped at what there is).",
    in: &canvas, rect: canvas.bounds, theme: theme)
  guard let curve = step8.lab.curve, !curve.points.isEmpty, curve.experiment == id else {
    canvas.draw(
      TextPane(
        "Does more data help? Enter trains the experiment's network on \(sizes) images per class, each time tested on the same held-out images, smallest first. Small sets get extra epochs (at least \(LearningCurve.defaultMinimumBatches) batches) so they are not merely under-trained.",
        role: .muted), in: rest.inset(left: 1, right: 1), theme: theme)
    return
  }
  let rows: [IntervalPlot.Row] = curve.points.map { point in
    let perClass =
      point.trainPerClass.min() == point.trainPerClass.max()
      ? "\(point.trainPerClass.first ?? 0)/class"
      : point.trainPerClass.map(String.init).joined(separator: "/")
    var note = "acc " + percentInterval(point.accuracy)
    if let s = point.sensitivity { note += "  sens \(pct(s.estimate))" }
    return .interval(
      label: perClass, lower: point.accuracy.lower, estimate: point.accuracy.estimate,
      upper: point.accuracy.upper, note: note)
  }
  let plot = IntervalPlot(rows, axisLabel: "test acc.")
  let plotRect = Rect(x: rest.x + 1, y: rest.y, width: rest.width - 2, height: plot.height + 1)
  canvas.region(plotRect) { c in c.draw(plot, in: c.bounds, theme: theme) }
  rest = rest.inset(top: plotRect.height + 1)
  let test = zip(curve.classes, curve.testPerClass).map { "\($1) \($0)" }.joined(separator: ", ")
  let coming = step8.lab.isRunning && step8.labTask(is: .curve)
  let reading =
    coming
    ? "The next size is training; each point appears as its run finishes."
    : curve.reading
  canvas.draw(
    TextPane(
      reading
        + " All sizes are tested on the same \(curve.testPerClass.reduce(0, +)) images (\(test)).",
      scroll: state.textScroll), in: rest.inset(left: 1, right: 1), theme: theme)
}
