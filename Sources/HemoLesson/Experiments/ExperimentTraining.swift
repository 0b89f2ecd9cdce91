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

extension ExperimentDefinition {
  /// The backbone mode after `overrides`: scratch unless the file or the override asks.
  public func backboneMode(_ overrides: TrainingOverrides = TrainingOverrides()) -> BackboneMode {
    overrides.backbone ?? training.backbone ?? .scratch
  }

  /// Like `trainingConfig`, but says why when the pretrained backbone cannot be loaded.
  public func checkedTrainingConfig(_ overrides: TrainingOverrides = TrainingOverrides())
    throws(HemoError) -> TrainingConfig
  {
    if backboneMode(overrides) != .scratch { _ = try ShippedBackbone.load() }
    return trainingConfig(overrides)
  }

  /// The trainer's settings for this experiment, with `overrides` applied. A pretrained mode
  /// whose backbone cannot be loaded falls back to scratch here; `checkedTrainingConfig` and
  /// the runner report the problem instead.
  public func trainingConfig(_ overrides: TrainingOverrides = TrainingOverrides()) -> TrainingConfig
  {
    let mode = backboneMode(overrides)
    let transfer =
      mode == .scratch
      ? nil : (try? ShippedBackbone.load()).map { Transfer(backbone: $0, frozen: mode == .frozen) }
    let optimizer: HemoTrain.OptimizerKind =
      training.optimizer == "sgd" ? .sgd(momentum: training.momentum ?? 0.9) : .adam
    return TrainingConfig(
      epochs: overrides.epochs ?? training.epochs,
      batchSize: overrides.batchSize ?? training.batchSize,
      learningRate: overrides.learningRate ?? training.learningRate,
      optimizer: optimizer,
      seed: overrides.seed ?? training.seed,
      classWeighting: overrides.classWeighting ?? training.classWeighting ?? false,
      oversampling: false,
      threads: overrides.threads ?? 2,
      testFraction: training.testFraction ?? 0.15,
      positiveClass: positiveClassIndex,
      augmentation: training.augmentation?.value ?? .none,
      transfer: transfer)
  }

  /// The network the file describes, for `classCount` output classes.
  public func networkSpec(file: String = "experiment") throws(HemoError) -> NetworkSpec {
    try Self.parseNetwork(network, classes: classes.count, file: file)
  }

  /// Parses layer lines: `conv N`, `relu`, `maxpool`, `flatten`, `dense N`, `dense classes`.
  public static func parseNetwork(_ lines: [String], classes: Int, file: String) throws(HemoError)
    -> NetworkSpec
  {
    var layers: [LayerSpec] = []
    for (index, line) in lines.enumerated() {
      let words = line.lowercased().split(separator: " ").map(String.init)
      func count() throws(HemoError) -> Int {
        guard words.count == 2 else {
          throw HemoError(
            file: file,
            "network[\(index)] \"\(line)\" needs a size, e.g. \"\(words.first ?? "dense") 32\"")
        }
        if words[1] == "classes" { return classes }
        guard let value = Int(words[1]), (1...4096).contains(value) else {
          throw HemoError(
            file: file, "network[\(index)] \"\(line)\": size must be 1…4096 or \"classes\"")
        }
        return value
      }
      switch words.first {
      case "conv": layers.append(.conv(filters: try count()))
      case "relu": layers.append(.relu)
      case "maxpool", "pool": layers.append(.maxPool)
      case "flatten": layers.append(.flatten)
      case "dense": layers.append(.dense(units: try count()))
      default:
        throw HemoError(
          file: file,
          "network[\(index)] \"\(line)\" is not a layer (conv N, relu, maxpool, flatten, dense N)")
      }
    }
    guard case .dense(let units) = layers.last, units == classes else {
      throw HemoError(
        file: file, "the network must end with \"dense classes\" (\(classes) outputs)")
    }
    return NetworkSpec(layers: layers)
  }
}
