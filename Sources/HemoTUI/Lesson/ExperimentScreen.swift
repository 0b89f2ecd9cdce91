import HemoCore
import HemoLesson
import HemoTrain

/// An experiment step: class cards and the lesson text on the left; the training panel, the live
/// chart and the confusion matrix on the right.
func drawExperimentStep(_ state: LessonState, _ id: Int, in canvas: inout Canvas, theme: Theme) {
  guard let experiment = state.experiments.first(where: { $0.id == id }),
    let live = state.live[id]
  else { return }
  let leftWidth = max(36, canvas.width * 9 / 20)
  let columns = Layout.columns(canvas.bounds, [.fixed(leftWidth), .flex(1)], gap: 2)
  let left = columns[0]
  let right = columns[1]
  // Left: the cards take about half the height, the text the rest.
  let classCount = experiment.classes.count
  let cardsHeight = drawCards(state, id, experiment, live, in: &canvas, rect: left, theme: theme)
  let textRect = Rect(
    x: left.x, y: left.y + cardsHeight, width: left.width, height: left.height - cardsHeight)
  let finished = live.reading != nil
  let textArea = section(
    &canvas, textRect, finished ? "What happened" : "What to expect", theme: theme)
  canvas.draw(
    TextPane(experimentText(state, experiment, live), scroll: state.textScroll),
    in: textArea.inset(left: 1, right: 1), theme: theme)
  // Right: panel, chart, matrix.
  let matrixRows = classCount + 2 + (classCount == 2 ? 3 : 1)
  let panelRows = 5
  let parts = Layout.rows(
    right, [.fixed(panelRows), .flex(1), .fixed(matrixRows + 1)])
  drawTrainingPanel(
    live, experiment, delay: state.pacingDelay(id), in: &canvas,
    rect: parts[0], theme: theme)
  drawChart(live.run, accuracy: state.chartShowsAccuracy, in: &canvas, rect: parts[1], theme: theme)
  drawMatrix(live, experiment, cursor: nil, in: &canvas, rect: parts[2], theme: theme)
}

