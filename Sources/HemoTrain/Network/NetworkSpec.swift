import HemoCore

/// One layer of a network description.
///
/// `conv` is a 3×3 convolution with stride 1 and zero ("same") padding; `maxPool` is a 2×2 max-pool
/// with stride 2; the last `dense` layer gives the class scores, which the trainer passes through
/// softmax cross-entropy.
public enum LayerSpec: Sendable, Hashable, Codable {
  case conv(filters: Int)
  case relu
  case maxPool
  case flatten
  case dense(units: Int)
}

/// A network as a list of layers, for example the benchmark network.
///
/// Supported shapes: any number of `conv` layers, each optionally followed by `relu` and/or
/// `maxPool`, then `flatten`, then `dense` layers (each optionally followed by `relu`) ending in a
/// `dense` layer with one unit per class. `validate` explains anything else in one line.
public struct NetworkSpec: Sendable, Hashable, Codable {
  public var layers: [LayerSpec]

  public init(layers: [LayerSpec]) {
    self.layers = layers
  }

  /// conv8-relu-pool, conv16-relu-pool, conv32-relu-pool, flatten, dense64, relu, dense(classes):
  /// the network of `hemolab bench` and of `shared/bench/torch_reference.py`.
  public static func benchmark(classes: Int) -> NetworkSpec {
    NetworkSpec(layers: [
      .conv(filters: 8), .relu, .maxPool,
      .conv(filters: 16), .relu, .maxPool,
      .conv(filters: 32), .relu, .maxPool,
      .flatten, .dense(units: 64), .relu, .dense(units: classes),
    ])
  }

  /// Checks that the network can be built for `input` and `classes`, with a one-line reason if not.
  public func validate(input: TensorShape, classes: Int) throws(HemoError) {
    _ = try NetworkPlan(network: self, input: input, classes: classes)
  }

  /// The number of trainable parameters (weights and biases) for `input` and `classes`, or nil if
  /// the network cannot be built.
  public func parameterCount(input: TensorShape, classes: Int) -> Int? {
    (try? NetworkPlan(network: self, input: input, classes: classes))?.parameterCount
  }
}
