import Foundation

/// Reads and writes a Teachable Machine project's `manifest.json`, e.g.
/// `{"type":"image","version":"2.4.1","appdata":{"publishResults":{},"trainEpochs":15,
/// "trainBatchSize":16,"trainLearningRate":0.00003}}`.
enum TeachableMachineManifest {
  /// The manifest version HemoLab writes (the one the course's files carry).
  static let writtenVersion = "2.4.1"

  struct Contents: Equatable {
    var type: String?
    var version: String?
    var settings: TeachableMachineSettings
  }

  static func parse(_ data: Data, file: String) throws(HemoError) -> Contents {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data, options: [])
    } catch {
      throw HemoError(file: file, "manifest.json is not valid JSON")
    }
    guard let root = object as? [String: Any] else {
      throw HemoError(file: file, "manifest.json is not a JSON object")
    }
    let appdata = root["appdata"] as? [String: Any] ?? [:]
    let epochs = integer(appdata["trainEpochs"])
    let batch = integer(appdata["trainBatchSize"])
    let rate = (appdata["trainLearningRate"] as? NSNumber)?.doubleValue
    return Contents(
      type: root["type"] as? String, version: root["version"] as? String,
      settings: TeachableMachineSettings(
        epochs: epochs, batchSize: batch, learningRate: rate.flatMap { $0.isFinite ? $0 : nil }))
  }

  /// The manifest text for `settings` (keys in Teachable Machine's order, absent values omitted).
  static func encode(_ settings: TeachableMachineSettings) -> Data {
    var appdata = ["\"publishResults\":{}"]
    if let epochs = settings.epochs { appdata.append("\"trainEpochs\":\(epochs)") }
    if let batch = settings.batchSize { appdata.append("\"trainBatchSize\":\(batch)") }
    if let rate = settings.learningRate, rate.isFinite {
      appdata.append("\"trainLearningRate\":\(TeachableMachineSettings.formatRate(rate))")
    }
    let text =
      "{\"type\":\"image\",\"version\":\"\(writtenVersion)\",\"appdata\":{"
      + appdata.joined(separator: ",") + "}}"
    return Data(text.utf8)
  }

  private static func integer(_ value: Any?) -> Int? {
    guard let number = value as? NSNumber else { return nil }
    let double = number.doubleValue
    guard double.isFinite, double == double.rounded(), abs(double) < 1e9 else { return nil }
    return Int(double)
  }
}
