import Foundation

extension ExternalEvaluation {
  /// Internal and external results side by side, for a terminal.
  public var text: String {
    var lines = ["Experiment \(experiment): \(title), seed \(seed): does it generalize?"]
    lines.append(
      ExperimentReport.wrap(
        "External images: \(external.images) from \(externalDescription); generator seed \(externalGeneratorSeed).",
        width: 100))
    lines.append("")
    let left = Self.matrixLines(`internal`, classes: classes)
    let right = Self.matrixLines(external, classes: classes)
    let width = (left.map(\.count).max() ?? 0) + 4
    for (a, b) in zip(left, right) { lines.append(ExperimentReport.pad(a, width) + b) }
    lines.append("")
    lines.append(
      ExperimentReport.pad("", 13) + ExperimentReport.pad("internal (\(`internal`.images))", 24)
        + "external (\(external.images))")
    lines.append(Self.row("Accuracy", `internal`.accuracy, external.accuracy))
    if let a = `internal`.sensitivity, let b = external.sensitivity {
      lines.append(Self.row("Sensitivity", a, b))
    }
    if let a = `internal`.specificity, let b = external.specificity {
      lines.append(Self.row("Specificity", a, b))
    }
    if let a = `internal`.auc, let b = external.auc {
      lines.append(
        ExperimentReport.pad("AUC", 13) + Self.cell(a.estimate, a.lower, a.upper) + "  "
          + Self.cell(b.estimate, b.lower, b.upper))
    }
    lines.append(
      "Accuracy at the other hospital: \(String(format: "%+.1f", -accuracyDrop * 100)) points")
    lines.append("")
    lines.append(ExperimentReport.wrap("What this means: " + reading, width: 100))
    return lines.joined(separator: "\n")
  }

  static func cell(_ estimate: Double, _ lower: Double, _ upper: Double) -> String {
    ExperimentReport.pad(String(format: "%.2f (%.2f–%.2f)", estimate, lower, upper), 22)
  }

  static func row(
    _ name: String, _ a: ExperimentResult.Interval, _ b: ExperimentResult.Interval
  ) -> String {
    ExperimentReport.pad(name, 13) + cell(a.estimate, a.lower, a.upper) + "  "
      + cell(b.estimate, b.lower, b.upper)
  }

  /// "Internal test split" over a small grid: rows true class, columns predicted.
  static func matrixLines(_ side: Side, classes: [String]) -> [String] {
    let nameWidth = max(8, classes.map(\.count).max() ?? 0)
    let cell = max(7, classes.map { $0.count + 2 }.max() ?? 0)
    var lines = [side.name.prefix(1).uppercased() + side.name.dropFirst() + " (rows true)"]
    lines.append(
      ExperimentReport.pad("", nameWidth)
        + classes.map { ExperimentReport.centre($0, cell) }.joined())
    for (row, counts) in side.confusionMatrix.enumerated() {
      lines.append(
        ExperimentReport.pad(classes[row], nameWidth)
          + counts.map { ExperimentReport.centre(String($0), cell) }.joined())
    }
    return lines
  }
}
