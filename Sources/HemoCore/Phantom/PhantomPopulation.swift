/// The scanner and the patients a phantom data set imitates: every knob of the generator.
///
/// `standard` matches the 5 mm head CT of the RSNA 2019 data. Another hospital (different scanner
/// noise and kernel, thicker slices, another patient mix) is just another value of this type.
public struct PhantomPopulation: Sendable, Hashable, Codable {
  /// Field of view across the image, in millimetres (pixel spacing = fieldOfView / size).
  public var fieldOfViewMM: Double
  /// Noise standard deviation in brain, HU, drawn per slice from this range.
  public var noiseSD: ClosedRange<Double>
  /// Noise correlation along rows: weight of each neighbour in the [c, 1−2c, c] filter applied
  /// to white noise (0 = white noise, 0.25 = binomial ~1 px blur).
  public var noiseCorrelation: Double
  /// The same along columns (real RSNA noise at 256² is finer across rows than down columns:
  /// neighbour correlation ≈ 0.3 horizontally, 0.5 vertically).
  public var noiseCorrelationVertical: Double
  /// Reconstruction kernel sharpness, 0 (soft) … 1 (sharp): a soft kernel blurs edges, a sharp
  /// one (above 0.7) enhances them with a slight overshoot, as bone-leaning kernels do.
  public var kernelSharpness: Double
  /// Slice thickness in millimetres: thicker slices widen partial-volume edges.
  public var sliceThicknessMM: Double
  /// Patient age in years: mean and standard deviation (clamped to 18…95).
  public var ageMean: Double
  public var ageSD: Double
  /// Multiplies each patient's age-related atrophy (wider sulci, ventricles and cisterns).
  public var atrophyScale: Double
  /// Fraction of patients with chronic small-vessel disease: hypodense periventricular white
  /// matter (leukoaraiosis), common in the elderly.
  public var whiteMatterDisease: Double
  /// Fraction of patients with visible pineal / choroid plexus / falx calcification.
  public var pinealCalcification: Double
  public var choroidCalcification: Double
  public var falxCalcification: Double
  /// Relative weights of the posterior fossa, ventricular and supraventricular levels.
  public var levelWeights: [Double]
  /// Of all bleeds: fraction acute (50–90 HU) and hyperacute (35–48 HU); the rest are subacute
  /// and nearly isodense to brain (30–45 HU).
  public var acuteFraction: Double
  public var hyperacuteFraction: Double
  /// Fraction of bleeds that are subtle: thin, small or few sulci.
  public var subtleFraction: Double
  /// Multiplies every bleed's size (1 = RSNA-like sizes).
  public var bleedSizeScale: Double
  /// Mean density of acute bleeds in HU (SD 9, clamped to 52…88). Typical clots are 60–80 HU;
  /// lower values (anaemia, partly clotted blood) are harder to see in a brain window.
  public var acuteDensityMean: Double
  /// Of the bleeds that would be acute, the share scanned so early that the clot has not yet
  /// formed: drawn hyperacute (36–48 HU, hard to tell from brain) instead. A site's time from
  /// symptoms to scanner, not a property of the bleed; 0 keeps the population's own fractions.
  public var earlyScanShare: Double

  public init(
    fieldOfViewMM: Double = 250, noiseSD: ClosedRange<Double> = 2.8...3.8,
    noiseCorrelation: Double = 0.14, noiseCorrelationVertical: Double = 0.21,
    kernelSharpness: Double = 0.5, sliceThicknessMM: Double = 5, ageMean: Double = 58,
    ageSD: Double = 18, atrophyScale: Double = 1, whiteMatterDisease: Double = 0.15,
    pinealCalcification: Double = 0.6,
    choroidCalcification: Double = 0.55, falxCalcification: Double = 0.1,
    levelWeights: [Double] = [0.2, 0.5, 0.3], acuteFraction: Double = 0.72,
    hyperacuteFraction: Double = 0.12, subtleFraction: Double = 0.35, bleedSizeScale: Double = 1,
    acuteDensityMean: Double = 68, earlyScanShare: Double = 0
  ) {
    self.fieldOfViewMM = fieldOfViewMM
    self.noiseSD = noiseSD
    self.noiseCorrelation = noiseCorrelation
    self.noiseCorrelationVertical = noiseCorrelationVertical
    self.kernelSharpness = kernelSharpness
    self.sliceThicknessMM = sliceThicknessMM
    self.ageMean = ageMean
    self.ageSD = ageSD
    self.atrophyScale = atrophyScale
    self.whiteMatterDisease = whiteMatterDisease
    self.pinealCalcification = pinealCalcification
    self.choroidCalcification = choroidCalcification
    self.falxCalcification = falxCalcification
    self.levelWeights = levelWeights
    self.acuteFraction = acuteFraction
    self.hyperacuteFraction = hyperacuteFraction
    self.subtleFraction = subtleFraction
    self.bleedSizeScale = bleedSizeScale
    self.acuteDensityMean = acuteDensityMean
    self.earlyScanShare = earlyScanShare
  }

  /// The acute and hyperacute fractions after `earlyScanShare` of the acute bleeds move to
  /// hyperacute (the same two numbers when the share is 0).
  public var densityFractions: (acute: Double, hyperacute: Double) {
    (acuteFraction * (1 - earlyScanShare), hyperacuteFraction + acuteFraction * earlyScanShare)
  }

  /// RSNA-like 5 mm head CT: adult emergency patients, noise 3–4 HU, a medium kernel.
  public static let standard = PhantomPopulation()

  /// "Another hospital", for testing whether a model generalizes. Every difference is one a
  /// second site really has, none is a new disease or a label change:
  /// - scanner: a lower-dose protocol with a soft kernel (0.2 vs 0.5): noise SD 8–10 HU (standard
  ///   2.8–3.8) with a coarse, blotchy texture (neighbour weight 0.25 both ways) that survives
  ///   the network's 64-pixel input, where fine grain averages away;
  /// - protocol: 7.5 mm slices, whose partial volume averages a clot with the brain above and
  ///   below it (acute blood measures about 58 HU on average instead of 68), and a wide 275 mm
  ///   reconstruction field of view (heads look 9 % smaller, small bleeds cover fewer pixels);
  /// - patients: more age-related findings that mimic blood or hide it: calcified pineal, choroid
  ///   plexus and falx in every patient (standard 60 %, 55 %, 10 %), small-vessel disease in 45 %
  ///   (standard 15 %). Ages are the standard ones: older, more atrophic brains (wider sulci and
  ///   ventricles) made the shift weaker for every model we trained, not stronger;
  /// - timing: a stroke-pathway site that scans within the first hours, so 40 % of the bleeds
  ///   that would be acute elsewhere are still hyperacute (36–48 HU, `earlyScanShare`).
  /// Bleed sizes, types and the subtle fraction are the standard ones. The timing is what makes
  /// the shift hold for every model: scanner and protocol alone cost experiment 3's model 1–7
  /// points when its bleeds are large enough to be found steadily (×1.7), and its AUC fell by
  /// less than 0.02 on half the seeds; early scans hide bleeds whatever the model learned.
  public static let external = PhantomPopulation(
    fieldOfViewMM: 275, noiseSD: 8.0...10.0, noiseCorrelation: 0.25,
    noiseCorrelationVertical: 0.25, kernelSharpness: 0.2, sliceThicknessMM: 7.5,
    whiteMatterDisease: 0.45, pinealCalcification: 1, choroidCalcification: 1,
    falxCalcification: 1, acuteDensityMean: 58, earlyScanShare: 0.4)
}
