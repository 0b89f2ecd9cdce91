import Foundation
import HemoCore

/// Computes saliency maps of one model with HemoLab's own engine: Grad-CAM on the last
/// convolution and gradient maps at input resolution, each from one backward pass of a class
/// score (the logit). Deterministic: SmoothGrad's noise comes from the seed.
///
/// Not thread-safe: use one explainer per thread.
public final class SaliencyExplainer {
  public let model: Model
  /// Noisy copies SmoothGrad averages, and their noise (σ as a share of the input's range).
  public static let smoothGradSamples = 24
  public static let smoothGradNoise: Float = 0.15

  private let engine: Engine
  private let firstFlipped: FloatBuffer

  /// Fails when the network has no convolution (nothing for Grad-CAM to look at).
  public init(model: Model) throws(HemoError) {
    let plan = model.plan
    guard let first = plan.convs.first else {
      throw HemoError("saliency needs a network with at least one convolution")
    }
    self.model = model
    engine = Engine(plan: plan, capacity: 1, threads: 1, parameters: model.parameters)
    firstFlipped = FloatBuffer(count: first.weightCount)
    Conv3x3.transposeFlipped(
      weights: engine.parameters.base + first.weightOffset, cin: first.cin, cout: first.cout,
      into: firstFlipped.base)
  }

  /// The map of `method` for `image` (planar, the model's input shape) and the score of
  /// `classIndex`, or of the predicted class when nil.
  public func map(
    _ image: [Float], method: SaliencyMethod, classIndex: Int? = nil, seed: UInt64 = 1
  ) -> SaliencyMap {
    precondition(image.count == model.input.count, "image does not match the model's input")
    let target = classIndex ?? predictedClass(image)
    let (w, h) = (model.input.width, model.input.height)
    switch method {
    case .gradCAM:
      let pass = gradients(image, classIndex: target)
      return SaliencyMap(
        width: w, height: h, values: Self.gradCAM(pass, width: w, height: h), classIndex: target,
        method: method, probabilities: pass.probabilities)
    case .hiResCAM:
      let pass = gradients(image, classIndex: target)
      return SaliencyMap(
        width: w, height: h, values: Self.hiResCAM(pass, width: w, height: h), classIndex: target,
        method: method, probabilities: pass.probabilities)
    case .gradientTimesInput:
      let pass = gradients(image, classIndex: target)
      return SaliencyMap(
        width: w, height: h, values: gradientTimesInput(pass.input, image), classIndex: target,
        method: method, probabilities: pass.probabilities)
    case .smoothGrad:
      let clean = gradients(image, classIndex: target)
      let range = (image.max() ?? 1) - (image.min() ?? 0)
      let sd = Double(Self.smoothGradNoise * max(range, 1e-6))
      var rng = SeededRNG(seed: seed, stream: 0x5A11)
      var sum = [Float](repeating: 0, count: w * h)
      for _ in 0..<Self.smoothGradSamples {
        let noisy = image.map { $0 + Float(rng.normal() * sd) }
        let values = gradientTimesInput(gradients(noisy, classIndex: target).input, noisy)
        for i in sum.indices { sum[i] += values[i] }
      }
      return SaliencyMap(
        width: w, height: h, values: sum, classIndex: target, method: method,
        probabilities: clean.probabilities)
    }
  }

  /// d score[classIndex] / d image, planar like the image, where the score is the class's logit
  /// minus the mean of the others (for tests against finite differences).
  public func inputGradient(_ image: [Float], classIndex: Int) -> [Float] {
    gradients(image, classIndex: classIndex).input
  }

  /// The class scores (logits, before softmax) of `image`: what the gradients differentiate.
  public func logits(_ image: [Float]) -> [Float] {
    gradients(image, classIndex: 0).logits
  }

  private func predictedClass(_ image: [Float]) -> Int {
    let p = gradients(image, classIndex: 0).probabilities
    return p.indices.max { p[$0] < p[$1] } ?? 0
  }

  private func gradients(_ image: [Float], classIndex: Int) -> Engine.ScoreGradients {
    image.withUnsafeBufferPointer {
      engine.scoreGradients(
        image: $0.baseAddress!, classIndex: classIndex, firstFlipped: firstFlipped.base)
    }
  }

  private func gradientTimesInput(_ gradient: [Float], _ image: [Float]) -> [Float] {
    let plane = model.input.width * model.input.height
    var values = [Float](repeating: 0, count: plane)
    for ch in 0..<model.input.channels {
      for i in 0..<plane { values[i] += gradient[ch * plane + i] * image[ch * plane + i] }
    }
    return values.map { abs($0) }
  }

  /// Channel weights = spatial mean of the gradient; ReLU of the weighted sum of the activations;
  /// bilinear upsampling to the input size.
  static func gradCAM(_ pass: Engine.ScoreGradients, width: Int, height: Int) -> [Float] {
    let (h, w, c) = pass.lastConv
    var weights = [Float](repeating: 0, count: c)
    for i in 0..<(h * w) {
      for k in 0..<c { weights[k] += pass.activationGradient[i * c + k] }
    }
    for k in 0..<c { weights[k] /= Float(h * w) }
    var cam = [Float](repeating: 0, count: h * w)
    for i in 0..<(h * w) {
      var sum: Float = 0
      for k in 0..<c { sum += weights[k] * pass.activations[i * c + k] }
      cam[i] = max(sum, 0)
    }
    return upsampled(cam, width: w, height: h, to: width, height)
  }

  /// ReLU of Σ_k gradient · activation at each position of the last convolution, upsampled.
  static func hiResCAM(_ pass: Engine.ScoreGradients, width: Int, height: Int) -> [Float] {
    let (h, w, c) = pass.lastConv
    var cam = [Float](repeating: 0, count: h * w)
    for i in 0..<(h * w) {
      var sum: Float = 0
      for k in 0..<c { sum += pass.activationGradient[i * c + k] * pass.activations[i * c + k] }
      cam[i] = max(sum, 0)
    }
    return upsampled(cam, width: w, height: h, to: width, height)
  }

  /// Bilinear resampling with pixel centres aligned (align_corners = false).
  public static func upsampled(
    _ values: [Float], width: Int, height: Int, to outWidth: Int, _ outHeight: Int
  ) -> [Float] {
    var out = [Float](repeating: 0, count: outWidth * outHeight)
    for oy in 0..<outHeight {
      let sy = min(
        max((Float(oy) + 0.5) * Float(height) / Float(outHeight) - 0.5, 0), Float(height - 1))
      let y0 = Int(sy)
      let y1 = min(y0 + 1, height - 1)
      let fy = sy - Float(y0)
      for ox in 0..<outWidth {
        let sx = min(
          max((Float(ox) + 0.5) * Float(width) / Float(outWidth) - 0.5, 0), Float(width - 1))
        let x0 = Int(sx)
        let x1 = min(x0 + 1, width - 1)
        let fx = sx - Float(x0)
        let top = values[y0 * width + x0] * (1 - fx) + values[y0 * width + x1] * fx
        let bottom = values[y1 * width + x0] * (1 - fx) + values[y1 * width + x1] * fx
        out[oy * outWidth + ox] = top * (1 - fy) + bottom * fy
      }
    }
    return out
  }
}
