import Foundation
import HemoCore
import Testing

@testable import HemoTrain

/// The saliency passes against a float64 reference: the input gradient against central finite
/// differences of the logit, Grad-CAM against its formula on a network where the class score is
/// linear in the last convolution's activations.
@Suite struct SaliencyEngineTests {
  static func model(_ network: NetworkSpec, input: TensorShape, classes: Int, seed: UInt64) throws
    -> Model
  {
    let plan = try NetworkPlan(network: network, input: input, classes: classes)
    let parameters = plan.initialParameters(seed: seed).enumerated().map {
      $0.element == 0 ? Float($0.offset % 7) * 0.01 - 0.03 : $0.element
    }
    return Model(
      network: network, input: input, classNames: (0..<classes).map { "c\($0)" }, metadata: [:],
      parameters: parameters)
  }

  @Test(arguments: [0, 2])
  func inputGradientMatchesFiniteDifferences(classIndex: Int) throws {
    let input = TensorShape(channels: 3, height: 8, width: 12)
    let model = try Self.model(GradientTests.network, input: input, classes: 3, seed: 21)
    let explainer = try SaliencyExplainer(model: model)
    let image = KernelTests.random(input.count, seed: 22).map { $0 * 0.5 + 0.5 }
    let analytic = explainer.inputGradient(image, classIndex: classIndex)
    let reference = ReferenceNetwork(plan: model.plan)
    let p64 = model.parameters.map(Double.init)
    let x64 = image.map(Double.init)
    let engineLogits = explainer.logits(image)
    let referenceLogits = reference.logits(p64, image: x64)
    for c in 0..<3 { #expect(abs(Double(engineLogits[c]) - referenceLogits[c]) < 1e-4) }
    let h = 1e-5
    var nonZero = 0
    for index in stride(from: 0, to: input.count, by: 5) {
      var plus = x64
      var minus = x64
      plus[index] += h
      minus[index] -= h
      func score(_ logits: [Double]) -> Double {
        logits[classIndex] - (logits.reduce(0, +) - logits[classIndex]) / Double(logits.count - 1)
      }
      let numeric =
        (score(reference.logits(p64, image: plus)) - score(reference.logits(p64, image: minus)))
        / (2 * h)
      let error =
        abs(numeric - Double(analytic[index]))
        / max(1e-3, abs(numeric) + abs(Double(analytic[index])))
      #expect(error < 2e-3, "pixel \(index): numeric \(numeric), analytic \(analytic[index])")
      if abs(numeric) > 1e-4 { nonZero += 1 }
    }
    #expect(nonZero > 20)
  }

  /// conv (ReLU) → flatten → dense: the score (logit 1 − logit 0) is Σ (W₁ − W₀)·A + b, so
  /// d score / dA is that column difference and Grad-CAM is ReLU(Σ_k mean_i(dW[i,k]) · A[i,k]).
  @Test func gradCAMMatchesItsFormula() throws {
    let network = NetworkSpec(layers: [.conv(filters: 8), .relu, .flatten, .dense(units: 2)])
    let input = TensorShape(channels: 1, height: 6, width: 6)
    let model = try Self.model(network, input: input, classes: 2, seed: 5)
    let explainer = try SaliencyExplainer(model: model)
    let image = KernelTests.random(input.count, seed: 6).map { $0 * 0.5 + 0.5 }
    let plan = model.plan
    let conv = plan.convs[0]
    let dense = plan.denses[0]
    let p = model.parameters
    var activations = [Float](repeating: 0, count: 36 * 8)
    for y in 0..<6 {
      for x in 0..<6 {
        for co in 0..<8 {
          var sum = p[conv.biasOffset + co]
          for ky in 0..<3 {
            for kx in 0..<3 {
              let (iy, ix) = (y + ky - 1, x + kx - 1)
              guard (0..<6).contains(iy), (0..<6).contains(ix) else { continue }
              sum += p[conv.weightOffset + (ky * 3 + kx) * 8 + co] * image[iy * 6 + ix]
            }
          }
          activations[(y * 6 + x) * 8 + co] = max(sum, 0)
        }
      }
    }
    let classIndex = 1
    var alpha = [Float](repeating: 0, count: 8)
    for i in 0..<36 {
      for k in 0..<8 {
        // d score / dA is the column difference where the ReLU passed, 0 where it was off.
        let row = dense.weightOffset + (i * 8 + k) * 2
        let g = activations[i * 8 + k] > 0 ? p[row + classIndex] - p[row + 1 - classIndex] : 0
        alpha[k] += g / 36
      }
    }
    var expected = [Float](repeating: 0, count: 36)
    for i in 0..<36 {
      var sum: Float = 0
      for k in 0..<8 { sum += alpha[k] * activations[i * 8 + k] }
      expected[i] = max(sum, 0)
    }
    let top = expected.max()!
    #expect(top > 0)
    let map = explainer.map(image, method: .gradCAM, classIndex: classIndex)
    for i in 0..<36 { #expect(abs(map.values[i] - expected[i] / top) < 1e-4, "pixel \(i)") }
  }

  @Test func upsamplingKeepsConstantsAndInterpolates() {
    let constant = SaliencyExplainer.upsampled([2, 2, 2, 2], width: 2, height: 2, to: 4, 4)
    #expect(constant.allSatisfy { abs($0 - 2) < 1e-6 })
    let ramp = SaliencyExplainer.upsampled([0, 4], width: 2, height: 1, to: 4, 1)
    #expect(ramp == [0, 1, 3, 4])
  }

  @Test func mapsAreDeterministicForASeed() throws {
    let input = TensorShape(channels: 1, height: 16, width: 16)
    let model = try Self.model(
      NetworkSpec.benchmark(classes: 2), input: input, classes: 2, seed: 8)
    let image = KernelTests.random(input.count, seed: 9).map { $0 * 0.5 + 0.5 }
    for method in SaliencyMethod.allCases {
      let a = try SaliencyExplainer(model: model).map(image, method: method, seed: 3)
      let b = try SaliencyExplainer(model: model).map(image, method: method, seed: 3)
      #expect(a == b, "\(method)")
    }
    let explainer = try SaliencyExplainer(model: model)
    let other = explainer.map(image, method: .smoothGrad, seed: 4)
    #expect(other != explainer.map(image, method: .smoothGrad, seed: 3))
  }

  @Test func scoreCountsPeakAndMass() {
    var values = [Float](repeating: 0, count: 25)
    values[12] = 1  // the peak at (2, 2)
    values[0] = 0.5
    let map = SaliencyMap(
      width: 5, height: 5, values: values, classIndex: 0, method: .gradCAM, probabilities: [1, 0])
    #expect(map.peak.x == 2 && map.peak.y == 2)
    var mask = PixelMask(width: 5, height: 5)
    mask[4, 2] = true
    let head = PixelMask(width: 5, height: 5, bits: [Bool](repeating: true, count: 25))
    let near = SaliencyScore(map: map, mask: mask, head: head, dilation: 2)
    #expect(near.hit)
    #expect(near.massShare == 0)
    #expect(abs(near.maskShareOfHead - 1.0 / 25) < 1e-12)
    let far = SaliencyScore(map: map, mask: mask, head: head, dilation: 1)
    #expect(!far.hit)
    mask[2, 2] = true
    let on = SaliencyScore(map: map, mask: mask, head: head, dilation: 0)
    #expect(on.hit)
    #expect(abs(on.massShare - 1 / 1.5) < 1e-6)
  }

  @Test func spearmanKnownValues() {
    #expect(abs(spearmanCorrelation([1, 2, 3, 4], [10, 20, 30, 40]) - 1) < 1e-12)
    #expect(abs(spearmanCorrelation([1, 2, 3, 4], [4, 3, 2, 1]) + 1) < 1e-12)
    // Ranks with a tie: [1, 2.5, 2.5, 4] against [1, 2, 3, 4] → 0.9486833.
    #expect(abs(spearmanCorrelation([1, 2, 2, 4], [1, 2, 3, 4]) - 0.9486833) < 1e-6)
  }
}
