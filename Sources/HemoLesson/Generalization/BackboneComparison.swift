import Foundation
import HemoCore
import HemoTrain

/// One experiment trained from scratch, from the frozen pretrained backbone and fine-tuned from
/// it, with the same seed: the same split, the same test images, the same batch order.
public struct BackboneComparison: Sendable, Codable, Equatable {
  /// One of the runs.
  public struct Side: Sendable, Codable, Equatable {
    public var backbone: BackboneMode
    public var accuracy: ExperimentResult.Interval
    public var sensitivity: ExperimentResult.Interval?
    public var specificity: ExperimentResult.Interval?
    public var trainAccuracy: Double
    /// Rows = true class, columns = predicted.
    public var confusionMatrix: [[Int]]
    public var trainingSeconds: Double

    public init(
      backbone: BackboneMode, accuracy: ExperimentResult.Interval,
      sensitivity: ExperimentResult.Interval? = nil,
      specificity: ExperimentResult.Interval? = nil, trainAccuracy: Double,
      confusionMatrix: [[Int]], trainingSeconds: Double
    ) {
      self.backbone = backbone
      self.accuracy = accuracy
      self.sensitivity = sensitivity
      self.specificity = specificity
      self.trainAccuracy = trainAccuracy
      self.confusionMatrix = confusionMatrix
      self.trainingSeconds = trainingSeconds
    }

    public init(_ result: ExperimentResult) {
      self.init(
        backbone: result.settings.backbone, accuracy: result.accuracy,
        sensitivity: result.sensitivity, specificity: result.specificity,
        trainAccuracy: result.epochs.last?.trainAccuracy ?? 0,
        confusionMatrix: result.confusionMatrix, trainingSeconds: result.trainingSeconds)
    }
  }

  public var experiment: Int
  public var title: String
  public var classes: [String]
  public var positiveClass: String?
  public var seed: UInt64
  public var testImages: Int
  public var sides: [Side]
  /// What the comparison shows, written from the numbers.
  public var reading: String

  /// Trains `experiment` on `data` once per mode in `modes`, in that order, through
  /// `orchestrator` (results not recorded). `progress` receives the mode and the latest
  /// snapshot, `finished` each run's result as it ends. Throws `CancellationError` when
  /// `isCancelled` turns true.
  public static func run(
    _ experiment: ExperimentDefinition, data: ExperimentData, dataDescription: String,
    modes: [BackboneMode] = BackboneMode.allCases,
    overrides: TrainingOverrides = TrainingOverrides(), file: String = "experiment",
    orchestrator: RunOrchestrator = RunOrchestrator(),
    progress: (BackboneMode, Snapshot) -> Void = { _, _ in },
    finished: (ExperimentResult) -> Void = { _ in },
    isCancelled: () -> Bool = { false }
  ) throws -> BackboneComparison {
    var results: [ExperimentResult] = []
    for mode in modes {
      var changed = overrides
      changed.backbone = mode
      let outcome = try orchestrator.run(
        RunRequest(
          experiment, data: data, dataDescription: dataDescription, overrides: changed, file: file),
        record: false, progress: { progress(mode, $0) }, isCancelled: isCancelled)
      results.append(outcome.result)
      finished(outcome.result)
    }
    return BackboneComparison(results: results)
  }

  /// The comparison of finished runs (at least one) with the same seed.
  public init(results: [ExperimentResult]) {
    precondition(!results.isEmpty)
    self.init(
      experiment: results[0].experiment, title: results[0].title,
      classes: results[0].classNames, positiveClass: results[0].positiveClass,
      seed: results[0].settings.seed, sides: results.map(Side.init))
  }

  /// A comparison from its sides (at least one; the reading is written from them).
  public init(
    experiment: Int, title: String, classes: [String], positiveClass: String?, seed: UInt64,
    sides: [Side]
  ) {
    precondition(!sides.isEmpty)
    self.experiment = experiment
    self.title = title
    self.classes = classes
    self.positiveClass = positiveClass
    self.seed = seed
    self.testImages = sides[0].accuracy.trials
    self.sides = sides
    reading = Self.reading(sides, positive: positiveClass)
  }

