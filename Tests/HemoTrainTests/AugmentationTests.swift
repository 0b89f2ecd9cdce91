import HemoCore
import Testing

@testable import HemoTrain

/// Training-time augmentation: known mirrored and shifted pixels, seeded draws, and training
/// that stays reproducible with it on.
@Suite struct AugmentationTests {
  /// A 2-channel 3×4 image with distinct values (channel × 100 + y × 10 + x).
  static let shape = TensorShape(channels: 2, height: 3, width: 4)
  static let image: [Float] = {
    var values: [Float] = []
    for c in 0..<2 {
      for y in 0..<3 {
        for x in 0..<4 { values.append(Float(c * 100 + y * 10 + x)) }
      }
    }
    return values
  }()

  static func transformed(mirror: Bool, dx: Int, dy: Int) -> [Float] {
    var output = [Float](repeating: -1, count: shape.count)
    image.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        Augmentation.transform(
          source.baseAddress!, into: target.baseAddress!, shape: shape, mirror: mirror, dx: dx,
          dy: dy)
      }
    }
    return output
  }

  @Test func identityMirrorAndShiftsGiveKnownPixels() {
    #expect(Self.transformed(mirror: false, dx: 0, dy: 0) == Self.image)
    let mirrored = Self.transformed(mirror: true, dx: 0, dy: 0)
    #expect(Array(mirrored[0..<4]) == [3, 2, 1, 0])
    #expect(Array(mirrored[12..<16]) == [103, 102, 101, 100])
    // One right, one down: row 0 and column 0 are filled with 0 (air).
    let shifted = Self.transformed(mirror: false, dx: 1, dy: 1)
    #expect(Array(shifted[0..<4]) == [0, 0, 0, 0])
    #expect(Array(shifted[4..<8]) == [0, 0, 1, 2])
    #expect(Array(shifted[8..<12]) == [0, 10, 11, 12])
    #expect(Array(shifted[20..<24]) == [0, 110, 111, 112])
    // Two left, one up, mirrored first.
    let both = Self.transformed(mirror: true, dx: -2, dy: -1)
    #expect(Array(both[0..<4]) == [11, 10, 0, 0])
    #expect(Array(both[4..<8]) == [21, 20, 0, 0])
    #expect(Array(both[8..<12]) == [0, 0, 0, 0])
    // A shift by the whole width leaves nothing.
    #expect(Self.transformed(mirror: false, dx: 4, dy: 0).allSatisfy { $0 == 0 })
  }

  @Test func drawsAreSeededAndStayInRange() {
    let augmentation = Augmentation(mirror: true, maxShift: 1)
    let indices = [0, 0, 0, 0, 0, 0, 0, 0]
    func batch(seed: UInt64) -> [Float] {
      var rng = SeededRNG(seed: seed, stream: 5)
      var output = [Float](repeating: -1, count: indices.count * Self.shape.count)
      Self.image.withUnsafeBufferPointer { images in
        indices.withUnsafeBufferPointer { indices in
          output.withUnsafeMutableBufferPointer { target in
            augmentation.apply(
              images: images.baseAddress!, indices: indices, shape: Self.shape,
              into: target.baseAddress!, rng: &rng)
          }
        }
      }
      return output
    }
    #expect(batch(seed: 1) == batch(seed: 1))
    #expect(batch(seed: 1) != batch(seed: 2))
    // Every output is one of the 2 × 3 × 3 allowed transforms of the image.
    var allowed: [[Float]] = []
    for mirror in [false, true] {
      for dx in -1...1 {
        for dy in -1...1 { allowed.append(Self.transformed(mirror: mirror, dx: dx, dy: dy)) }
      }
    }
    let output = batch(seed: 3)
    for slot in 0..<indices.count {
      let one = Array(output[(slot * Self.shape.count)..<((slot + 1) * Self.shape.count)])
      #expect(allowed.contains(one))
    }
    #expect(Augmentation.none.isActive == false && augmentation.isActive)
    #expect(augmentation.label == "mirror, shift ±1 px")
  }

  @Test(arguments: [1, 2])
  func trainingWithAugmentationIsReproducibleAndDiffers(threads: Int) {
    let data = Fixtures.blobs(count: 120)
    var config = TrainingConfig(epochs: 2, batchSize: 10, seed: 3, threads: threads)
    let plain = train(dataset: data, network: Fixtures.smallNetwork, config: config)
    config.augmentation = Augmentation(mirror: true, maxShift: 2)
    let a = train(dataset: data, network: Fixtures.smallNetwork, config: config)
    let b = train(dataset: data, network: Fixtures.smallNetwork, config: config)
    #expect(a.model.parameters == b.model.parameters)
    #expect(a.snapshot.batchLosses == b.snapshot.batchLosses)
    #expect(a.model.parameters != plain.model.parameters)
    // Test images are never augmented: the evaluation covers the same split as without.
    #expect(a.snapshot.evaluation!.testIndices == plain.snapshot.evaluation!.testIndices)
  }
}
