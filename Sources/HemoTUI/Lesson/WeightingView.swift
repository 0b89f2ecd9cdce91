import HemoLesson

/// Class weighting as the remedy for imbalance: the same seed without and with weighting, two
/// matrices with sensitivity, specificity and accuracy, and what changed, from the numbers.
func drawWeightingView(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let id = state.generalize.experiment(for: .weighting)
  let rest = drawLabHeader(
    state, view: .weighting,
    title: "Class weighting: experiment \(id), \(experimentTitle(state, id))",
    idle: "Enter trains experiment \(id) twice with one seed: without and with class weighting.",
    in: &canvas, rect: canvas.bounds, theme: theme)
  guard let comparison = state.generalize.lab.weighting else {
    canvas.draw(
      TextPane(
        "Experiment 2's high accuracy came from calling almost everything normal: with 30 hemorrhages among 1030 images, that is the cheapest way to a low loss. Class weighting makes each rare image count as much as the common class in the loss. Enter trains the experiment twice with the same seed, split and starting weights, without and with weighting, and compares.",
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
