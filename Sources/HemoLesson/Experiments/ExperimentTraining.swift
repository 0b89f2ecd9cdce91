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

  public init(
    seed: UInt64? = nil, epochs: Int? = nil, learningRate: Float? = nil, batchSize: Int? = nil,
    threads: Int? = nil, classWeighting: Bool? = nil
  ) {
    self.seed = seed
    self.epochs = epochs
    self.learningRate = learningRate
    self.batchSize = batchSize
    self.threads = threads
    self.classWeighting = classWeighting
  }
}

extension Experiment {
  /// The trainer's settings for this experiment, with `overrides` applied.
  public func trainingConfig(_ overrides: TrainingOverrides = TrainingOverrides()) -> TrainingConfig
  {
    TrainingConfig(
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
      augmentation: training.augmentation)
  }
}