/// The class cards: stacked full-width cards, or (three or more classes on a short screen) narrow
/// cards side by side so that each still shows an image. Returns the rows used.
private func drawCards(
  _ state: LessonState, _ id: Int, _ experiment: ExperimentDefinition, _ live: LiveExperiment,
  in canvas: inout Canvas, rect left: Rect, theme: Theme
) -> Int {
  let classCount = experiment.classes.count
  let scale = live.classCounts.max() ?? 1
  let stackedHeight = min(9, max(4, (left.height * 11 / 20) / max(1, classCount)))
  let sideBySide = classCount >= 3 && stackedHeight < 6
  let columnWidth = (left.width - (classCount - 1)) / max(1, classCount)
  let thumbRows = min(max(1, (columnWidth - 2) / 2), max(1, left.height / 2 - 6))
  let columnHeight = ClassColumnCard.height(thumbnailRows: thumbRows)
  for (index, item) in experiment.classes.enumerated() {
    let thumbs = (live.classSamples.indices.contains(index) ? live.classSamples[index] : [])
      .compactMap { state.images.thumbnails[.experiment(id, index: $0)] }
    let count = live.classCounts.indices.contains(index) ? live.classCounts[index] : item.count
    let train = live.trainCounts?[safe: index] ?? 0
    let test = live.testCounts?[safe: index] ?? 0
    let role: Role = item.role == .normal ? .good : .bad
    if sideBySide {
      canvas.draw(
        ClassColumnCard(
          name: item.name, count: count, scaleMax: scale, trainCount: train, testCount: test,
          thumbnails: thumbs, role: role),
        in: Rect(
          x: left.x + index * (columnWidth + 1), y: left.y, width: columnWidth,
          height: columnHeight), theme: theme)
    } else {
      canvas.draw(
        ClassCard(
          name: item.name, count: count, scaleMax: scale, trainCount: train, testCount: test,
          thumbnails: thumbs, role: role),
        in: Rect(
          x: left.x, y: left.y + index * stackedHeight, width: left.width,
          height: stackedHeight), theme: theme)
    }
  }
  return sideBySide ? columnHeight : stackedHeight * classCount
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// The text pane of an experiment: what happened (after a finished run), what to expect, the
/// lesson text.
func experimentText(
  _ state: LessonState, _ experiment: ExperimentDefinition, _ live: LiveExperiment
) -> String {
  var parts: [String] = []
  if let line = dataLine(state, experiment.id, live) { parts.append(line) }
  if let failure = live.failure { parts.append("**Problem:** \(failure)") }
  if let reading = live.reading {
    parts.append(reading)
    parts.append("**What to expect**\n" + experiment.expectation)
  } else {
    if live.run?.state == .stopped {
      parts.append(
        "**Stopped before the end.** A run that did not finish gets no reading; train again "
          + "(Enter) to see one.")
    }
    parts.append(experiment.expectation)
  }
  if let text = state.currentStep?.text, !text.isEmpty { parts.append(reflow(text)) }
  return parts.joined(separator: "\n\n")
}

/// `m:ss` for a duration in seconds.
func clock(_ seconds: Double) -> String {
  guard seconds.isFinite, seconds >= 0 else { return "–" }
  let s = Int(seconds.rounded())
  return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
}

func drawTrainingPanel(
  _ live: LiveExperiment, _ experiment: ExperimentDefinition, delay: Double?,
  in canvas: inout Canvas, rect: Rect, theme: Theme
) {
  let inner = section(&canvas, rect, "Training", theme: theme)
  let g = theme.glyphs
  let config = live.config
  var status: String
  var role = Role.text
  var counters = ""
  if let preparing = live.preparing {
    status = "generating images \(NumberFormat.percent(preparing, decimals: 0))"
    role = .warn
  } else if let run = live.run {
    switch run.state {
    case .idle: status = "starting"
    case .running:
      status = "training"
      role = .good
    case .paused:
      status = "paused"
      role = .warn
    case .finished:
      status = "done"
      role = .good
    case .stopped:
      status = "stopped"
      role = .bad
    }
    counters =
      "epoch \(run.epoch)/\(run.totalEpochs)  batch \(run.batch)/\(run.batchesPerEpoch)"
  } else {
    status = live.hasData ? "ready" : "idle"
  }
  var x = canvas.put(
    "\(g.marker) " + status, x: inner.x, y: inner.y, style: theme.style(role).adding(.bold))
  if !counters.isEmpty { x = canvas.put("   " + counters, x: x, y: inner.y) }
  var speedLine = ""
  if let run = live.run, run.state != .idle {
    speedLine = run.imagesPerSecond > 0 ? "\(Int(run.imagesPerSecond.rounded())) img/s" : "– img/s"
    if run.state == .running || run.state == .paused, let remaining = run.estimatedRemaining {
      // The trainer's estimate counts training time only; add the watchable pauses.
      let batchesLeft = max(
        0,
        (run.totalEpochs - max(1, run.epoch)) * run.batchesPerEpoch + run.batchesPerEpoch
          - run.batch)
      speedLine += "  ETA " + clock(remaining + Double(batchesLeft) * (delay ?? 0))
    }
  } else if !live.hasData && live.preparing == nil {
    speedLine = "images are made when you train"
  }
  canvas.put(
    speedLine, x: inner.x, y: inner.y + 1, width: inner.width, ellipsis: g.ellipsis,
    style: theme.style(.muted))
  let s = g.separator
  let lines = [
    "epochs \(config.epochs) \(s) batch \(config.batchSize) \(s) "
      + "lr \(SettingsForm.formatRate(config.learningRate))",
    "seed \(config.seed) \(s) weighting \(config.classWeighting ? "on" : "off") \(s) "
      + (delay == nil ? "full speed" : "watchable speed"),
  ]
  for (i, line) in lines.enumerated() {
    canvas.put(
      line, x: inner.x, y: inner.y + 2 + i, width: inner.width, ellipsis: g.ellipsis,
      style: theme.style(.text))
  }
}

/// The live chart: per-batch training loss with per-epoch test loss, or accuracy per epoch.
func drawChart(
  _ run: LiveRun?, accuracy: Bool, in canvas: inout Canvas, rect: Rect, theme: Theme
) {
  let title = accuracy ? "Accuracy per epoch (a: loss)" : "Loss (a: accuracy)"
  let inner = section(&canvas, rect, title, theme: theme)
  guard let run, run.batchLosses.count > 0 || !run.epochs.isEmpty else {
    canvas.put(
      "The curve appears when training starts.", x: inner.x, y: inner.y,
      style: theme.style(.muted))
    return
  }
  let epochs = Double(max(1, run.totalEpochs))
  let chart: LineChart
  if accuracy {
    let train = run.epochs.map { ChartPoint(Double($0.epoch), $0.trainAccuracy) }
    let test = run.epochs.map { ChartPoint(Double($0.epoch), $0.testAccuracy) }
    chart = LineChart(
      [
        ChartSeries("train", points: train, role: .accent, marker: "●"),
        ChartSeries("test", points: test, role: .warn, marker: "○"),
      ], xRange: 0...epochs, yRange: 0...1, xLabel: "epoch")
  } else {
    let perEpoch = Double(max(1, run.batchesPerEpoch))
    let points = smoothed(run.batchLosses, buckets: max(8, inner.width * 2)).map {
      ChartPoint(Double($0.0) / perEpoch, Double($0.1))
    }
    let test = run.epochs.map { ChartPoint(Double($0.epoch), $0.testLoss) }
    chart = LineChart(
      [
        ChartSeries("train (batches)", points: points, role: .accent),
        ChartSeries("test (epochs)", points: test, role: .warn, marker: "○"),
      ], xRange: 0...epochs, xLabel: "epoch")
  }
  canvas.draw(chart, in: inner, theme: theme)
}

/// Batch losses averaged into at most `buckets` points: (batches done at the bucket's end, mean).
func smoothed(_ losses: [Float], buckets: Int) -> [(Int, Float)] {
  guard !losses.isEmpty else { return [] }
  let size = max(1, (losses.count + buckets - 1) / buckets)
  var out: [(Int, Float)] = []
  var start = 0
  while start < losses.count {
    let end = min(losses.count, start + size)
    let mean = losses[start..<end].reduce(0, +) / Float(end - start)
    out.append((end, mean))
    start = end
  }
  return out
}

/// `93.3% (88.1–96.3)`.
func intervalText(_ interval: WilsonInterval) -> String {
  guard interval.trials > 0 else { return "–" }
  return NumberFormat.percent(interval.estimate) + " (95% CI "
    + NumberFormat.fixed(interval.lower * 100, 1) + "–"
    + NumberFormat.fixed(interval.upper * 100, 1) + ")"
}

/// The confusion matrix section, with the metric lines below it.
func drawMatrix(
  _ live: LiveExperiment, _ experiment: ExperimentDefinition,
  cursor: ConfusionMatrixView.Position?, in canvas: inout Canvas, rect: Rect, theme: Theme
) {
  let run = live.run
  var title = "Confusion matrix (test set)"
  if let run, run.matrix != nil {
    let total = run.testCounts.reduce(0, +)
    let when =
      run.state == .paused
      ? "at pause" : run.state == .running ? "epoch \(max(0, run.epochs.count))" : "final"
    title = "Confusion matrix · \(total) test · \(when)"
  }
  let inner = section(&canvas, rect, title, theme: theme)
  guard let run, let matrix = run.matrix else {
    canvas.put(
      "Rows: true class; columns: predicted. Filled at each epoch's end.", x: inner.x,
      y: inner.y, width: inner.width, ellipsis: theme.glyphs.ellipsis,
      style: theme.style(.muted))
    return
  }
  var lines: [String] = []
  if let accuracy = run.accuracy { lines.append("accuracy " + intervalText(accuracy)) }
  if let sensitivity = run.sensitivity, let positive = experiment.positiveClass {
    lines.append("sensitivity " + intervalText(sensitivity))
    _ = positive
  }
  if let specificity = run.specificity {
    lines.append("specificity " + intervalText(specificity))
  }
  canvas.draw(
    ConfusionMatrixView(
      classNames: experiment.classes.map(\.name), counts: matrix, cursor: cursor,
      metricLines: lines), in: inner, theme: theme)
}
