import Foundation

extension LearningCurve {
  /// One line per training-set size with its accuracy and interval, and the reading.
  public var text: String {
    let test = zip(classes, testPerClass).map { "\($1) \($0)" }.joined(separator: ", ")
    var lines = [
      "Experiment \(experiment): \(title), learning curve (seed \(seed))",
      "Every size is tested on the same \(testPerClass.reduce(0, +)) images (\(test)); each trains at least \(minimumBatches) batches.",
      "",
    ]
    let hasPair = points.contains { $0.sensitivity != nil }
    lines.append(
      "  per class  images  epochs  accuracy            "
        + (hasPair ? "sensitivity         specificity" : "") + "  seconds")
    for point in points {
      var line =
        ExperimentReport.right(point.trainPerClass.map(String.init).joined(separator: "/"), 11)
        + ExperimentReport.right(point.trainImages, 8) + ExperimentReport.right(point.epochs, 8)
        + "  " + SeedVariability.cell(point.accuracy)
      if let sensitivity = point.sensitivity { line += "  " + SeedVariability.cell(sensitivity) }
      if let specificity = point.specificity { line += "  " + SeedVariability.cell(specificity) }
      line += ExperimentReport.right(String(format: "%.1f", point.seconds), 9)
      lines.append(line)
    }
    let capped = points.filter { point in
      point.trainPerClass.contains { $0 < point.requestedPerClass }
    }
    if let point = capped.last {
      lines.append(
        "(\(point.requestedPerClass) a class asked; a class with fewer training images gives all it has.)"
      )
    }
    lines.append("")
    lines.append(ExperimentReport.wrap("What this shows: " + reading, width: 100))
    return lines.joined(separator: "\n")
  }
}
