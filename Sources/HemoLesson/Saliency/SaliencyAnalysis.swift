import HemoCore
import HemoTrain

/// Measures where a trained model looks on the test images whose blood is known (synthetic
/// slices), against the same network with re-initialised weights (Adebayo et al. 2018).
public enum SaliencyAnalysis {
  /// The peak may miss the blood by this many input pixels and still count. The class-activation
  /// maps' grid on the built-in network is 4 input pixels a cell (the last convolution sees 16×16
  /// of the 64×64 input), so their peak is only placed to ±2 pixels; at 64 pixels over a ~250 mm
  /// field that is ~8 mm. The same tolerance applies to every method, so they compare fairly.
  public static let dilationPixels = 2
  /// The method of the headline figures: HiResCAM, the class-activation map that stays faithful
  /// to a network that flattens its last feature map (Grad-CAM's channel averaging lit up skull
  /// edges the score hardly depends on: on experiment 3, seed 1, its peak hit the blood in 39 % of
  /// images against HiResCAM's 67 %, random weights 15 % and 12 %).
  public static let primaryMethod = SaliencyMethod.hiResCAM
  /// Pixels from this density up count as head (skin and everything inside; air is −1000).
  static let headThreshold: Float = -300

  /// Scores the test images of `predictions` with known blood, explaining each image's true
  /// class. `seed` seeds the randomised network and SmoothGrad's noise.
  public static func run(
    model: Model, data: ExperimentData, predictions: [ExperimentResult.Prediction], seed: UInt64,
    methods: [SaliencyMethod] = SaliencyMethod.allCases
  ) throws(HemoError) -> SaliencyReport? {
    let trained = try SaliencyExplainer(model: model)
    let randomModel = try Model(
      network: model.network, input: model.input, classNames: model.classNames,
      seed: seed &+ 0x5A11_E4C7)
    let randomized = try SaliencyExplainer(model: randomModel)
    let size = model.input.width
    var rows: [Row] = []
    for prediction in predictions {
      let sample = data.sample(prediction.image)
      guard let blood = sample.bloodMask, !blood.isEmpty else { continue }
      let mask = blood.covering(width: size, height: size)
      let head = headMask(sample, size: size)
      let otherRed = otherRedMask(
        sample, preprocessing: data.preprocessing, blood: mask, size: size)
      let stride = data.dataset.shape.count
      let image = Array(
        data.dataset.images[prediction.image * stride..<(prediction.image + 1) * stride])
      var row = Row(correct: prediction.predicted == prediction.truth)
      for method in methods {
        let a = trained.map(image, method: method, classIndex: prediction.truth, seed: seed)
        let b = randomized.map(image, method: method, classIndex: prediction.truth, seed: seed)
        row.trained[method] = Scored(a, mask: mask, head: head, otherRed: otherRed)
        row.randomized[method] = Scored(b, mask: mask, head: head, otherRed: otherRed)
        // Inside the head only: outside it gradient × input is zero in both maps, and those
        // tied zeros would make any two maps look alike.
        let inside = head.bits.indices.filter { head.bits[$0] }
        row.correlation[method] = spearmanCorrelation(
          inside.map { a.values[$0] }, inside.map { b.values[$0] })
      }
      rows.append(row)
    }
    guard !rows.isEmpty else { return nil }
    let measures = methods.map { method in
      MethodMeasuresBuilder(method: method, rows: rows).build()
    }
    let primary = measures.first { $0.method == primaryMethod } ?? measures[0]
    var report = SaliencyReport(
      method: primary.method, hitRate: primary.trained.hitRate,
      massShare: primary.trained.massShare, maskShare: primary.trained.maskShare,
      randomizedHitRate: primary.randomized.hitRate,
      randomizedMassShare: primary.randomized.massShare, images: rows.count,
      correctCount: primary.correct.images, missedCount: primary.missed.images,
      correct: primary.correct, missed: primary.missed, dilationPixels: dilationPixels,
      inputSize: size, explainedClass: "each image's true class", seed: seed, methods: measures,
      reading: "")
    report.reading = SaliencyReading.text(report)
    return report
  }

