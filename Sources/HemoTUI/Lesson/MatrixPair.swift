import HemoLesson

/// Two confusion matrices side by side, each under a title with its metric lines (stacked when
/// the rect is narrower than two matrices). Returns the rows used.
func drawMatrixPair(
  classNames: [String],
  _ left: (title: String, counts: [[Int]], lines: [String]),
  _ right: (title: String, counts: [[Int]], lines: [String]),
  in canvas: inout Canvas, rect: Rect, theme: Theme
) -> Int {
  let matrixRows = classNames.count + 2
  let height = 1 + matrixRows + max(left.lines.count, right.lines.count)
  let sideBySide = rect.width >= 2 * 34 + 2
  let columns =
    sideBySide
    ? Layout.columns(
      Rect(x: rect.x, y: rect.y, width: rect.width, height: height),
      [
        .flex(1), .flex(1),
      ], gap: 2)
    : [
      Rect(x: rect.x, y: rect.y, width: rect.width, height: height),
      Rect(x: rect.x, y: rect.y + height + 1, width: rect.width, height: height),
    ]
  for (side, column) in zip([left, right], columns) {
    let box = column.intersection(rect)
    guard box.height > 0 else { continue }
    canvas.put(
      side.title, x: box.x, y: box.y, width: box.width, ellipsis: theme.glyphs.ellipsis,
      style: theme.style(.title))
    let matrix = box.inset(top: 1)
    guard matrix.height > 0 else { continue }
    canvas.region(matrix) { c in
      c.draw(
        ConfusionMatrixView(classNames: classNames, counts: side.counts, metricLines: side.lines),
        in: c.bounds, theme: theme)
    }
  }
  return sideBySide ? height : 2 * height + 1
}

/// "sensitivity 80% (52–93)" lines of one side (two-class metrics when present).
func metricLines(
  accuracy: ExperimentResult.Interval, sensitivity: ExperimentResult.Interval?,
  specificity: ExperimentResult.Interval?
) -> [String] {
  var lines = ["accuracy    " + percentInterval(accuracy)]
  if let sensitivity {
    lines.append(
      "sensitivity " + percentInterval(sensitivity)
        + " · \(sensitivity.successes)/\(sensitivity.trials)")
  }
  if let specificity {
    lines.append(
      "specificity " + percentInterval(specificity)
        + " · \(specificity.successes)/\(specificity.trials)")
  }
  return lines
}
