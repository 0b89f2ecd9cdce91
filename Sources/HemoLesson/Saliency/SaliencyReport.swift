import HemoTrain

/// What the saliency measures found on one run's test hemorrhages, for the text report, the JSON
/// (`saliency`) and the lesson. Top-level figures are for `method`; `methods` has every method.
public struct SaliencyReport: Sendable, Codable, Equatable {
  /// The measures of one group of images (all, correctly found, missed).
  public struct Measure: Sendable, Codable, Equatable {
    public var images: Int
    public var hits: Int
    /// Pointing game: share of images whose map peaks inside the dilated blood mask.
    public var hitRate: Double
    /// Mean share of the map inside the blood mask.
    public var massShare: Double
    /// Mean share of the head the blood covers (what an evenly spread map would score).
    public var maskShare: Double
    /// Experiment 5 only: share of peaks on red-painted pixels that are not blood (bone edges,
    /// calcifications), and the mean map share there.
    public var otherRedHitRate: Double?
    public var otherRedMassShare: Double?
  }

  /// One method's measures on the trained and on the randomised network.
  public struct MethodMeasures: Sendable, Codable, Equatable {
    public var method: SaliencyMethod
    public var trained: Measure
    public var correct: Measure
    public var missed: Measure
    public var randomized: Measure
    /// Mean Spearman rank correlation, over the head's pixels, between the trained and the
    /// randomised map of each image (Adebayo et al. 2018: near 0 when the map depends on what the
    /// model learned).
    public var rankCorrelation: Double
  }

  public var method: SaliencyMethod
  public var hitRate: Double
  public var massShare: Double
  public var maskShare: Double
  public var randomizedHitRate: Double
  public var randomizedMassShare: Double
  /// Test images with known blood that were measured, and how many the model found or missed.
  public var images: Int
  public var correctCount: Int
  public var missedCount: Int
  public var correct: Measure
  public var missed: Measure
  /// The peak may lie this many input pixels from the blood and still count as a hit.
  public var dilationPixels: Int
  public var inputSize: Int
  /// Which class score the maps explain.
  public var explainedClass: String
  /// The seed of the randomised network's weights and of SmoothGrad's noise.
  public var seed: UInt64
  public var methods: [MethodMeasures]
  /// What the numbers say, for a person.
  public var reading: String
}
