import HemoCore
import HemoTrain

/// One experiment file as an instructor writes it in `Assets/experiments/*.json`: the JSON
/// document, decoded as written (fields it does not know are ignored, so files may carry more).
/// `Experiment(_:file:)` checks it and turns it into the typed `Experiment` the program uses.
public struct ExperimentFile: Sendable, Codable, Equatable {
  /// Number shown to the learner and used on the command line (`hemolab run 2`).
  public var id: Int
  public var title: String
  /// Which lesson point this experiment makes; decides how its result is read back to the learner.
  public var teachingPoint: TeachingPoint
  /// What the learner should expect before training (shown before the run).
  public var expectation: String
  public var classes: [ClassDefinition]
  /// The class counted as "positive" for sensitivity and specificity (two-class experiments).
  public var positiveClass: String?
  public var preprocessing: PreprocessingDefinition
  /// Layers, e.g. `["conv 8", "relu", "maxpool", "flatten", "dense 32", "relu", "dense classes"]`.
  public var network: [String]
  public var training: TrainingDefinition
  public var data: DataDefinition
  /// What the RSNA course's Teachable Machine run showed, for comparison.
  public var courseResult: CourseResult?
}

/// A class of an experiment: its name, how many images, and which RSNA labels its images carry.
public struct ClassDefinition: Sendable, Codable, Equatable {
  public var name: String
  public var count: Int
  /// `normal`, `any`, or a subtype name (`subdural`, `intraparenchymal`, …: that subtype only).
  public var draw: String
}

/// The preprocessing, as written in an experiment file.
public struct PreprocessingDefinition: Sendable, Codable, Equatable {
  /// A preset name (`brain`, `subdural`, `stroke`, `bone`).
  public var window: String
  /// When present, the HU band painted red (experiment 5), e.g. `[50, 90]`.
  public var colourCoding: [Float]?
  public var inputSize: Int
  public var channels: Int
}

/// Training hyperparameters, as written in an experiment file.
public struct TrainingDefinition: Sendable, Codable, Equatable {
  public var epochs: Int
  public var batchSize: Int
  public var learningRate: Float
  public var seed: UInt64
  /// `adam` (default) or `sgd`.
  public var optimizer: String?
  public var momentum: Float?
  public var classWeighting: Bool?
  /// Random mirror and shift of the training images (off when absent).
  public var augmentation: AugmentationDefinition?
  /// The test share of each class (rounded up per class); 0.15 when absent, as Teachable Machine.
  public var testFraction: Double?
  /// `scratch` (default), `frozen` or `finetune`: start the feature layers from the shipped
  /// pretrained backbone, and keep them fixed or train them on.
  public var backbone: BackboneMode?
  /// `"cosine"`: the learning rate falls from its value to near 0 over the epochs (constant when
  /// absent).
  public var learningRateDecay: String?
}

/// Data augmentation, as written in an experiment file: `{"mirror": true, "shift": 4}`.
public struct AugmentationDefinition: Sendable, Codable, Equatable {
  /// Mirror each training image left–right with probability ½.
  public var mirror: Bool?
  /// Largest shift in pixels (of the network's input), across and down.
  public var shift: Int?

  /// The trainer's value.
  public var value: Augmentation { Augmentation(mirror: mirror ?? false, maxShift: shift ?? 0) }
}

/// Where the images come from when no real data is given.
public struct DataDefinition: Sendable, Codable, Equatable {
  /// Seed of the synthetic head CT generator: fixed per experiment, so every run sees the same
  /// images and only the training seed (split, starting weights, order) changes.
  public var generatorSeed: UInt64
  /// Slice size the generator draws before preprocessing.
  public var sliceSize: Int?
  /// Changes to the generator's standard population (how visible the bleeds are).
  public var population: PopulationAdjustments?
  /// Extra images per class, of new patients, that only ever test (never train): a test set
  /// large enough for the experiment's claim to be measured with little noise.
  public var freshTestPerClass: Int?
  /// The same, one count per class in class order (instead of `freshTestPerClass`): keeps an
  /// imbalanced experiment's test set in its own proportions while making it larger.
  public var freshTestCounts: [Int]?

  /// Fresh test images of class `index`.
  public func freshTest(classIndex index: Int) -> Int {
    max(0, freshTestCounts.map { index < $0.count ? $0[index] : 0 } ?? freshTestPerClass ?? 0)
  }
}

/// Optional changes to `PhantomPopulation.standard` for one experiment's images.
public struct PopulationAdjustments: Sendable, Codable, Equatable {
  /// Fraction of bleeds that are acute (50–90 HU).
  public var acuteFraction: Double?
  /// Fraction of bleeds that are hyperacute (35–48 HU).
  public var hyperacuteFraction: Double?
  /// Fraction of bleeds that are subtle: thin, small or few sulci.
  public var subtleFraction: Double?
  /// Multiplies every bleed's size.
  public var bleedSizeScale: Double?
  /// Relative weights of the posterior fossa, ventricular and supraventricular levels.
  public var levelWeights: [Double]?
  /// Mean HU of acute bleeds.
  public var acuteDensityMean: Double?

  /// The standard population with these changes.
  public func applied(to base: PhantomPopulation = .standard) -> PhantomPopulation {
    var population = base
    if let acuteFraction { population.acuteFraction = acuteFraction }
    if let hyperacuteFraction { population.hyperacuteFraction = hyperacuteFraction }
    if let subtleFraction { population.subtleFraction = subtleFraction }
    if let bleedSizeScale { population.bleedSizeScale = bleedSizeScale }
    if let levelWeights { population.levelWeights = levelWeights }
    if let acuteDensityMean { population.acuteDensityMean = acuteDensityMean }
    return population
  }
}

/// The course's original result (Teachable Machine), for the learner to compare with.
public struct CourseResult: Sendable, Codable, Equatable {
  /// Rows = true class, columns = predicted, in the experiment's class order.
  public var matrix: [[Int]]
  public var epochs: Int
  public var learningRate: Double
  public var note: String?
}

/// The lesson point an experiment makes.
public enum TeachingPoint: String, Sendable, Codable, CaseIterable {
  case smallData
  case imbalance
  case balanced
  case multiclass
  case colourCoding
  /// An instructor's own experiment: reported without a lesson-specific reading.
  case custom
}
