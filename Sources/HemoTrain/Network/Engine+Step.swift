/// One training step and batched inference on top of the engine's passes.
extension Engine {
  /// Forward, backward and one optimizer update on the images `indices` of `images`; returns the
  /// mean loss and how many of the batch were classified correctly before the update.
  func trainStep(
    images: UnsafePointer<Float>, indices: UnsafeBufferPointer<Int>,
    labels: UnsafeBufferPointer<Int>,
    classWeights: [Float]?, optimizer: Optimizer
  ) -> (loss: Double, correct: Int) {
    precondition(indices.count <= capacity && indices.count == labels.count)
    forwardImages(images, indices: indices)
    return stepFromFeatures(labels: labels, classWeights: classWeights, optimizer: optimizer)
  }

  /// The rest of a training step once `features` holds the batch's flattened features.
  func stepFromFeatures(
    labels: UnsafeBufferPointer<Int>, classWeights: [Float]?, optimizer: Optimizer
  ) -> (loss: Double, correct: Int) {
    let indices = labels
    forwardDense(count: indices.count)
    softmax(count: indices.count)
    let correct = countCorrect(labels: labels)
    let loss = lossAndLogitGradient(labels: labels, classWeights: classWeights)
    backward(count: indices.count)
    // The update is element by element, so the threads take halves (8-aligned) of the
    // trainable part of the vector (a frozen backbone's weights are never updated).
    let first = plan.trainableStart(frozenStages: frozenStages)
    let total = plan.parameterCount
    let half = threads.count == 2 ? first + ((total - first) / 2 + 7) / 8 * 8 : total
    threads.run { thread in
      let range = thread == 0 ? first..<min(half, total) : min(half, total)..<total
      optimizer.update(
        parameters: parameters.base, gradient: gradient.base, range: range)
    }
    optimizer.finishStep()
    refreshFlippedWeights()
    return (loss, correct)
  }

  /// Softmax probabilities for the images `indices` of `images`, `capacity` at a time.
  func predict(images: UnsafePointer<Float>, indices: [Int]) -> [[Float]] {
    var result: [[Float]] = []
    result.reserveCapacity(indices.count)
    indices.withUnsafeBufferPointer { all in
      var start = 0
      while start < all.count {
        let chunk = UnsafeBufferPointer(rebasing: all[start..<min(start + capacity, all.count)])
        forwardImages(images, indices: chunk)
        forwardDense(count: chunk.count)
        softmax(count: chunk.count)
        for i in 0..<chunk.count {
          result.append(probabilities.array(i * plan.classes..<(i + 1) * plan.classes))
        }
        start += chunk.count
      }
    }
    return result
  }

  private func countCorrect(labels: UnsafeBufferPointer<Int>) -> Int {
    var correct = 0
    for i in 0..<labels.count where argmax(row: i) == labels[i] { correct += 1 }
    return correct
  }

  func argmax(row: Int) -> Int {
    let p = probabilities.base + row * plan.classes
    var best = 0
    for c in 1..<plan.classes where p[c] > p[best] { best = c }
    return best
  }
}
