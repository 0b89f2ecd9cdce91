/// The training settings a Teachable Machine project was saved with (its manifest's `appdata`):
/// epochs, batch size, learning rate. Any of them may be absent from an older or edited file.
public struct TeachableMachineSettings: Sendable, Equatable {
  public var epochs: Int?
  public var batchSize: Int?
  public var learningRate: Double?

  public init(epochs: Int? = nil, batchSize: Int? = nil, learningRate: Double? = nil) {
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
  }

  /// Teachable Machine's own defaults: 50 epochs, batch 16, learning rate 0.001.
  public static let teachableMachineDefaults = TeachableMachineSettings(
    epochs: 50, batchSize: 16, learningRate: 0.001)

  /// "15 epochs, batch 16, learning rate 0.00003" (unknown values shown as "?").
  public var summary: String {
    let epochText = epochs.map(String.init) ?? "?"
    let batchText = batchSize.map(String.init) ?? "?"
    let rateText = learningRate.map(Self.formatRate) ?? "?"
    return "\(epochText) epochs, batch \(batchText), learning rate \(rateText)"
  }

  /// A learning rate written as a plain decimal ("0.00003"), as Teachable Machine shows it.
  public static func formatRate(_ rate: Double) -> String {
    guard rate.isFinite, rate > 0, rate < 1e6 else { return String(rate) }
    for digits in 0...12 {
      let text = String(format: "%.\(digits)f", rate)
      if let value = Double(text), abs(value - rate) <= abs(rate) * 1e-9 { return text }
    }
    return String(rate)
  }
}
