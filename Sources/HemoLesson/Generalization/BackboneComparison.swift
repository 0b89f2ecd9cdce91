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
    public var trainAccuracy: Double
    public var confusionMatrix: [[Int]]
    public var trainingSeconds: Double
  }

  public var experiment: Int
  public var title: String
  public var seed: UInt64
  public var testImages: Int
  public var sides: [Side]
  /// What the comparison shows, written from the numbers.
  public var reading: String

  /// Trains `experiment` on `data` once per mode in `modes`.
  public static func run(
    _ experiment: ExperimentDefinition, data: ExperimentData, dataDescription: String,
    modes: [BackboneMode] = BackboneMode.allCases,
    overrides: TrainingOverrides = TrainingOverrides(), file: String = "experiment",
    progress: (BackboneMode, Snapshot) -> Void = { _, _ in }
  ) throws -> BackboneComparison {
    var results: [ExperimentResult] = []
    for mode in modes {
      var changed = overrides
      changed.backbone = mode
      results.append(
        try ExperimentRunner.run(
          experiment, data: data, dataDescription: dataDescription, overrides: changed, file: file
        ) { progress(mode, $0) })
    }
    return BackboneComparison(results: results)
  }

  /// The comparison of finished runs (at least one) with the same seed.
  public init(results: [ExperimentResult]) {
    precondition(!results.isEmpty)
    experiment = results[0].experiment
    title = results[0].title
    seed = results[0].settings.seed
    testImages = results[0].accuracy.trials
    sides = results.map {
      Side(
        backbone: $0.settings.backbone, accuracy: $0.accuracy,
        trainAccuracy: $0.epochs.last?.trainAccuracy ?? 0, confusionMatrix: $0.confusionMatrix,
        trainingSeconds: $0.trainingSeconds)
    }
    reading = Self.reading(results)
  }

  static func reading(_ results: [ExperimentResult]) -> String {
    guard let scratch = results.first(where: { $0.settings.backbone == .scratch }),
      let best = results.filter({ $0.settings.backbone != .scratch }).max(by: {
        $0.accuracy.estimate < $1.accuracy.estimate
      })
    else { return "" }
    let gain = best.accuracy.estimate - scratch.accuracy.estimate
    let noise = LessonReading.noiseNote(best.accuracy, scratch.accuracy)
    let verb = gain > 0 ? "raised" : (gain < 0 ? "lowered" : "left")
    return
      "On the same \(scratch.accuracy.trials) test images, starting from the pretrained backbone (\(best.settings.backbone.rawValue)) \(verb) accuracy from \(LessonReading.number(scratch.accuracy.estimate)) to \(LessonReading.number(best.accuracy.estimate))."
      + noise
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
