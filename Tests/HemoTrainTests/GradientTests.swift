import Foundation
import HemoCore
import Testing

@testable import HemoTrain

/// The engine's forward pass and analytic gradients against a float64 reference network and
/// central finite differences of the reference loss.
@Suite struct GradientTests {
  /// Covers the 16-, 8-channel and scalar conv paths, pooled and unpooled stages, ReLU and not,
  /// several dense layers, three input channels and three classes.
  static let network = NetworkSpec(layers: [
    .conv(filters: 16), .relu, .maxPool,
    .conv(filters: 8), .relu,
    .conv(filters: 5), .maxPool,
    .flatten, .dense(units: 7), .relu, .dense(units: 3),
  ])

  @Test(arguments: [1, 2])
  func gradientsMatchFiniteDifferences(threads: Int) throws {
    let plan = try NetworkPlan(
      network: Self.network, input: TensorShape(channels: 3, height: 8, width: 12), classes: 3)
    let parameters = plan.initialParameters(seed: 11).enumerated().map {
      // Non-zero biases so that every bias path matters.
      $0.element == 0 ? Float($0.offset % 7) * 0.01 - 0.03 : $0.element
    }
    let count = 3
    let images = KernelTests.random(count * plan.input.count, seed: 12).map { $0 * 0.5 + 0.5 }
    let labels = [2, 0, 1]
    let engine = Engine(plan: plan, capacity: 4, threads: threads, parameters: parameters)
    images.withUnsafeBufferPointer { pixels in
      [0, 1, 2].withUnsafeBufferPointer { indices in
        engine.forwardImages(pixels.baseAddress!, indices: indices)
      }
    }
    engine.forwardDense(count: count)
    engine.softmax(count: count)
    let engineLoss = labels.withUnsafeBufferPointer {
      engine.lossAndLogitGradient(labels: $0, classWeights: nil)
    }
    engine.backward(count: count)

    let reference = ReferenceNetwork(plan: plan)
    let p64 = parameters.map(Double.init)
    let image64 = (0..<count).map { i in
      images[(i * plan.input.count)..<((i + 1) * plan.input.count)].map(Double.init)
    }
    let referenceLoss = reference.loss(p64, images: image64, labels: labels)
    #expect(abs(engineLoss - referenceLoss) < 1e-5 * max(1, abs(referenceLoss)))

    // Every tensor: its first, last and a spread of entries in between.
    var checked: [Int] = []
    for tensor in plan.tensors {
      let step = max(1, tensor.count / 9)
      checked += stride(from: 0, to: tensor.count, by: step).map { tensor.offset + $0 }
      checked.append(tensor.offset + tensor.count - 1)
    }
    let h = 1e-5
    var worst = 0.0
    for index in Set(checked) {
      var plus = p64
      var minus = p64
      plus[index] += h
      minus[index] -= h
      let numeric =
        (reference.loss(plus, images: image64, labels: labels)
          - reference.loss(minus, images: image64, labels: labels)) / (2 * h)
      let analytic = Double(engine.gradient.base[index])
      let error = abs(numeric - analytic) / max(1e-3, abs(numeric) + abs(analytic))
      worst = max(worst, error)
      #expect(error < 2e-3, "parameter \(index): numeric \(numeric), analytic \(analytic)")
    }
    #expect(checked.count > 80)
  }

  @Test func classWeightsScaleTheLoss() throws {
    let plan = try NetworkPlan(
      network: NetworkSpec(layers: [.flatten, .dense(units: 2)]),
      input: TensorShape(channels: 1, height: 2, width: 2), classes: 2)
    let engine = Engine(
      plan: plan, capacity: 2, threads: 1, parameters: plan.initialParameters(seed: 3))
    let images: [Float] = [0.1, 0.2, 0.3, 0.4, 0.9, 0.8, 0.7, 0.6]
    images.withUnsafeBufferPointer { pixels in
      [0, 1].withUnsafeBufferPointer { engine.forwardImages(pixels.baseAddress!, indices: $0) }
    }
    engine.forwardDense(count: 2)
    engine.softmax(count: 2)
    let p = engine.probabilities.array(0..<4).map(Double.init)
    let weighted = [0, 1].withUnsafeBufferPointer {
      engine.lossAndLogitGradient(labels: $0, classWeights: [3, 0.5])
    }
    // Keras-style: Σ wᵢ·CEᵢ / n.
    #expect(abs(weighted - (3 * -Foundation.log(p[0]) + 0.5 * -Foundation.log(p[3])) / 2) < 1e-5)
  }
}
