import HemoCore
import HemoTrain

/// One experiment of the lesson, decoded and checked once from its file
/// (`Assets/experiments/*.json`, see `ExperimentFile`): every value typed, so nothing is parsed
/// or matched as text again.
public struct Experiment: Sendable, Equatable {
  /// Number shown to the learner and used on the command line (`hemolab run 2`).
  public var id: Int
  public var title: String
  /// Which lesson point this experiment makes; decides how its result is read back to the learner.
  public var teachingPoint: TeachingPoint
  /// What the learner should expect before training (shown before the run).
  public var expectation: String
  public var classes: [ExperimentClass]
  /// The class counted as "positive" for sensitivity and specificity (two-class experiments).
  public var positiveClass: String?
  /// Window, colour-coding, input size and channels, as HemoCore applies them.
  public var preprocessing: Preprocessing
  /// The layers; the last is `.denseClasses` (one output per class, whatever the classes are).
  public var network: [ExperimentLayer]
  public var training: TrainingRecipe
  /// Where the images come from when no real data is given.
  public var data: DataDefinition
  /// What the RSNA course's Teachable Machine run showed, for comparison.
  public var courseResult: CourseResult?

  public init(
    id: Int, title: String, teachingPoint: TeachingPoint, expectation: String,
    classes: [ExperimentClass], positiveClass: String?, preprocessing: Preprocessing,
    network: [ExperimentLayer], training: TrainingRecipe, data: DataDefinition,
    courseResult: CourseResult?
  ) {
    self.id = id
    self.title = title
    self.teachingPoint = teachingPoint
    self.expectation = expectation
    self.classes = classes
    self.positiveClass = positiveClass
    self.preprocessing = preprocessing
    self.network = network
    self.training = training
    self.data = data
    self.courseResult = courseResult
  }

  /// The network for this experiment's classes.
  public var networkSpec: NetworkSpec {
    NetworkSpec(layers: network.map { $0.spec(classes: classes.count) })
  }

  /// The generator population this experiment's images come from.
  public var population: PhantomPopulation { data.population?.applied() ?? .standard }

  /// Index of the positive class (the named one, else the first class).
  public var positiveClassIndex: Int {
    positiveClass.flatMap { name in classes.firstIndex { $0.name == name } } ?? 0
  }

  /// Total number of images the experiment draws.
  public var imageCount: Int { classes.reduce(0) { $0 + $1.count } }
}

/// The name other branches and older code use for an experiment.
public typealias ExperimentDefinition = Experiment

/// A class of an experiment: its name, how many images, and which images it draws.
public struct ExperimentClass: Sendable, Equatable {
  public var name: String
  public var count: Int
  public var draw: DrawRequest

  public init(name: String, count: Int, draw: DrawRequest) {
    self.name = name
    self.count = count
    self.draw = draw
  }

  /// Whether the class is the normal one or a finding (the cards colour them apart).
  public var role: ClassRole { draw == .normal ? .normal : .finding }
}

/// Whether a class holds normal slices or a finding.
public enum ClassRole: Sendable, Equatable {
  case normal, finding
}

/// Which images a class draws, by their RSNA labels.
public enum DrawRequest: Sendable, Hashable {
  /// No hemorrhage.
  case normal
  /// Any hemorrhage subtype.
  case anyHemorrhage
  /// One subtype only.
  case only(HemorrhageSubtype)

  /// The names an experiment file may write: `normal`, `any`, or a subtype.
  public static let names = ["normal", "any"] + HemorrhageSubtype.allCases.map(\.rawValue)

  /// The request a file's name stands for (nil for an unknown name).
  public init?(name: String) {
    switch name {
    case "normal": self = .normal
    case "any": self = .anyHemorrhage
    default:
      guard let subtype = HemorrhageSubtype(rawValue: name) else { return nil }
      self = .only(subtype)
    }
  }

  /// The name as a file writes it.
  public var name: String {
    switch self {
    case .normal: "normal"
    case .anyHemorrhage: "any"
    case .only(let subtype): subtype.rawValue
    }
  }

  /// What to ask the generator for.
  public var hemorrhageRequest: HemorrhageRequest {
    switch self {
    case .normal: .none
    case .anyHemorrhage: .anyHemorrhage
    case .only(let subtype): .subtypes([subtype])
    }
  }

  /// The RSNA label rule that selects these images from a real folder.
  public var rsnaRule: RSNALabelRule {
    switch self {
    case .normal: .normal
    case .anyHemorrhage: .anyHemorrhage
    case .only(let subtype): .only(subtype)
    }
  }
}

/// One layer line of an experiment's network.
public enum ExperimentLayer: Sendable, Hashable {
  case conv(filters: Int)
  case relu
  case maxPool
  case flatten
  case dense(units: Int)
  /// A dense layer with one unit per class.
  case denseClasses

  /// The trainer's layer for `classes` classes.
  public func spec(classes: Int) -> LayerSpec {
    switch self {
    case .conv(let filters): .conv(filters: filters)
    case .relu: .relu
    case .maxPool: .maxPool
    case .flatten: .flatten
    case .dense(let units): .dense(units: units)
    case .denseClasses: .dense(units: classes)
    }
  }
}

/// An experiment's training recipe: epochs, batch, learning rate, seed, optimizer and the
/// remedies, typed.
public struct TrainingRecipe: Sendable, Equatable {
  public var epochs: Int
  public var batchSize: Int
  public var learningRate: Float
  public var seed: UInt64
  public var optimizer: HemoTrain.OptimizerKind
  public var classWeighting: Bool
  /// Random mirror and shift of the training images (`.none` when off).
  public var augmentation: Augmentation
  /// The test share of each class (rounded up per class).
  public var testFraction: Double
  /// Scratch, or the shipped pretrained backbone frozen or fine-tuned.
  public var backbone: BackboneMode
  /// Cosine decay of the learning rate over the epochs (`TrainingConfig.learningRateDecay`).
  public var learningRateDecay: Bool
  /// The output layer's initial weights relative to He (`TrainingConfig.outputInitScale`).
  public var outputInitScale: Double

  public init(
    epochs: Int, batchSize: Int, learningRate: Float, seed: UInt64,
    optimizer: HemoTrain.OptimizerKind = .adam, classWeighting: Bool = false,
    augmentation: Augmentation = .none, testFraction: Double = 0.15,
    backbone: BackboneMode = .scratch, learningRateDecay: Bool = false,
    outputInitScale: Double = TrainingConfig.defaultOutputInitScale
  ) {
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.seed = seed
    self.optimizer = optimizer
    self.classWeighting = classWeighting
    self.augmentation = augmentation
    self.testFraction = testFraction
    self.backbone = backbone
    self.learningRateDecay = learningRateDecay
    self.outputInitScale = outputInitScale
  }
}
