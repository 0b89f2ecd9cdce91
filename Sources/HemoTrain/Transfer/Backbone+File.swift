import Foundation
import HemoCore

/// Saving and loading backbones as safetensors files: tensors `layers.<index>.weight|bias` as in
/// model files, `__metadata__` with the layers (`hemolab.backbone.layers`, JSON), the input
/// channels and the caller's metadata. Loading can check the file's SHA-256.
extension Backbone {
  static let formatName = "hemolab-backbone-1"

  /// The file's bytes (deterministic: the same weights give the same bytes).
  public func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var meta = metadata
    meta["format"] = Self.formatName
    meta["hemolab.backbone.layers"] = String(decoding: try! encoder.encode(layers), as: UTF8.self)
    meta["hemolab.backbone.channels"] = "\(inputChannels)"
    var offset = 0
    let tensors = stages.flatMap { stage in
      let weights = 9 * stage.cin * stage.cout
      defer { offset += weights + stage.cout }
      return [
        (
          name: "layers.\(stage.layerIndex).weight",
          tensor: SafeTensors.Tensor(
            shape: [3, 3, stage.cin, stage.cout],
            values: Array(parameters[offset..<(offset + weights)]))
        ),
        (
          name: "layers.\(stage.layerIndex).bias",
          tensor: SafeTensors.Tensor(
            shape: [stage.cout],
            values: Array(parameters[(offset + weights)..<(offset + weights + stage.cout)]))
        ),
      ]
    }
    return SafeTensors.encode(tensors: tensors, metadata: meta)
  }

  /// Writes the backbone to `url` (replacing it) and returns the file's SHA-256.
  @discardableResult
  public func save(to url: URL) throws(HemoError) -> String {
    let data = encoded()
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw HemoError(file: url.path, "could not write the backbone: \(error.localizedDescription)")
    }
    return SHA256.hex(data)
  }

  /// Reads a backbone saved by `save(to:)`. When `sha256` is given the file must have exactly
  /// that checksum. Any problem is one `HemoError` naming the file.
  public static func load(from url: URL, sha256: String? = nil) throws(HemoError) -> Backbone {
    let file = url.path
    guard let data = FileManager.default.contents(atPath: file) else {
      throw HemoError(file: file, "cannot read the backbone file", advice: "check the path")
    }
    if let sha256 {
      let actual = SHA256.hex(data)
      guard actual == sha256.lowercased() else {
        throw HemoError(
          file: file,
          "the backbone's SHA-256 is \(actual.prefix(12))…, its recipe says "
            + "\(sha256.prefix(12))…",
          advice: "the file was changed or damaged; rebuild it with hemolab pretrain")
      }
    }
    return try decode(data, file: file)
  }

  /// Decodes a backbone file's bytes.
  static func decode(_ data: Data, file: String) throws(HemoError) -> Backbone {
    let (metadata, tensors) = try SafeTensors.decode(data, file: file)
    guard metadata["format"] == formatName else {
      throw HemoError(
        file: file, "this safetensors file is not a HemoLab backbone",
        advice: "expected format \(formatName), made by hemolab pretrain")
    }
    guard let text = metadata["hemolab.backbone.layers"],
      let layers = try? JSONDecoder().decode([LayerSpec].self, from: Data(text.utf8)),
      let channels = metadata["hemolab.backbone.channels"].flatMap(Int.init),
      channels == 1 || channels == 3
    else { throw HemoError(file: file, "the backbone's metadata has no valid layers or channels") }
    let stages: [Stage]
    do {
      stages = try Self.stages(of: layers, inputChannels: channels)
    } catch {
      throw HemoError(file: file, error.problem)
    }
    var parameters: [Float] = []
    for stage in stages {
      for (suffix, shape) in [
        ("weight", [3, 3, stage.cin, stage.cout]), ("bias", [stage.cout]),
      ] {
        let name = "layers.\(stage.layerIndex).\(suffix)"
        guard let tensor = tensors[name] else {
          throw HemoError(file: file, "tensor \(name) is missing")
        }
        guard tensor.shape == shape else {
          throw HemoError(
            file: file, "tensor \(name) has shape \(tensor.shape), the layers need \(shape)")
        }
        parameters += tensor.values
      }
    }
    var own = metadata
    for key in ["format", "hemolab.backbone.layers", "hemolab.backbone.channels"] {
      own[key] = nil
    }
    do {
      return try Backbone(
        layers: layers, inputChannels: channels, metadata: own, parameters: parameters)
    } catch {
      throw HemoError(file: file, error.problem)
    }
  }
}