  /// The head at the network's input size (everything denser than air); the whole image for
  /// pictures, whose Hounsfield values are unknown.
  static func headMask(_ sample: Sample, size: Int) -> PixelMask {
    if case .hounsfield(let image) = sample.pixels {
      return PixelMask(image, atLeast: headThreshold, width: size, height: size)
    }
    return PixelMask(
      width: size, height: size, bits: [Bool](repeating: true, count: size * size))
  }

  /// With colour-coding: the pixels painted red that are not blood (nor next to it).
  static func otherRedMask(
    _ sample: Sample, preprocessing: Preprocessing, blood: PixelMask, size: Int
  ) -> PixelMask? {
    guard let coding = preprocessing.colourCoding, case .hounsfield(let image) = sample.pixels
    else { return nil }
    var red = PixelMask(width: image.width, height: image.height)
    for i in image.pixels.indices where coding.contains(image.pixels[i]) { red.bits[i] = true }
    var other = red.covering(width: size, height: size)
    let near = blood.dilated(by: dilationPixels)
    for i in other.bits.indices where near.bits[i] { other.bits[i] = false }
    return other
  }
}

/// One map's score, with the other-red measures when the image was colour-coded.
struct Scored {
  var score: SaliencyScore
  var otherRedHit: Bool?
  var otherRedMass: Double?

  init(_ map: SaliencyMap, mask: PixelMask, head: PixelMask, otherRed: PixelMask?) {
    score = SaliencyScore(
      map: map, mask: mask, head: head, dilation: SaliencyAnalysis.dilationPixels)
    guard let otherRed else { return }
    let peak = map.peak
    otherRedHit = otherRed[peak.x, peak.y]
    let total = map.values.reduce(0, +)
    var inside: Float = 0
    for i in map.values.indices where otherRed.bits[i] { inside += map.values[i] }
    otherRedMass = total > 0 ? Double(inside / total) : 0
  }
}

/// One test image's scores under every method.
struct Row {
  var correct: Bool
  var trained: [SaliencyMethod: Scored] = [:]
  var randomized: [SaliencyMethod: Scored] = [:]
  var correlation: [SaliencyMethod: Double] = [:]
}

/// Aggregates rows into one method's measures.
struct MethodMeasuresBuilder {
  var method: SaliencyMethod
  var rows: [Row]

  func build() -> SaliencyReport.MethodMeasures {
    let correlations = rows.compactMap { $0.correlation[method] }
    return SaliencyReport.MethodMeasures(
      method: method, trained: measure(rows.compactMap { $0.trained[method] }),
      correct: measure(rows.filter(\.correct).compactMap { $0.trained[method] }),
      missed: measure(rows.filter { !$0.correct }.compactMap { $0.trained[method] }),
      randomized: measure(rows.compactMap { $0.randomized[method] }),
      rankCorrelation: correlations.reduce(0, +) / Double(max(correlations.count, 1)))
  }

  func measure(_ scores: [Scored]) -> SaliencyReport.Measure {
    let n = scores.count
    let hits = scores.filter(\.score.hit).count
    func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }
    let redHits = scores.compactMap(\.otherRedHit)
    let redMass = scores.compactMap(\.otherRedMass)
    return SaliencyReport.Measure(
      images: n, hits: hits, hitRate: n > 0 ? Double(hits) / Double(n) : 0,
      massShare: mean(scores.map(\.score.massShare)),
      maskShare: mean(scores.map(\.score.maskShareOfHead)),
      otherRedHitRate: redHits.isEmpty
        ? nil : Double(redHits.filter { $0 }.count) / Double(redHits.count),
      otherRedMassShare: redMass.isEmpty ? nil : mean(redMass))
  }
}
