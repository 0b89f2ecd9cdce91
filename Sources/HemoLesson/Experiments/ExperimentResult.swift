import HemoCore
import HemoTrain

/// Everything one experiment run measured, in a form the text report, the JSON output and the
/// lesson screens all read. Its JSON layout is documented in the README.
public struct ExperimentResult: Sendable, Codable {
  enum CodingKeys: String, CodingKey {
    case experiment, title, teachingPoint, data, settings, classes, epochs, confusionMatrix,
      accuracy
    case positiveClass, sensitivity, specificity, predictions, reading, pointShown, trainingSeconds
    case imagesPerSecond, courseResult, saliency
  }

  /// A proportion with its 95 % Wilson interval.
  public struct Interval: Sendable, Codable, Equatable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    public var successes: Int
    public var trials: Int
  }

  /// One class's counts and its test metrics.
  public struct ClassSummary: Sendable, Codable, Equatable {
    public var name: String
    public var images: Int
    public var train: Int
    public var test: Int
    /// Per-class accuracy (recall) on the test set.
    public var accuracy: Interval
    public var precision: Interval
  }

  /// One test image's outcome.
  public struct Prediction: Sendable, Codable, Equatable {
    public var image: Int
    public var source: String
    public var truth: Int
    public var predicted: Int
    public var probabilities: [Float]
  }

  /// The settings the run used (after overrides).
  public struct Settings: Sendable, Codable, Equatable {
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Float
    public var optimizer: String
    public var seed: UInt64
    public var classWeighting: Bool
    public var threads: Int
    public var inputSize: Int
    public var channels: Int
    public var window: String
    public var colourCoding: [Float]?
    /// "mirror, shift ±4 px" when training images were augmented, absent otherwise.
    public var augmentation: String?
    /// `scratch`, `frozen` or `finetune` (the pretrained backbone's use).
    public var backbone: BackboneMode = .scratch
    /// `TrainingConfig.learningRateSchedule`: absent when the rate is constant.
    public var learningRateSchedule: String?
  }

  public var experiment: Int
  public var title: String
  public var teachingPoint: TeachingPoint
  /// Where the images came from, for a person.
  public var data: String
  public var settings: Settings
  public var classes: [ClassSummary]
  public var epochs: [EpochRecord]
  /// Rows = true class, columns = predicted.
  public var confusionMatrix: [[Int]]
  public var accuracy: Interval
  public var positiveClass: String?
  public var sensitivity: Interval?
  public var specificity: Interval?
  public var predictions: [Prediction]
  /// What the run shows, written from its numbers.
  public var reading: String
  /// Whether the run showed the experiment's teaching point (nil for custom experiments).
  public var pointShown: Bool?
  public var trainingSeconds: Double
  public var imagesPerSecond: Double
  public var courseResult: CourseResult?
  /// Where the model looked on test hemorrhages with known blood (`run --saliency`, and the
  /// lesson's experiments 3 and 5), else nil.
  public var saliency: SaliencyReport?
  /// The run that produced the result, inside its orchestrator (not part of the JSON).
  public var run: RunID?

  public var classNames: [String] { classes.map(\.name) }
}

extension ExperimentResult.Interval {
  /// The interval's numbers in the report's form.
  public init(_ interval: WilsonInterval) {
    self.init(
      estimate: interval.estimate, lower: interval.lower, upper: interval.upper,
      successes: interval.successes, trials: interval.trials)
  }

  /// Half the interval's width: the "±" a learner reads.
  public var halfWidth: Double { (upper - lower) / 2 }
}
