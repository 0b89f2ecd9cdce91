import HemoCore
import Testing

@testable import HemoTrain

/// Adebayo et al. 2018, "Sanity Checks for Saliency Maps", on a problem whose answer is known:
/// 16×16 noise images, each with a brighter "bone" bar somewhere, half with a fainter "lesion"
/// at a random place. A trained model's maps must find the lesion far more often than the same
/// network with re-initialised weights (whose maps follow the brightest thing, the bar), and must
/// not rank pixels like it.
@Suite struct SaliencySanityTests {
  /// Every image has a bar of 7 pixels at 1.0 on a random row; class 1 ("lesion") images also a
  /// disc of radius ~2 at 0.6 at a random place away from the bar; noise 0…0.3 everywhere.
  static func lesions(count: Int, seed: UInt64) -> (Dataset, [PixelMask]) {
    var rng = SeededRNG(seed: seed)
    var images: [Float] = []
    var labels: [Int] = []
    var masks: [PixelMask] = []
    let size = 16
    for i in 0..<count {
      let label = i % 2
      var mask = PixelMask(width: size, height: size)
      let cy = rng.uniform(3, 13)
      let cx = rng.uniform(3, 13)
      // The bar keeps 4 rows away from the lesion's centre.
      var barRow = rng.integer(in: 1..<15)
      while abs(Double(barRow) - cy) < 4 { barRow = rng.integer(in: 1..<15) }
      let barStart = rng.integer(in: 0..<9)
      for y in 0..<size {
        for x in 0..<size {
          let d2 = (Double(y) - cy) * (Double(y) - cy) + (Double(x) - cx) * (Double(x) - cx)
          let inside = label == 1 && d2 < 5
          mask[x, y] = inside
          let bar = y == barRow && (barStart..<(barStart + 7)).contains(x)
          images.append(Float(bar ? 1 : (inside ? 0.6 : 0) + rng.uniform(0, 0.3)))
        }
      }
      labels.append(label)
      masks.append(mask)
    }
    return (
      Dataset(
        shape: TensorShape(channels: 1, height: size, width: size),
        classNames: ["clear", "lesion"], images: images, labels: labels),
      masks
    )
  }

  @Test func trainedMapsFindTheLesionAndDifferFromRandomWeights() throws {
    let (data, masks) = Self.lesions(count: 600, seed: 31)
    let config = TrainingConfig(epochs: 6, batchSize: 16, seed: 32, threads: 1)
    let (model, snapshot) = train(dataset: data, network: Fixtures.smallNetwork, config: config)
    let evaluation = try #require(snapshot.evaluation)
    #expect(evaluation.matrix.accuracy.estimate >= 0.9)
    let random = try Model(
      network: model.network, input: model.input, classNames: model.classNames, seed: 33)
    let trained = try SaliencyExplainer(model: model)
    let randomized = try SaliencyExplainer(model: random)
    let head = PixelMask(width: 16, height: 16, bits: [Bool](repeating: true, count: 256))
    // The class-activation map must clearly beat random weights and rank pixels unlike them.
    // Gradient × input is multiplied by the image, so part of it follows the image whatever the
    // weights (Adebayo et al.): it must still beat random weights and differ from their maps.
    let bounds: [(SaliencyMethod, margin: Double, correlation: Double)] = [
      (.hiResCAM, 0.2, 0.5), (.gradientTimesInput, 0.05, 0.8),
    ]
    for (method, margin, maximumCorrelation) in bounds {
      var (hits, randomHits, lesions) = (0, 0, 0)
      var correlation = 0.0
      for index in evaluation.testIndices where data.labels[index] == 1 {
        let image = Array(data.images[(index * 256)..<((index + 1) * 256)])
        let a = trained.map(image, method: method, classIndex: 1)
        let b = randomized.map(image, method: method, classIndex: 1)
        if SaliencyScore(map: a, mask: masks[index], head: head, dilation: 1).hit { hits += 1 }
        if SaliencyScore(map: b, mask: masks[index], head: head, dilation: 1).hit {
          randomHits += 1
        }
        correlation += spearmanCorrelation(a.values, b.values)
        lesions += 1
      }
      let rate = Double(hits) / Double(lesions)
      let randomRate = Double(randomHits) / Double(lesions)
      print("\(method): hit \(rate) random \(randomRate) ρ \(correlation / Double(lesions))")
      #expect(rate >= randomRate + margin, "\(method): trained \(rate), random \(randomRate)")
      #expect(correlation / Double(lesions) < maximumCorrelation, "\(method): rank correlation")
    }
  }
}
