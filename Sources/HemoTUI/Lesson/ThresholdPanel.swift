import HemoLesson
import HemoTrain

/// A two-class run's scores, for the ROC curve and the movable threshold of step 8.
public struct RecapCurve: Sendable, Equatable {
  public var classNames: [String]
  public var positiveClass: Int
  /// Per test image: the probability of the positive class, and whether it truly is positive.
  public var scores: [Double]
  public var isPositive: [Bool]
  /// The share of positive images in the experiment's data (for PPV and NPV).
  public var prevalence: Double

  public init(
    classNames: [String], positiveClass: Int, scores: [Double], isPositive: [Bool],
    prevalence: Double
  ) {
    self.classNames = classNames
    self.positiveClass = positiveClass
    self.scores = scores
    self.isPositive = isPositive
    self.prevalence = prevalence
  }

  /// The curve of a finished two-class run; nil for other runs.
  public init?(_ result: ExperimentResult) {
    guard result.classes.count == 2, let name = result.positiveClass,
      let positive = result.classNames.firstIndex(of: name), !result.predictions.isEmpty
    else { return nil }
    let images = result.classes.reduce(0) { $0 + $1.images }
    self.init(
      classNames: result.classNames, positiveClass: positive,
      scores: result.predictions.map { Double($0.probabilities[positive]) },
      isPositive: result.predictions.map { $0.truth == positive },
      prevalence: Double(result.classes[positive].images) / Double(max(images, 1)))
  }

  public var roc: ROCCurve { ROCCurve(scores: scores, isPositive: isPositive) }

  /// Cut `k` calls positive the images scoring at or above the k-th highest distinct score
  /// (0 = none). The default cut is the run's own rule: positive when its probability ≥ 0.5.
  public var defaultCut: Int { roc.thresholds.filter { $0 >= 0.5 }.count }
}

/// The learner's threshold on one run of the recap (a new run starts at its own 0.5 rule).
public struct RecapCut: Sendable, Equatable {
  /// Index of the run in `LessonState.history`.
  public var row: Int
  /// See `RecapCurve.defaultCut`.
  public var cut: Int
}

extension LessonState {
  /// The index in `history` of the latest finished two-class run, whose ROC curve step 8 shows.
  public var recapCurveRow: Int? { history.lastIndex { $0.curve != nil } }

  public var recapCurve: RecapCurve? { recapCurveRow.flatMap { history[$0].curve } }

  /// The cut shown: the learner's on this run, or the run's own 0.5 rule, clamped to the curve.
  public var shownCut: Int? {
    guard let row = recapCurveRow, let curve = history[row].curve else { return nil }
    let chosen = recapCut?.row == row ? recapCut?.cut : nil
    return min(max(chosen ?? curve.defaultCut, 0), curve.roc.thresholds.count)
  }

  /// Moves the threshold of step 8 by `delta` distinct scores (> 0: more called positive).
  mutating func moveCut(by delta: Int) {
    guard let cut = shownCut, let row = recapCurveRow, let curve = recapCurve else { return }
    recapCut = RecapCut(row: row, cut: min(max(cut + delta, 0), curve.roc.thresholds.count))
  }
}

/// The ROC curve (braille) with its AUC, the current threshold's point, and beside it the
/// confusion matrix and sensitivity, specificity, PPV and NPV at that threshold.
func drawThresholdPanel(
  _ curve: RecapCurve, cut: Int, in canvas: inout Canvas, rect: Rect, theme: Theme
) {
  let roc = curve.roc
  let thresholds = roc.thresholds
  let cut = min(max(cut, 0), thresholds.count)
  let threshold = cut == 0 ? Double.infinity : thresholds[cut - 1]
  let metrics = roc.metrics(at: threshold)
  let point = roc.points[cut]
  let parts = Layout.columns(rect, [.flex(1), .fixed(min(44, rect.width / 2))], gap: 2)
  let chart = LineChart(
    [
      ChartSeries("chance", points: [ChartPoint(0, 0), ChartPoint(1, 1)], role: .muted),
      ChartSeries(
        "ROC", points: roc.points.map { ChartPoint($0.falsePositiveRate, $0.truePositiveRate) },
        role: .accent),
      ChartSeries(
        "threshold", points: [ChartPoint(point.falsePositiveRate, point.truePositiveRate)],
        role: .warn, marker: "●"),
    ], xRange: 0...1, yRange: 0...1, xLabel: "false-positive rate")
  canvas.draw(chart, in: parts[0], theme: theme)
  guard parts.count > 1 else { return }
  var right = parts[1]
  let positive = curve.positiveClass
  let name = curve.classNames[positive]
  let lines = [
    "AUC \(NumberFormat.fixed(roc.auc, 2)) (95% CI \(NumberFormat.fixed(roc.aucLower, 2))–\(NumberFormat.fixed(roc.aucUpper, 2)))",
    cut == 0
      ? "Threshold: above every score"
      : "Threshold: \(name) if p ≥ \(NumberFormat.fixed(threshold, 3))",
  ]
  for (i, line) in lines.enumerated() where i < right.height {
    canvas.put(
      line, x: right.x, y: right.y + i, width: right.width, ellipsis: theme.glyphs.ellipsis,
      style: theme.style(i == 0 ? .title : .text))
  }
  right = right.inset(top: lines.count)
  // Counts in class order: rows true, columns predicted.
  var counts = [[0, 0], [0, 0]]
  let negative = 1 - positive
  counts[positive][positive] = metrics.truePositives
  counts[positive][negative] = metrics.falseNegatives
  counts[negative][positive] = metrics.falsePositives
  counts[negative][negative] = metrics.trueNegatives
  let percent = { (value: Double?) in value.map { NumberFormat.percent($0) } ?? "–" }
  let prevalence = curve.prevalence
  let metricLines = [
    "sensitivity \(percent(metrics.sensitivity.estimate))  specificity \(percent(metrics.specificity.estimate))",
    "at \(NumberFormat.percent(prevalence)) prevalence: PPV \(percent(metrics.positivePredictiveValue(prevalence: prevalence))) NPV \(percent(metrics.negativePredictiveValue(prevalence: prevalence)))",
    "[ ] move the threshold",
  ]
  canvas.draw(
    ConfusionMatrixView(classNames: curve.classNames, counts: counts, metricLines: metricLines),
    in: right, theme: theme)
}

extension RecapRow {
  /// A row from its values (for states built by hand).
  init(
    experiment: Int, title: String, seed: UInt64, epochs: Int, classWeighting: Bool,
    accuracy: ExperimentResult.Interval, sensitivity: ExperimentResult.Interval?,
    specificity: ExperimentResult.Interval?, pointShown: Bool?, curve: RecapCurve?
  ) {
    self.experiment = experiment
    self.title = title
    self.seed = seed
    self.epochs = epochs
    self.classWeighting = classWeighting
    self.accuracy = accuracy
    self.sensitivity = sensitivity
    self.specificity = specificity
    self.pointShown = pointShown
    self.curve = curve
  }
}
