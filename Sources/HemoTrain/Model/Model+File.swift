import Foundation
import HemoCore

/// Saving and loading models as safetensors files.
///
/// Tensors are named `layers.<index in NetworkSpec>.weight|bias`; `__metadata__` holds the
/// network (`hemolab.network`, JSON), input shape (`hemolab.input`, JSON), class names
/// (`hemolab.classes`, JSON) and the weight layout, next to the caller's own metadata.
extension Model {
  static let formatName = "hemolab-model-1"

  /// Writes the model atomically (temporary file, then rename). Refuses to replace an existing
  /// file unless `overwrite` is true.
  public func save(to url: URL, overwrite: Bool = false) throws {
    let manager = FileManager.default
    if !overwrite && manager.fileExists(atPath: url.path) {
      throw HemoError(
        file: url.path, "the file already exists",
        advice: "choose another name or allow overwriting")
    }
    let plan = self.plan
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var meta = metadata
    meta["format"] = Self.formatName
    meta["hemolab.network"] = String(decoding: try encoder.encode(network), as: UTF8.self)
    meta["hemolab.input"] = String(decoding: try encoder.encode(input), as: UTF8.self)
    meta["hemolab.classes"] = String(decoding: try encoder.encode(classNames), as: UTF8.self)
    meta["hemolab.layout"] =
      "conv weights [ky,kx,in,out]; dense weights [in,out]; flatten in height-width-channel order"
    let tensors = plan.tensors.map {
      (
        name: $0.name,
        tensor: SafeTensors.Tensor(
          shape: $0.shape, values: Array(parameters[$0.offset..<($0.offset + $0.count)]))
      )
    }
    let data = SafeTensors.encode(tensors: tensors, metadata: meta)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try data.write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw HemoError(file: url.path, "could not move the saved model into place")
      }
    } catch {
      try? manager.removeItem(at: temporary)
      if let error = error as? HemoError { throw error }
      throw HemoError(file: url.path, "could not write the model: \(error.localizedDescription)")
    }
  }

  /// Reads a model saved by `save(to:)`. Truncated, foreign or inconsistent files give a
  /// `HemoError` naming the file and the problem.
  public static func load(from url: URL) throws(HemoError) -> Model {
    let file = url.path
    let attributes = try? FileManager.default.attributesOfItem(atPath: file)
    guard let size = attributes?[.size] as? Int else {
      throw HemoError(file: file, "cannot read the file", advice: "check the path")
    }
    guard size <= 1 << 30 else { throw HemoError(file: file, "the file is larger than 1 GB") }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw HemoError(file: file, "cannot read the file", advice: "check the path")
    }
    let (metadata, tensors) = try SafeTensors.decode(data, file: file)
    func decode<T: Decodable>(_ key: String, as type: T.Type) throws(HemoError) -> T {
      guard let text = metadata[key],
        let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8))
      else {
        throw HemoError(
          file: file, "the metadata has no valid \(key)",
          advice: "expected a model saved by hemolab")
      }
      return value
    }
    guard metadata["format"] == formatName else {
      throw HemoError(
        file: file, "this safetensors file is not a HemoLab model",
        advice: "expected format \(formatName)")
    }
    let network = try decode("hemolab.network", as: NetworkSpec.self)
    let input = try decode("hemolab.input", as: TensorShape.self)
    let classNames = try decode("hemolab.classes", as: [String].self)
    let plan: NetworkPlan
    do {
      plan = try NetworkPlan(network: network, input: input, classes: classNames.count)
    } catch {
      throw HemoError(file: file, error.problem)
    }
    var parameters = [Float](repeating: 0, count: plan.parameterCount)
    for expected in plan.tensors {
      guard let tensor = tensors[expected.name], tensor.shape == expected.shape else {
        throw HemoError(
          file: file, "tensor \(expected.name) is missing or has the wrong shape")
      }
      parameters.replaceSubrange(
        expected.offset..<(expected.offset + expected.count), with: tensor.values)
    }
    var own = metadata
    for key in ["format", "hemolab.network", "hemolab.input", "hemolab.classes", "hemolab.layout"] {
      own[key] = nil
    }
    return Model(
      network: network, input: input, classNames: classNames, metadata: own, parameters: parameters)
  }
}
