import HemoCore

/// Pretrained convolution layers (the feature extractor) that a network can start from instead of
/// random weights: the layers before `flatten`, their weights, and the input channels they were
/// trained on.
public struct Backbone: Sendable, Hashable, Codable {
  /// Only `conv`, `relu` and `maxPool` layers.
  public let layers: [LayerSpec]
  /// Channels of the images the backbone was trained on (1 grey, 3 RGB).
  public let inputChannels: Int
  /// Facts about how it was made (seed, corpus, checksum…), saved in the file.
  public var metadata: [String: String]
  /// Conv weights [3][3][in][out] and biases, stage after stage.
  let parameters: [Float]

  init(layers: [LayerSpec], inputChannels: Int, metadata: [String: String], parameters: [Float])
    throws(HemoError)
  {
    let stages = try Self.stages(of: layers, inputChannels: inputChannels)
    let expected = stages.reduce(0) { $0 + 9 * $1.cin * $1.cout + $1.cout }
    guard parameters.count == expected else {
      throw HemoError("the backbone has \(parameters.count) weights; its layers need \(expected)")
    }
    self.layers = layers
    self.inputChannels = inputChannels
    self.metadata = metadata
    self.parameters = parameters
  }

  /// The shape of one convolution of the backbone.
  struct Stage: Equatable {
    var cin: Int
    var cout: Int
    var layerIndex: Int
  }

  /// The convolutions of `layers`, checked to hold only conv, relu and maxPool.
  static func stages(of layers: [LayerSpec], inputChannels: Int) throws(HemoError) -> [Stage] {
    var stages: [Stage] = []
    var channels = inputChannels
    for (index, layer) in layers.enumerated() {
      switch layer {
      case .conv(let filters):
        stages.append(Stage(cin: channels, cout: filters, layerIndex: index))
        channels = filters
      case .relu, .maxPool:
        break
      case .flatten, .dense:
        throw HemoError("a backbone holds only conv, relu and maxpool layers (layer \(index + 1))")
      }
    }
    guard !stages.isEmpty else { throw HemoError("a backbone needs at least one conv layer") }
    return stages
  }

  /// The backbone's convolutions.
  var stages: [Stage] {
    // Checked in init.
    try! Self.stages(of: layers, inputChannels: inputChannels)
  }

  /// How many 2×2 poolings the backbone applies (the input side must divide by 2 that often).
  public var poolings: Int { layers.filter { $0 == .maxPool }.count }

  /// Channels of the last feature map.
  public var featureChannels: Int { stages.last!.cout }

  /// The backbone's layers followed by `head` (the layers from `flatten` on).
  public func network(head: [LayerSpec]) -> NetworkSpec {
    NetworkSpec(layers: layers + head)
  }

  /// `network` with its layers before `flatten` replaced by the backbone's.
  public func network(replacingFeaturesOf network: NetworkSpec) -> NetworkSpec {
    self.network(head: Array(network.layers.drop(while: { $0 != .flatten })))
  }

  /// A one-line description: "conv 16, conv 32, conv 64, conv 64 (3 channels, 4 pools)".
  public var summary: String {
    let convs = stages.map { "conv \($0.cout)" }.joined(separator: ", ")
    return "\(convs) (\(inputChannels == 1 ? "grey" : "\(inputChannels) channels"), "
      + "\(poolings) pools)"
  }
}
