import Foundation

extension SeedVariability {
  /// One line per seed, the spread of each metric, and the reading, for a terminal.
  public var text: String {
    var lines = [
      "Experiment \(experiment): \(title), trained with \(runs.count) seeds on the same images"
    ]
    lines.append("")
    let hasPair = runs.contains { $0.sensitivity != nil }
    lines.append(
      "    seed  accuracy            " + (hasPair ? "sensitivity         specificity" : ""))
    for run in runs {
      var line =
        ExperimentReport.right(run.seed, 8) + "  " + Self.cell(run.accuracy)
      if let sensitivity = run.sensitivity { line += "  " + Self.cell(sensitivity) }
      if let specificity = run.specificity { line += "  " + Self.cell(specificity) }
      lines.append(line)
    }
    lines.append("")
    lines.append(
      ExperimentReport.pad("", 12)
        + ["median", "min", "max", "spread"].map { ExperimentReport.right($0, 6) }
        .joined(separator: "  ") + "  one run's ±")
    lines.append(Self.spreadLine("accuracy", accuracy))
    if let sensitivity { lines.append(Self.spreadLine("sensitivity", sensitivity)) }
    if let specificity { lines.append(Self.spreadLine("specificity", specificity)) }
    if !comparisons.isEmpty {
      lines.append("")
      for item in comparisons {
        lines.append(
          "Experiment \(item.experiment): accuracy \(String(format: "%.2f", item.accuracy)), \(item.difference >= 0 ? "+" : "−")\(Self.points(abs(item.difference))) points from this median"
        )
      }
    }
    lines.append("")
    lines.append(ExperimentReport.wrap("What this shows: " + reading, width: 100))
    return lines.joined(separator: "\n")
  }

  /// "0.78 (0.70–0.84)" padded to 18 columns.
  static func cell(_ value: ExperimentResult.Interval) -> String {
    ExperimentReport.pad(
      String(format: "%.2f", value.estimate) + " (" + ExperimentReport.interval(value) + ")", 18)
  }

  static func spreadLine(_ name: String, _ spread: Spread) -> String {
    ExperimentReport.pad(name, 12)
      + [spread.median, spread.minimum, spread.maximum, spread.range]
      .map { ExperimentReport.right(String(format: "%.2f", $0), 6) }.joined(separator: "  ")
      + "       ±" + String(format: "%.2f", spread.meanHalfWidth)
  }
}
