import Foundation
import HemoTrain

/// The headless report of one run, as text for a terminal or as JSON.
public enum ExperimentReport {
  /// The full text report: data, settings, class counts, epochs, confusion matrix, metrics, reading.
  public static func text(_ result: ExperimentResult) -> String {
    var lines: [String] = []
    lines.append("Experiment \(result.experiment): \(result.title)")
    let s = result.settings
    let colour = s.colourCoding.map { ", \(format($0[0]))–\(format($0[1])) HU painted red" } ?? ""
    lines.append(
      "Data:     \(result.data); input \(s.inputSize)×\(s.inputSize), \(s.channels == 1 ? "grey" : "RGB"), window \(s.window)\(colour)"
    )
    lines.append(
      "Settings: \(s.epochs) epochs, batch \(s.batchSize), learning rate \(format(s.learningRate)), \(s.optimizer), seed \(s.seed), class weighting \(s.classWeighting ? "on" : "off"), \(s.threads) thread\(s.threads == 1 ? "" : "s"), \(s.backbone.label)"
    )
    lines.append("")
    let nameWidth = max(10, result.classes.map(\.name.count).max() ?? 0)
    lines.append(pad("Class", nameWidth) + "  images  train  test")
    for item in result.classes {
      lines.append(
        pad(item.name, nameWidth) + "  " + right(item.images, 6) + "  " + right(item.train, 5)
          + "  " + right(item.test, 4))
    }
    lines.append("")
    lines.append("Epoch  train loss  train acc  test loss  test acc")
    for epoch in result.epochs {
      lines.append(
        right(epoch.epoch, 5) + "  " + right(String(format: "%.3f", epoch.trainLoss), 10) + "  "
          + right(String(format: "%.2f", epoch.trainAccuracy), 9) + "  "
          + right(String(format: "%.3f", epoch.testLoss), 9) + "  "
          + right(String(format: "%.2f", epoch.testAccuracy), 8))
    }
    lines.append("")
    lines += matrixLines(result)
    lines.append("")
    let a = result.accuracy
    lines.append(
      "Accuracy     \(String(format: "%.2f", a.estimate))  95 % interval \(interval(a))  (\(a.successes) of \(a.trials) test images)"
    )
    if let sensitivity = result.sensitivity, let positive = result.positiveClass {
      lines.append(
        "Sensitivity  \(String(format: "%.2f", sensitivity.estimate))  95 % interval \(interval(sensitivity))  (\(sensitivity.successes) of \(sensitivity.trials) \(positive) found)"
      )
    }
    if let specificity = result.specificity {
      lines.append(
        "Specificity  \(String(format: "%.2f", specificity.estimate))  95 % interval \(interval(specificity))  (\(specificity.successes) of \(specificity.trials) others called so)"
      )
    }
    lines.append("")
    lines.append(wrap("What this shows: " + result.reading, width: 100))
    if let course = result.courseResult {
      let total = course.matrix.joined().reduce(0, +)
      let correct = course.matrix.indices.reduce(0) { $0 + course.matrix[$1][$1] }
      lines.append(
        "The course's run (Teachable Machine, pretrained network, \(course.epochs) epochs): accuracy \(String(format: "%.2f", Double(correct) / Double(max(total, 1)))) (\(correct) of \(total))."
      )
    }
    lines.append(
      "Trained in \(String(format: "%.1f", result.trainingSeconds)) s (\(Int(result.imagesPerSecond.rounded())) images/s)."
    )
    return lines.joined(separator: "\n")
  }

  /// The confusion matrix as a text grid with per-class accuracy.
  public static func matrixLines(_ result: ExperimentResult) -> [String] {
    let names = result.classNames
    let nameWidth = max(10, names.map(\.count).max() ?? 0)
    let cell = max(8, names.map { $0.count + 2 }.max() ?? 0)
    var lines = ["Confusion matrix (rows: true class, columns: predicted)"]
    lines.append(
      pad("", nameWidth) + names.map { centre($0, cell) }.joined() + "  per-class accuracy")
    for (row, counts) in result.confusionMatrix.enumerated() {
      let item = result.classes[row].accuracy
      lines.append(
        pad(names[row], nameWidth) + counts.map { centre(String($0), cell) }.joined() + "  "
          + String(format: "%.2f", item.estimate) + " (\(interval(item)))")
    }
    return lines
  }

  /// JSON of one result when there is one, else of the list (the CLI's `--seeds N --json`).
  public static func json<T: Encodable>(oneOrMany values: [T]) -> String {
    values.count == 1 ? json(values[0]) : json(values)
  }

  /// JSON of one or several results.
  public static func json<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// A one-screen table of several runs, like the lesson's table of the five experiments.
  public static func summary(_ results: [ExperimentResult]) -> String {
    var lines = [
      "#  Experiment                   Classes (images)              Accuracy (95 % interval)   Sens.  Spec.  Shown"
    ]
    for result in results {
      let classes = result.classes.map { "\($0.name) \($0.images)" }.joined(separator: ", ")
      let sens = result.sensitivity.map { String(format: "%.2f", $0.estimate) } ?? "  – "
      let spec = result.specificity.map { String(format: "%.2f", $0.estimate) } ?? "  – "
      let shown = result.pointShown.map { $0 ? "yes" : "NO" } ?? "–"
      lines.append(
        pad(String(result.experiment), 3) + pad(String(result.title.prefix(28)), 29)
          + pad(String(classes.prefix(29)), 30)
          + pad(
            String(format: "%.2f", result.accuracy.estimate) + " (" + interval(result.accuracy)
              + ")", 27)
          + pad(sens, 7) + pad(spec, 7) + shown)
    }
    return lines.joined(separator: "\n")
  }

  static func interval(_ value: ExperimentResult.Interval) -> String {
    String(format: "%.2f–%.2f", value.lower, value.upper)
  }

  static func format(_ value: Float) -> String {
    value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : String(value)
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  static func right(_ value: Any, _ width: Int) -> String {
    let text = "\(value)"
    return text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }

  static func centre(_ text: String, _ width: Int) -> String {
    let space = max(0, width - text.count)
    return String(repeating: " ", count: space / 2) + text
      + String(repeating: " ", count: space - space / 2)
  }

  /// Wraps prose at word boundaries.
  public static func wrap(_ text: String, width: Int) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
  }
}
