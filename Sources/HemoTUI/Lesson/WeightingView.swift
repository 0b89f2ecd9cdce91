import HemoLesson

/// Class weighting as the remedy for imbalance: the same seed without and with weighting, two
/// matrices with sensitivity, specificity and accuracy, and what changed, from the numbers.
func drawWeightingView(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let id = state.generalize.experiment(for: .weighting)
  let rest = drawLabHeader(
    state, view: .weighting,
    title: "Class weighting: experiment \(id), \(experimentTitle(state, id))",
    idle: "Enter trains experiment \(id) twice, one seed: without and with class weighting.",
    in: &canvas, rect: canvas.bounds, theme: theme)
  guard let comparison = state.generalize.lab.weighting, comparison.experiment == id else {
    canvas.draw(
      TextPane(
        weightingIntro(state.experiments.first { $0.id == id }),
        role: .muted), in: rest.inset(left: 1, right: 1), theme: theme)
    return
  }
  let body = rest.inset(left: 1, right: 1)
  func side(_ s: ClassWeightingComparison.Side, _ title: String) -> (String, [[Int]], [String]) {
    (
      title, s.confusionMatrix,
      metricLines(accuracy: s.accuracy, sensitivity: s.sensitivity, specificity: s.specificity)
    )
  }
  let used = drawMatrixPair(
    classNames: comparison.classes,
    side(comparison.unweighted, "Without weighting (seed \(comparison.seed))"),
    side(comparison.weighted, "With class weighting"), in: &canvas, rect: body, theme: theme)
  canvas.draw(
    TextPane(comparison.reading, scroll: state.textScroll), in: body.inset(top: used + 1),
    theme: theme)
}

/// What weighting is for, with the chosen experiment's class counts.
func weightingIntro(_ experiment: ExperimentDefinition?) -> String {
  let how =
    "Class weighting makes the rarer class count as much as the common one in the loss. Enter trains the experiment twice with the same seed, split and starting weights, without and with weighting, and compares."
  guard let experiment, experiment.classes.count == 2 else { return how }
  let counts = experiment.classes.map(\.count)
  guard let rare = counts.min(), let common = counts.max(), common >= 3 * rare else {
    return
      "Experiment \(experiment.id)'s classes are about balanced (\(counts.map(String.init).joined(separator: " and "))), so weighting should change little here. "
      + how
  }
  let rareName = experiment.classes[counts.firstIndex(of: rare) ?? 0].name
  return
    "With \(rare) \(rareName) images among \(rare + common), calling almost everything the common class is the cheapest way to a low loss and a high accuracy. "
    + how
}
