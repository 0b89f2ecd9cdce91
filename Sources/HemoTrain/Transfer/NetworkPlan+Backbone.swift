import HemoCore

extension NetworkPlan {
  /// Checks that `backbone` fits the first convolutions of this plan: same filters and the same
  /// relu/pool after each; the input channels may differ when one side is grey (see
  /// `load(backbone:into:)`). The error names the first layer that does not fit.
  func check(backbone: Backbone) throws(HemoError) {
    let stages = backbone.stages
    guard stages.count <= convs.count else {
      throw HemoError(
        "the backbone has \(stages.count) conv layers; the network has only \(convs.count)",
        advice: "write the network's feature layers as the backbone's, or train from scratch")
    }
    var reluAfter: [Int: Bool] = [:]
    var poolAfter: [Int: Bool] = [:]
    var current = -1
    for layer in backbone.layers {
      switch layer {
      case .conv: current += 1
      case .relu: reluAfter[current] = true
      case .maxPool: poolAfter[current] = true
      default: break
      }
    }
    for (index, stage) in stages.enumerated() {
      let conv = convs[index]
      let cin = index == 0 ? input.channels : conv.cin
      let fitsChannels =
        index > 0 ? stage.cin == conv.cin : (stage.cin == cin || stage.cin == 1 || cin == 1)
      guard fitsChannels, stage.cout == conv.cout else {
        throw HemoError(
          "backbone conv \(index + 1) has weights [3, 3, \(stage.cin), \(stage.cout)], the "
            + "network's conv \(index + 1) needs [3, 3, \(conv.cin), \(conv.cout)]",
          advice: "the network's feature layers must be the backbone's")
      }
      guard conv.relu == (reluAfter[index] ?? false), conv.pool == (poolAfter[index] ?? false)
      else {
        throw HemoError(
          "backbone conv \(index + 1) and the network's differ in relu or maxpool after it")
      }
    }
  }

  /// Copies the backbone's weights over the first convolutions of `parameters`. When the network
  /// takes grey images and the backbone RGB, the first kernels are summed over the three
  /// channels (a grey image seen as R = G = B gives exactly the backbone's response); when the
  /// network takes RGB and the backbone grey, each channel gets a third.
  func load(backbone: Backbone, into parameters: inout [Float]) throws(HemoError) {
    try check(backbone: backbone)
    var offset = 0
    for (index, stage) in backbone.stages.enumerated() {
      let conv = convs[index]
      let weights = backbone.parameters[offset..<(offset + 9 * stage.cin * stage.cout)]
      offset += weights.count
      let biases = backbone.parameters[offset..<(offset + stage.cout)]
      offset += stage.cout
      if stage.cin == conv.cin {
        parameters.replaceSubrange(
          conv.weightOffset..<(conv.weightOffset + weights.count), with: weights)
      } else {
        // Only the first stage may differ, grey against colour.
        for tap in 0..<9 {
          for out in 0..<conv.cout {
            var folded: Float = 0
            if conv.cin == 1 {
              for channel in 0..<stage.cin {
                folded +=
                  weights[weights.startIndex + (tap * stage.cin + channel) * stage.cout + out]
              }
              parameters[conv.weightOffset + tap * conv.cout + out] = folded
            } else {
              let shared = weights[weights.startIndex + tap * stage.cout + out] / Float(conv.cin)
              for channel in 0..<conv.cin {
                parameters[conv.weightOffset + (tap * conv.cin + channel) * conv.cout + out] =
                  shared
              }
            }
          }
        }
      }
      parameters.replaceSubrange(conv.biasOffset..<(conv.biasOffset + conv.cout), with: biases)
    }
  }

  /// The backbone made of this plan's first `stages` convolutions (with their relu and pool).
  func backbone(stages count: Int, parameters: [Float], metadata: [String: String])
    throws(HemoError) -> Backbone
  {
    guard (1...convs.count).contains(count) else {
      throw HemoError("a backbone needs 1…\(convs.count) of the network's conv layers")
    }
    var layers: [LayerSpec] = []
    var values: [Float] = []
    for stage in convs.prefix(count) {
      layers.append(.conv(filters: stage.cout))
      if stage.relu { layers.append(.relu) }
      if stage.pool { layers.append(.maxPool) }
      values += parameters[stage.weightOffset..<(stage.weightOffset + stage.weightCount)]
      values += parameters[stage.biasOffset..<(stage.biasOffset + stage.cout)]
    }
    return try Backbone(
      layers: layers, inputChannels: input.channels, metadata: metadata, parameters: values)
  }

  /// The parameter offset where training starts when the first `frozenStages` convolutions are
  /// fixed (0 when none are).
  func trainableStart(frozenStages: Int) -> Int {
    guard frozenStages > 0 else { return 0 }
    return frozenStages < convs.count ? convs[frozenStages].weightOffset : convParameterCount
  }
}
