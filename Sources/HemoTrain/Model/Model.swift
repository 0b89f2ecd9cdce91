import Foundation
import HemoCore

/// A trained network: its description, input shape, class names, weights and metadata.
///
/// Weights are stored channels-last: conv kernels as [3][3][in][out] (HWIO), dense as [in][out],
/// and `flatten` reads the last feature map in height-width-channel order.
public struct Model: Sendable {
  public let network: NetworkSpec
  public let input: TensorShape
  public let classNames: [String]
  /// Free-form facts saved with the model (preprocessing, seed, …), in the file's `__metadata__`.
  public var metadata: [String: String]
  /// Every weight and bias, in the order of `NetworkPlan.tensors`.
  let parameters: [Float]

  init(
    network: NetworkSpec, input: TensorShape, classNames: [String], metadata: [String: String],
    parameters: [Float]
  ) {
    self.network = network
    self.input = input
    self.classNames = classNames
    self.metadata = metadata
    self.parameters = parameters
  }

  /// A freshly initialised (untrained) model: He-normal weights from `seed`.
  public init(
    network: NetworkSpec, input: TensorShape, classNames: [String], seed: UInt64
  ) throws(HemoError) {
    let plan = try NetworkPlan(network: network, input: input, classes: classNames.count)
    self.init(
      network: network, input: input, classNames: classNames, metadata: ["seed": "\(seed)"],
      parameters: plan.initialParameters(seed: seed))
  }

  var plan: NetworkPlan {
    // A model is only ever built from a plan that validated, so this cannot fail.
    try! NetworkPlan(network: network, input: input, classes: classNames.count)
  }

  /// Softmax probabilities, one row per image, for `count` planar images of shape `input`.
  public func predict(_ images: [Float], count: Int) -> [[Float]] {
    precondition(images.count == count * input.count, "images do not match count × input shape")
    guard count > 0 else { return [] }
    let engine = Engine(plan: plan, capacity: min(count, 32), threads: 1, parameters: parameters)
    return images.withUnsafeBufferPointer { pointer in
      engine.predict(images: pointer.baseAddress!, indices: Array(0..<count))
    }
  }

  /// The first convolution's kernels, one per filter, each C×3×3 (channel, row, column); empty
  /// when the network starts without a convolution.
  public var firstLayerFilters: [[Float]] {
    guard let stage = plan.convs.first else { return [] }
    return (0..<stage.cout).map { co in
      var kernel: [Float] = []
      for ci in 0..<stage.cin {
        for tap in 0..<9 {
          kernel.append(parameters[stage.weightOffset + (tap * stage.cin + ci) * stage.cout + co])
        }
      }
      return kernel
    }
  }

  /// The number of weights and biases.
  public var parameterCount: Int { parameters.count }
}
