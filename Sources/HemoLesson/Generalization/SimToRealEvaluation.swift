import Foundation
import HemoCore
import HemoTrain

/// A model trained only on built-in synthetic images, tested on real ones (a .tm project or a
/// folder): how much of what it learned from the generator carries over to real head CT.
public struct SimToRealEvaluation: Sendable, Codable, Equatable {
  public var experiment: Int
  public var title: String
  /// The model's classes (the experiment's), in model order.
  public var classes: [String]
  /// For each real class (in the real data's order), the model class it was matched to.
  public var matching: [ClassMatch]
  /// The training seed of the model.
  public var seed: UInt64
  /// Where the real images came from.
  public var realData: String
  /// The synthetic test split (internal) and the real images, rows = true class (model order).
  public var synthetic: ExternalEvaluation.Side
  public var real: ExternalEvaluation.Side

  /// A real class and the experiment class it counts as.
  public struct ClassMatch: Sendable, Codable, Equatable {
    public var real: String
    public var model: String
  }

  /// Evaluates `model` (trained in `result` on the synthetic images) on `real`.
  public init(
    experiment: ExperimentDefinition, result: ExperimentResult, model: Model,
    real data: ExperimentData, realDescription: String
  ) throws(HemoError) {
    guard model.input == data.dataset.shape else {
      throw HemoError(
        file: realDescription,
        "its images were prepared as \(data.dataset.shape) but the model takes \(model.input)")
    }
    let mapping = try Self.match(
      real: data.classNames, model: model.classNames, file: realDescription)
    self.experiment = result.experiment
    title = result.title
    classes = model.classNames
    matching = zip(data.classNames, mapping).map {
      ClassMatch(real: $0, model: model.classNames[$1])
    }
    seed = result.settings.seed
    realData = realDescription
    synthetic = ExternalEvaluation.Side(
      name: "synthetic test split", classNames: result.classNames,
      truth: result.predictions.map(\.truth),
      probabilities: result.predictions.map(\.probabilities), positiveClass: nil)
    let probabilities = model.predict(data.dataset.images, count: data.dataset.count)
    real = ExternalEvaluation.Side(
      name: "real", classNames: model.classNames,
      truth: data.dataset.labels.map { mapping[$0] }, probabilities: probabilities,
      positiveClass: nil)
  }

  /// For each real class name, the index of the model class it names: the same name (ignoring
  /// case, spaces, dashes and underscores), else the one name containing the other
  /// ("Parenchymal" → "Intraparenchymal"). Every model class must be matched exactly once.
  public static func match(real: [String], model: [String], file: String) throws(HemoError)
    -> [Int]
  {
    func key(_ name: String) -> String {
      name.lowercased().filter { $0.isLetter || $0.isNumber }
    }
    let modelKeys = model.map(key)
    var mapping: [Int] = []
    for name in real {
      let k = key(name)
      var candidates = modelKeys.indices.filter { modelKeys[$0] == k }
      if candidates.isEmpty {
        candidates = modelKeys.indices.filter {
          !k.isEmpty && (modelKeys[$0].contains(k) || k.contains(modelKeys[$0]))
        }
      }
      guard candidates.count == 1 else {
        throw HemoError(
          file: file,
          "its class \"\(name)\" matches \(candidates.isEmpty ? "none" : "more than one") of the experiment's classes (\(model.joined(separator: ", ")))",
          advice: "name the real classes as the experiment does")
      }
      mapping.append(candidates[0])
    }
    let unmatched = model.indices.filter { !mapping.contains($0) }
    if !unmatched.isEmpty || Set(mapping).count != mapping.count {
      throw HemoError(
        file: file,
        "its classes (\(real.joined(separator: ", "))) cannot be matched one to one with the experiment's (\(model.joined(separator: ", ")))",
        advice: "the real data needs exactly the experiment's classes")
    }
    return mapping
  }

  /// The report as text: the class matching, accuracy and both confusion matrices.
  public var text: String {
    var lines = ["Experiment \(experiment): \(title) · trained on synthetic images, seed \(seed)"]
    lines.append("Real images: \(realData)")
    lines.append(
      "Classes matched: "
        + matching.map { $0.real == $0.model ? $0.real : "\($0.real) → \($0.model)" }.joined(
          separator: ", "))
    for side in [synthetic, real] {
      lines.append("")
      lines.append(
        String(
          format: "%@ (%d images): accuracy %.3f (95%% CI %.3f–%.3f)", side.name, side.images,
          side.accuracy.estimate, side.accuracy.lower, side.accuracy.upper))
      lines.append(contentsOf: Self.matrix(side.confusionMatrix, classes: classes))
    }
    return lines.joined(separator: "\n")
  }

  /// A confusion matrix as aligned rows: true class down, predicted across.
  static func matrix(_ counts: [[Int]], classes: [String]) -> [String] {
    let width = max(10, classes.map(\.count).max() ?? 0)
    func pad(_ text: String) -> String {
      String(repeating: " ", count: max(0, width - text.count)) + text
    }
    var rows = [pad("true\\pred") + classes.map { " " + pad($0) }.joined()]
    for (index, row) in counts.enumerated() {
      rows.append(pad(classes[index]) + row.map { " " + pad(String($0)) }.joined())
    }
    return rows
  }
}
