import HemoCore

@testable import HemoTrain

/// Small synthetic datasets for training tests.
enum Fixtures {
  /// Two (or three) classes of 16×16 grey images: a bright blob in a class-specific corner, at a
  /// jittered position, on noise. Separable, so a small CNN learns it to ~100 %.
  static func blobs(count: Int, classes: Int = 2, seed: UInt64 = 5, size: Int = 16) -> Dataset {
    var rng = SeededRNG(seed: seed)
    var images: [Float] = []
    var labels: [Int] = []
    let centres = [(0.3, 0.3), (0.7, 0.7), (0.3, 0.7)]
    for i in 0..<count {
      let label = i % classes
      let cy = (centres[label].0 + rng.uniform(-0.08, 0.08)) * Double(size)
      let cx = (centres[label].1 + rng.uniform(-0.08, 0.08)) * Double(size)
      for y in 0..<size {
        for x in 0..<size {
          let d2 = (Double(y) - cy) * (Double(y) - cy) + (Double(x) - cx) * (Double(x) - cx)
          let blob = d2 < 6 ? 0.8 : 0.0
          images.append(Float(min(1, max(0, blob + rng.uniform(0, 0.3)))))
        }
      }
      labels.append(label)
    }
    return Dataset(
      shape: TensorShape(channels: 1, height: size, width: size),
      classNames: ["first", "second", "third"].prefix(classes).map { $0 }, images: images,
      labels: labels)
  }

  static let smallNetwork = NetworkSpec(layers: [
    .conv(filters: 8), .relu, .maxPool, .conv(filters: 16), .relu, .maxPool,
    .flatten, .dense(units: 16), .relu, .dense(units: 2),
  ])
}
