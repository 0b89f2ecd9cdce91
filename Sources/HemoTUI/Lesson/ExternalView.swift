import HemoLesson

/// The other hospital: one model on its own test split and on the shifted population, two
/// matrices with accuracy, sensitivity, specificity (95 % intervals) and AUC, and the reading.
func drawExternalView(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let id = state.generalize.experiment(for: .external)
  let rest = drawLabHeader(
    state, view: .external,
    title: "Another hospital: experiment \(id), \(experimentTitle(state, id))",
    idle:
      "Enter tests experiment \(id)'s model (yours, or a new one) at the other hospital.",
    in: &canvas, rect: canvas.bounds, theme: theme)
  guard let evaluation = state.generalize.lab.external, evaluation.experiment == id else {
    canvas.draw(
      TextPane(
        "A test score holds for images like the test set. The other hospital has another scanner, another window habit and another patient mix, and it scans patients earlier after their symptoms start. Enter evaluates one model on its own test split and on \(ExternalEvaluation.defaultCount) of the other hospital's scans, side by side.",
        role: .muted), in: rest.inset(left: 1, right: 1), theme: theme)
    return
  }
  let body = rest.inset(left: 1, right: 1)
  func side(_ s: ExternalEvaluation.Side, _ title: String) -> (String, [[Int]], [String]) {
    var lines = metricLines(
      accuracy: s.accuracy, sensitivity: s.sensitivity, specificity: s.specificity)
    if let auc = s.auc {
      lines.append(
        "AUC \(NumberFormat.fixed(auc.estimate, 2)) (\(NumberFormat.fixed(auc.lower, 2))–\(NumberFormat.fixed(auc.upper, 2)))"
      )
    }
    return ("\(title) · \(s.images) images", s.confusionMatrix, lines)
  }
  let used = drawMatrixPair(
    classNames: evaluation.classes,
    side(evaluation.internal, "Own test split (seed \(evaluation.seed))"),
    side(evaluation.external, "Other hospital"), in: &canvas, rect: body, theme: theme)
  // The reading already gives both accuracies and the drop, from the numbers.
  let text =
    evaluation.reading + "\n\nThe other hospital: " + evaluation.externalDescription + "."
  canvas.draw(
    TextPane(text, scroll: state.textScroll), in: body.inset(top: used + 1), theme: theme)
}
