import HemoLesson

/// Run ×N: the accuracy (and sensitivity, specificity) of N seeds as dots on one axis with the
/// median, each run's own interval below, and what the spread means, from the numbers.
func drawSeedsView(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let step8 = state.generalize
  let id = step8.experiment(for: .seeds)
  let idle =
    "Enter trains experiment \(id) with \(step8.seedCount) seeds, one by one, on the same images."
  var rest = drawLabHeader(
    state, view: .seeds,
    title: "Run ×\(step8.seedCount): experiment \(id), \(experimentTitle(state, id))",
    idle: idle, in: &canvas, rect: canvas.bounds, theme: theme)
  guard let summary = step8.lab.seeds, summary.experiment == id else {
    canvas.draw(
      TextPane(
        "One run is one draw: its seed picks the test split, the starting weights and the order of the batches. Run ×\(step8.seedCount) trains the same recipe on the same images with \(step8.seedCount) seeds and puts the results side by side, so you see how much of a result is the recipe and how much is luck. The dots fill in as each run finishes.",
        role: .muted), in: rest.inset(left: 1, right: 1), theme: theme)
    return
  }
  var rows: [IntervalPlot.Row] = []
  func strip(_ name: String, _ values: [Double], _ spread: SeedVariability.Spread?) {
    guard let spread, !values.isEmpty else { return }
    let mean = values.reduce(0, +) / Double(values.count)
    rows.append(
      .strip(
        label: name, values: values, median: spread.median,
        note:
          "mean \(pct(mean)) · \(pct(spread.minimum))–\(pct(spread.maximum))"))
  }
  strip("accuracy", summary.runs.map(\.accuracy.estimate), summary.accuracy)
  strip("sensitivity", summary.runs.compactMap(\.sensitivity?.estimate), summary.sensitivity)
  strip("specificity", summary.runs.compactMap(\.specificity?.estimate), summary.specificity)
  let room = max(0, rest.height - rows.count - 3 - 3)
  for run in summary.runs.prefix(room) {
    rows.append(
      .interval(
        label: "seed \(run.seed)", lower: run.accuracy.lower, estimate: run.accuracy.estimate,
        upper: run.accuracy.upper, note: "acc " + percentInterval(run.accuracy)))
  }
  // A tall screen also shows each run's sensitivity and specificity with their intervals
  // (keeping about twelve rows for the reading).
  let pairs = summary.runs.filter { $0.sensitivity != nil && $0.specificity != nil }
  if !pairs.isEmpty, rest.height - (rows.count + 2 * pairs.count + 6) >= 12 {
    for (name, metric) in [
      ("sens", \SeedVariability.Run.sensitivity), ("spec", \SeedVariability.Run.specificity),
    ] {
      for run in pairs {
        guard let value = run[keyPath: metric] else { continue }
        rows.append(
          .interval(
            label: "seed \(run.seed) \(name)", lower: value.lower, estimate: value.estimate,
            upper: value.upper, note: "\(name) " + percentInterval(value)))
      }
    }
  }
  let plot = IntervalPlot(rows)
  let plotRect = Rect(x: rest.x + 1, y: rest.y, width: rest.width - 2, height: plot.height + 1)
  canvas.region(plotRect) { c in c.draw(plot, in: c.bounds, theme: theme) }
  rest = rest.inset(top: plotRect.height)
  let g = theme.glyphs
  canvas.put(
    " \(g.isUnicode ? "●" : "o") a seed   2 two seeds   \(g.isUnicode ? "┃" : "|") median   \(g.isUnicode ? "├─┤" : "|-|") one run's 95% interval",
    x: rest.x, y: rest.y, width: rest.width, ellipsis: g.ellipsis, style: theme.style(.muted))
  rest = rest.inset(top: 2)
  canvas.draw(
    TextPane(
      seedsHeadline(summary, target: step8.seedCount)
        + (summary.runs.count > 1 ? " " + summary.reading : ""), scroll: state.textScroll),
    in: rest.inset(left: 1, right: 1), theme: theme)
}

/// "The same recipe gives 62–81% depending only on the seed: one run proves little."
func seedsHeadline(_ summary: SeedVariability, target: Int) -> String {
  let a = summary.accuracy
  let runs = summary.runs.count
  let prefix = runs < target ? "So far \(runs) of \(target) seeds. " : ""
  guard runs > 1 else { return prefix + "one run so far, one dot: nothing to compare yet." }
  if a.range >= 0.03 {
    return prefix
      + "**The same recipe gives \(pct(a.minimum))–\(pct(a.maximum)) depending only on the seed: one run proves little.**"
  }
  return prefix
    + "**This recipe lands within \(Int((a.range * 100).rounded())) points across seeds; each run's own ±\(Int((a.meanHalfWidth * 100).rounded())) interval is the larger uncertainty.**"
}

func pct(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
