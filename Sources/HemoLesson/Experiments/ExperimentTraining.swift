import HemoCore
import HemoTrain

/// Command-line or UI changes to an experiment's training settings; nil keeps the file's value.
public struct TrainingOverrides: Sendable, Equatable {
  public var seed: UInt64?
  public var epochs: Int?
  public var learningRate: Float?
  public var batchSize: Int?
  public var threads: Int?
  public var classWeighting: Bool?
  /// Scratch, or the pretrained backbone frozen or fine-tuned.
  public var backbone: BackboneMode?

  public init(
    seed: UInt64? = nil, epochs: Int? = nil, learningRate: Float? = nil, batchSize: Int? = nil,
    threads: Int? = nil, classWeighting: Bool? = nil, backbone: BackboneMode? = nil
  ) {
    self.seed = seed
    self.epochs = epochs
    self.learningRate = learningRate
    self.batchSize = batchSize
    self.threads = threads
    self.classWeighting = classWeighting
    self.backbone = backbone
  }
}

extension Experiment {
  /// The backbone mode after `overrides`: scratch unless the file or the override asks.
  public func backboneMode(_ overrides: TrainingOverrides = TrainingOverrides()) -> BackboneMode {
    overrides.backbone ?? training.backbone
  }

  /// Like `trainingConfig`, but says why when the pretrained backbone cannot be loaded.
  public func checkedTrainingConfig(_ overrides: TrainingOverrides = TrainingOverrides())
    throws(HemoError) -> TrainingConfig
  {
    if backboneMode(overrides) != .scratch { _ = try ShippedBackbone.load() }
    return trainingConfig(overrides)
  }

  /// The trainer's settings for this experiment, with `overrides` applied. A pretrained mode
  /// whose backbone cannot be loaded falls back to scratch here; `checkedTrainingConfig` (and
  /// so every run's plan) reports the problem instead.
  public func trainingConfig(_ overrides: TrainingOverrides = TrainingOverrides()) -> TrainingConfig
  {
    let mode = backboneMode(overrides)
    let transfer =
      mode == .scratch
      ? nil : (try? ShippedBackbone.load()).map { Transfer(backbone: $0, frozen: mode == .frozen) }
    return TrainingConfig(
      epochs: overrides.epochs ?? training.epochs,
      batchSize: overrides.batchSize ?? training.batchSize,
      learningRate: overrides.learningRate ?? training.learningRate,
      optimizer: training.optimizer,
      seed: overrides.seed ?? training.seed,
      classWeighting: overrides.classWeighting ?? training.classWeighting,
      oversampling: false,
      threads: overrides.threads ?? 2,
      testFraction: training.testFraction,
      positiveClass: positiveClassIndex,
      augmentation: training.augmentation,
      transfer: transfer,
      learningRateDecay: training.learningRateDecay,
      outputInitScale: training.outputInitScale)
  }
}