  /// The side trained with `mode`, if it ran.
  public func side(_ mode: BackboneMode) -> Side? {
    sides.first { $0.backbone == mode }
  }

  /// "On the same 200 test images, accuracy was 0.74 from scratch, 0.81 with the pretrained
  /// backbone frozen (+0.07) …" and, for each pretrained run, whether its difference from
  /// scratch is within the noise of the test set (1.96 standard errors of a difference of two
  /// proportions).
  static func reading(_ sides: [Side], positive: String? = nil) -> String {
    guard let scratch = sides.first(where: { $0.backbone == .scratch }) else { return "" }
    let pretrained = sides.filter { $0.backbone != .scratch }
    guard !pretrained.isEmpty else { return "" }
    let n = LessonReading.number
    let judged = pretrained.map { side in
      (
        side: side, difference: side.accuracy.estimate - scratch.accuracy.estimate,
        margin: LessonReading.differenceMargin(side.accuracy, scratch.accuracy)
      )
    }
    let parts = judged.enumerated().map { index, item in
      let how =
        item.side.backbone == .frozen
        ? "with the pretrained backbone frozen"
        : (index > 0 ? "fine-tuned" : "with the pretrained backbone fine-tuned")
      let sign = item.difference >= 0 ? "+" : "−"
      return "\(n(item.side.accuracy.estimate)) \(how) (\(sign)\(n(abs(item.difference))))"
    }
    var text =
      "On the same \(scratch.accuracy.trials) test images, accuracy was \(n(scratch.accuracy.estimate)) from scratch, "
      + parts.joined(separator: " and ") + "."
    if judged.allSatisfy({ abs($0.difference) < $0.margin }) {
      let overlap = judged.allSatisfy {
        $0.side.accuracy.lower <= scratch.accuracy.upper
          && scratch.accuracy.lower <= $0.side.accuracy.upper
      }
      let one = judged.count == 1
      text +=
        " \(one ? "This difference is" : "Both differences are") within the noise of the test set (±\(n(judged.map(\.margin).max() ?? 0)))"
        + (overlap ? " and the intervals overlap" : "")
        + ": another seed could shrink or reverse \(one ? "it" : "them")."
    } else {
      for item in judged {
        let name = item.side.backbone == .frozen ? "The frozen backbone" : "Fine-tuning"
        if abs(item.difference) < item.margin {
          text += " \(name)'s difference is within the noise (±\(n(item.margin)))."
        } else {
          let helped = item.difference > 0
          text +=
            " \(name) \(helped ? "gains" : "loses") more than the noise of the test set (±\(n(item.margin))): on these images the pretrained start \(helped ? "helped" : "hurt")."
        }
      }
    }
    if let positive, let found = scratch.sensitivity {
      let others = pretrained.compactMap { side in
        side.sensitivity.map {
          "\($0.successes) \(side.backbone == .frozen ? "frozen" : "fine-tuned")"
        }
      }
      if !others.isEmpty {
        text +=
          " It found \(found.successes) of \(found.trials) \(positive) test images from scratch, "
          + others.joined(separator: " and ") + "."
      }
    }
    return text
  }

  /// The comparison as a table for a terminal.
  public var text: String {
    var lines = ["Experiment \(experiment): \(title), seed \(seed), \(testImages) test images"]
    lines.append("backbone    accuracy (95 % interval)   train acc   seconds")
    for side in sides {
      let a = side.accuracy
      lines.append(
        side.backbone.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
          + String(
            format: "  %.2f (%.2f–%.2f)         %.2f        %.1f", a.estimate, a.lower, a.upper,
            side.trainAccuracy, side.trainingSeconds))
    }
    lines.append(reading)
    return lines.joined(separator: "\n")
  }
}
