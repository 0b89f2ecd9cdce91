import Foundation

/// The optimizer: Adam (β₁ 0.9, β₂ 0.999, ε 1e-7, as Teachable Machine uses) or plain gradient
/// descent with momentum.
public enum OptimizerKind: Sendable, Hashable, Codable {
  case adam
  case sgd(momentum: Float)
}

/// How a training run is set up: epochs, batch, optimizer, seed, imbalance remedies, threads.
public struct TrainingConfig: Sendable, Hashable, Codable {
  public var epochs: Int
  public var batchSize: Int
  public var learningRate: Float
  public var optimizer: OptimizerKind
  public var seed: UInt64
  /// Weight each image's loss by N / (classes × images of its class) ("balanced" weights).
  public var classWeighting: Bool
  /// Each epoch, resample every class (with replacement) up to the size of the largest class.
  public var oversampling: Bool
  /// Compute threads: 1 or 2 (other values are clamped).
  public var threads: Int
  /// The test share of each class (ceil per class, via `StratifiedSplit`) when no split is given.
  public var testFraction: Double
  /// The class called "positive" for sensitivity and specificity in two-class problems.
  public var positiveClass: Int
  /// Random mirror and shift of training images (seeded by `seed`, the epoch and the batch).
  public var augmentation: Augmentation
  /// The pretrained backbone the feature layers start from, frozen or fine-tuned; nil trains
  /// every layer from random weights.
  public var transfer: Transfer?
  /// Cosine decay with a first-epoch warm-up (see `learningRate(epoch:batch:batches:)`): the
  /// last epochs take small steps and the run ends near a minimum rather than wherever a
  /// full-size step left it (off: every batch at `learningRate`).
  public var learningRateDecay: Bool
  /// The output layer starts from He-normal weights times this. At 0.1 a fresh network's first
  /// answers are nearly uniform (loss ln C): at full scale some seeds start with large, wrong
  /// logits, and the first steps that shrink them can silence every ReLU before the dense
  /// layer, leaving a network that answers one class for good (experiment 5, seed 495523:
  /// 0.43 at 1, 0.79 at 0.1). 1 is plain He, as the shipped backbone was pretrained.
  public var outputInitScale: Double
  /// 0.1: see `outputInitScale`.
  public static let defaultOutputInitScale = 0.1

  public init(
    epochs: Int = 20, batchSize: Int = 16, learningRate: Float = 0.001,
    optimizer: OptimizerKind = .adam, seed: UInt64 = 1, classWeighting: Bool = false,
    oversampling: Bool = false, threads: Int = 1, testFraction: Double = 0.15,
    positiveClass: Int = 0, augmentation: Augmentation = .none, transfer: Transfer? = nil,
    learningRateDecay: Bool = false, outputInitScale: Double = defaultOutputInitScale
  ) {
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.optimizer = optimizer
    self.seed = seed
    self.classWeighting = classWeighting
    self.oversampling = oversampling
    self.threads = threads
    self.testFraction = testFraction
    self.positiveClass = positiveClass
    self.augmentation = augmentation
    self.transfer = transfer
    self.learningRateDecay = learningRateDecay
    self.outputInitScale = outputInitScale
  }

  /// The learning rate of batch `batch` (0-based) of `batches` in epoch `epoch` (1-based): with
  /// decay, the first epoch warms up linearly from 1/`batches` of the rate to all of it (Adam's
  /// first steps are full-size whatever the gradient, and at full rate they can silence every
  /// ReLU of a fresh network, which then answers one class for good), and each later epoch
  /// follows the cosine.
  public func learningRate(epoch: Int, batch: Int = 0, batches: Int = 1) -> Float {
    guard learningRateDecay, epochs > 0 else { return learningRate }
    let progress = Double(max(0, min(epoch - 1, epochs - 1))) / Double(epochs)
    let cosine = learningRate * Float(0.5 * (1 + cos(Double.pi * progress)))
    guard epoch <= 1, batches > 1 else { return cosine }
    return cosine * Float(min(batch + 1, batches)) / Float(batches)
  }

  /// The schedule for a person: "cosine, warm-up over epoch 1", or nil when the rate is constant.
  public var learningRateSchedule: String? {
    learningRateDecay ? "cosine, warm-up over epoch 1" : nil
  }

  /// Scratch, frozen or fine-tuned.
  public var backboneMode: BackboneMode { transfer?.mode ?? .scratch }
}

extension TrainingConfig {
  /// Training images per epoch for these per-class training counts: the training set, or with
  /// oversampling every present class brought up to the largest.
  public func imagesPerEpoch(trainCounts: [Int]) -> Int {
    let present = trainCounts.filter { $0 > 0 }
    return oversampling ? (present.max() ?? 0) * present.count : present.reduce(0, +)
  }

  /// Batches per epoch for these per-class training counts (the last batch may be short).
  public func batchesPerEpoch(trainCounts: [Int]) -> Int {
    let batch = max(1, batchSize)
    return (imagesPerEpoch(trainCounts: trainCounts) + batch - 1) / batch
  }
}

/// How fast a session trains: flat out, or with a pause after every batch so a learner can watch
/// a small experiment learn.
public enum Pacing: Sendable, Hashable {
  case fullSpeed
  /// Waits `delay` seconds after each batch (interrupted at once by pause, step or stop).
  case watchable(delay: Double)
}
