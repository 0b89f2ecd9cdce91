import Foundation
import HemoCore
import HemoLesson

/// What a saved model records besides its weights, so `predict` can prepare images exactly as
/// training did.
enum ModelMetadata {
  static func describe(_ experiment: ExperimentDefinition, data: ExperimentData, seed: UInt64)
    -> [String: String]
  {
    var metadata: [String: String] = [
      "hemolab.experiment": String(experiment.id),
      "hemolab.title": experiment.title,
      "hemolab.data": data.classNames.joined(separator: ","),
      "hemolab.seed": String(seed),
    ]
    if let json = try? JSONEncoder().encode(data.preprocessing) {
      metadata["hemolab.preprocessing"] = String(decoding: json, as: UTF8.self)
    }
    return metadata
  }

  /// The preprocessing a model was trained with.
  static func preprocessing(_ metadata: [String: String], file: String) throws(HemoError)
    -> Preprocessing
  {
    guard let text = metadata["hemolab.preprocessing"],
      let value = try? JSONDecoder().decode(Preprocessing.self, from: Data(text.utf8))
    else {
      throw HemoError(
        file: file, "does not say how its images were prepared",
        advice: "train it with hemolab train")
    }
    return value
  }
}
