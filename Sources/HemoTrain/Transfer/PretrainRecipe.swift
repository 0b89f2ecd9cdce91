/// Everything `hemolab pretrain` needs to rebuild a backbone bit for bit, saved beside it as
/// JSON: the synthetic corpus, the network, the pretext task and the training settings, plus
/// the generator's fingerprint and the file's checksum.
public struct PretrainRecipe: Sendable, Codable, Equatable {
  /// Seed of the corpus (generator), the split, the starting weights and the batch order.
  public var seed: UInt64
  /// Synthetic slices in the corpus (a tenth is held out to measure the pretext task).
  public var corpusImages: Int
  public var epochs: Int
  public var batchSize: Int
  public var learningRate: Float
  /// Side of the network input (the slices are drawn at `sliceSize` and shrunk).
  public var inputSize: Int
  public var sliceSize: Int
  /// Filters of each conv layer; every conv is followed by relu and a 2×2 max-pool.
  public var convFilters: [Int]
  /// Units of the hidden dense layer of the pretext head (discarded after pretraining).
  public var headUnits: Int
  public var task: PretextTask
  /// `PhantomFingerprint.current` when the backbone was made: a different value means the
  /// generator has changed since, and the backbone should be rebuilt.
  public var generatorFingerprint: String?
  /// The backbone file's name and SHA-256 (filled in by `hemolab pretrain`).
  public var file: String?
  public var sha256: String?
  /// Accuracy on the held-out tenth of the corpus, for the pretext task.
  public var pretextAccuracy: Double?
  /// Wall-clock seconds the pretraining took (not reproducible, for information).
  public var seconds: Double?

  public init(
    seed: UInt64 = 2021, corpusImages: Int = 16000, epochs: Int = 8, batchSize: Int = 32,
    learningRate: Float = 0.001, inputSize: Int = 64, sliceSize: Int = 256,
    convFilters: [Int] = [16, 32, 64, 64], headUnits: Int = 64, task: PretextTask = .subtype
  ) {
    self.seed = seed
    self.corpusImages = corpusImages
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.inputSize = inputSize
    self.sliceSize = sliceSize
    self.convFilters = convFilters
    self.headUnits = headUnits
    self.task = task
  }

  /// The settings the shipped backbone is built with. On the course's three projects (frozen,
  /// the project recipe, 20 training seeds each) naming the subtype of 16 000 slices over 8
  /// epochs carried to real images better than naming subtype and level of 4 000 over 6:
  /// experiment 5 0.81 (0.72 before), experiment 4 0.62 (0.57), experiment 1 0.67 (0.55).
  public static let standard = PretrainRecipe()

  /// The pretext network: the conv stages, then flatten, dense `headUnits`, relu, the classes.
  public func network(classes: Int) -> NetworkSpec {
    var layers: [LayerSpec] = []
    for filters in convFilters { layers += [.conv(filters: filters), .relu, .maxPool] }
    layers += [.flatten, .dense(units: headUnits), .relu, .dense(units: classes)]
    return NetworkSpec(layers: layers)
  }
}

/// What the backbone learns to predict on the synthetic corpus.
public enum PretextTask: String, Sendable, Codable, CaseIterable {
  /// Which of normal and the five subtypes the slice shows (6 classes).
  case subtype
  /// The subtype and the slice level together (6 × 3 = 18 classes): bleeds and anatomy.
  case subtypeAndLevel = "subtype-level"
}
