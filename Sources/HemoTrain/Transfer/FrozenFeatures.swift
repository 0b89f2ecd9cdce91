/// A frozen backbone's output for every image, computed once: with the feature layers fixed,
/// only the head trains, so each image's features never change (Teachable Machine works the same
/// way). Rows `0..<n` are the images as they are; with mirroring on, rows `n..<2n` are their
/// mirror images. Used only when no shift is drawn (a shifted image has other features).
final class FrozenFeatures {
  let rows: [Float]
  let count: Int
  let width: Int

  /// Runs the engine's convolutions over every image of `dataset` (and its mirror image).
  init(engine: Engine, dataset: Dataset, mirrored: Bool) {
    let shape = dataset.shape
    let count = dataset.count
    let width = engine.plan.features
    self.count = count
    self.width = width
    var rows = [Float](repeating: 0, count: (mirrored ? 2 : 1) * count * width)
    var flipped = [Float](repeating: 0, count: mirrored ? engine.capacity * shape.count : 0)
    dataset.images.withUnsafeBufferPointer { images in
      var start = 0
      while start < count {
        let batch = Array(start..<min(start + engine.capacity, count))
        for pass in 0..<(mirrored ? 2 : 1) {
          if pass == 0 {
            batch.withUnsafeBufferPointer { engine.forwardImages(images.baseAddress!, indices: $0) }
          } else {
            flipped.withUnsafeMutableBufferPointer { target in
              for (slot, index) in batch.enumerated() {
                Augmentation.transform(
                  images.baseAddress! + index * shape.count,
                  into: target.baseAddress! + slot * shape.count, shape: shape, mirror: true,
                  dx: 0, dy: 0)
              }
              let slots = Array(0..<batch.count)
              slots.withUnsafeBufferPointer {
                engine.forwardImages(UnsafePointer(target.baseAddress!), indices: $0)
              }
            }
          }
          let offset = (pass * count + start) * width
          rows.withUnsafeMutableBufferPointer {
            ($0.baseAddress! + offset).update(
              from: engine.features.base, count: batch.count * width)
          }
        }
        start += batch.count
      }
    }
    self.rows = rows
  }

  /// Loads rows `rows` into the engine's feature buffer (batch slots 0…).
  func load(_ rows: [Int], into engine: Engine) {
    self.rows.withUnsafeBufferPointer { all in
      for (slot, row) in rows.enumerated() {
        (engine.features.base + slot * width).update(
          from: all.baseAddress! + row * width, count: width)
      }
    }
  }
}

extension Engine {
  /// Softmax probabilities for rows `rows` of `cache`, `capacity` at a time.
  func predict(cache: FrozenFeatures, rows: [Int]) -> [[Float]] {
    var result: [[Float]] = []
    var start = 0
    while start < rows.count {
      let chunk = Array(rows[start..<min(start + capacity, rows.count)])
      cache.load(chunk, into: self)
      forwardDense(count: chunk.count)
      softmax(count: chunk.count)
      for i in 0..<chunk.count {
        result.append(probabilities.array(i * plan.classes..<(i + 1) * plan.classes))
      }
      start += chunk.count
    }
    return result
  }
}
