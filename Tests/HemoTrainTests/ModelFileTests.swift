import Foundation
import HemoCore
import Testing

@testable import HemoTrain

/// Model files: safetensors round trip, atomic no-overwrite saving, clear errors.
///
/// Checked once by hand that Python's `safetensors` reads our files (2026-11, safetensors in
/// /work/.bench-venv):
///   python -c "from safetensors.numpy import load_file; from safetensors import safe_open;
///     t = load_file('m.safetensors'); print({k: v.shape for k, v in t.items()});
///     print(safe_open('m.safetensors', 'np').metadata()['hemolab.classes'])"
/// printed every `layers.N.weight|bias` with our shapes (e.g. layers.0.weight (3, 3, 1, 8)) and
/// the class names; values matched `firstLayerFilters`.
@Suite struct ModelFileTests {
  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemotrain-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func roundTripKeepsEverything() throws {
    let data = Fixtures.blobs(count: 40)
    var (model, _) = train(
      dataset: data, network: Fixtures.smallNetwork, config: TrainingConfig(epochs: 1, seed: 4))
    model.metadata["preprocessing"] = "brain window 40/80"
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("m.safetensors")
    try model.save(to: url)
    let loaded = try Model.load(from: url)
    #expect(loaded.parameters == model.parameters)
    #expect(loaded.network == model.network && loaded.input == model.input)
    #expect(loaded.classNames == ["first", "second"])
    #expect(loaded.metadata["preprocessing"] == "brain window 40/80")
    #expect(loaded.metadata["seed"] == "4")
    let pixels = Array(data.images.prefix(512))
    #expect(loaded.predict(pixels, count: 2) == model.predict(pixels, count: 2))
    // Layout: 8-byte little-endian header length, JSON header padded to 8 bytes.
    let bytes = try Data(contentsOf: url)
    let length = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    #expect(length % 8 == 0)
    #expect(bytes.count == 8 + length + model.parameterCount * 4)
    // Refuses to overwrite unless asked, and leaves no temporary files behind.
    #expect(throws: HemoError.self) { try model.save(to: url) }
    try model.save(to: url, overwrite: true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m.safetensors"])
  }

  @Test func truncatedAndForeignFilesGiveClearErrors() throws {
    let data = Fixtures.blobs(count: 40)
    let model = try Model(
      network: Fixtures.smallNetwork, input: data.shape, classNames: data.classNames, seed: 1)
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let good = folder.appendingPathComponent("good.safetensors")
    try model.save(to: good)
    let bytes = try Data(contentsOf: good)
    let cases: [(String, Data, String)] = [
      ("truncated", bytes.prefix(bytes.count - 10), "does not fit"),
      ("short", bytes.prefix(5), "too short"),
      ("header", bytes.prefix(40), "header length"),
      ("text", Data("hello, this is not a model at all".utf8), "header length"),
    ]
    for (name, content, message) in cases {
      let url = folder.appendingPathComponent("\(name).safetensors")
      try content.write(to: url)
      #expect {
        try Model.load(from: url)
      } throws: { error in
        let error = error as! HemoError
        return error.file == url.path && error.problem.contains(message)
      }
    }
    // A valid safetensors file that is not a HemoLab model.
    let foreign = SafeTensors.encode(
      tensors: [(name: "w", tensor: SafeTensors.Tensor(shape: [2], values: [1, 2]))], metadata: [:])
    let url = folder.appendingPathComponent("foreign.safetensors")
    try foreign.write(to: url)
    #expect(throws: HemoError.self) { try Model.load(from: url) }
    #expect(throws: HemoError.self) { try Model.load(from: folder.appendingPathComponent("none")) }
  }

  @Test func firstLayerFiltersAreChannelRowColumn() throws {
    let model = try Model(
      network: NetworkSpec(layers: [.conv(filters: 2), .flatten, .dense(units: 2)]),
      input: TensorShape(channels: 3, height: 2, width: 2), classNames: ["a", "b"], seed: 8)
    let filters = model.firstLayerFilters
    #expect(filters.count == 2 && filters[1].count == 27)
    // Filter 1, channel 2, row 0, column 1 = weight [ky 0][kx 1][ci 2][co 1].
    #expect(filters[1][2 * 9 + 1] == model.parameters[((0 * 3 + 1) * 3 + 2) * 2 + 1])
  }
}
