import HemoCore

/// How a network starts: from random weights ("scratch"), or from a pretrained backbone that is
/// either kept fixed ("frozen": only the head trains, as Teachable Machine does) or trained on
/// with the rest ("finetune").
public enum BackboneMode: String, Sendable, Hashable, Codable, CaseIterable {
  case scratch
  case frozen
  case finetune

  /// "from scratch", "pretrained, frozen", "pretrained, fine-tuned".
  public var label: String {
    switch self {
    case .scratch: "from scratch"
    case .frozen: "pretrained backbone, frozen"
    case .finetune: "pretrained backbone, fine-tuned"
    }
  }
}

/// The training configuration's transfer-learning part: which backbone the network's feature
/// layers start from, and whether they keep training.
public struct Transfer: Sendable, Hashable, Codable {
  public var backbone: Backbone
  /// True: the backbone's weights never change (only the head learns).
  public var frozen: Bool

  public init(backbone: Backbone, frozen: Bool) {
    self.backbone = backbone
    self.frozen = frozen
  }

  /// `.frozen` or `.finetune`.
  public var mode: BackboneMode { frozen ? .frozen : .finetune }
}

extension Transfer {
  /// The network that trains: `network`'s layers before `flatten` replaced by the backbone's,
  /// its head (from `flatten` on) kept.
  public func network(for network: NetworkSpec) -> NetworkSpec {
    backbone.network(replacingFeaturesOf: network)
  }

  /// Checks that the backbone and `network`'s head can be built for `input` and `classes`
  /// (input size divisible by 2 for every pooling, grey or RGB input), in one line if not.
  public func validate(network: NetworkSpec, input: TensorShape, classes: Int) throws(HemoError) {
    guard
      input.channels == backbone.inputChannels || input.channels == 1
        || backbone.inputChannels == 1
    else {
      throw HemoError(
        "the backbone takes \(backbone.inputChannels)-channel images, the data has "
          + "\(input.channels) channels")
    }
    try self.network(for: network).validate(input: input, classes: classes, backbone: backbone)
  }
}
