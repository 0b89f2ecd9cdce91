import Foundation
import HemoCore
import Testing

@testable import HemoTrain

/// The pretrained backbone in the trainer: loading into a network, frozen and fine-tuned
/// training, grey/RGB folding, the file format and its checksum.
@Suite struct TransferTests {
  /// A backbone cut from a network trained on the blobs (the first two conv stages).
  static func trainedBackbone(channels: Int = 1) throws -> Backbone {
    let data = Fixtures.blobs(count: 60)
    let (model, _) = train(
      dataset: data, network: Fixtures.smallNetwork,
      config: TrainingConfig(epochs: 3, batchSize: 10, seed: 3))
    return try model.plan.backbone(stages: 2, parameters: model.parameters, metadata: [:])
  }

  static func convWeights(_ model: Model) -> [Float] {
    Array(model.parameters[0..<model.plan.convParameterCount])
  }

  @Test func frozenTrainingKeepsTheBackboneAndTrainsTheHead() throws {
    let backbone = try Self.trainedBackbone()
    let data = Fixtures.blobs(count: 40, seed: 9)
    let config = TrainingConfig(
      epochs: 4, batchSize: 8, seed: 4, augmentation: Augmentation(mirror: true),
      transfer: Transfer(backbone: backbone, frozen: true))
    let (model, snapshot) = train(dataset: data, network: Fixtures.smallNetwork, config: config)
    #expect(Self.convWeights(model) == backbone.parameters)
    let first = snapshot.epochs.first!.trainLoss
    let last = snapshot.epochs.last!.trainLoss
    #expect(last < first)
  }

  @Test func frozenFeaturesGiveTheSameNumbersAsTheFullForwardPass() throws {
    // A frozen run evaluates its test set from cached features; the saved model, run through
    // every layer, must give exactly the same probabilities.
    let backbone = try Self.trainedBackbone()
    let data = Fixtures.blobs(count: 30, seed: 12)
    let config = TrainingConfig(
      epochs: 2, batchSize: 8, seed: 6, transfer: Transfer(backbone: backbone, frozen: true))
    let (model, snapshot) = train(dataset: data, network: Fixtures.smallNetwork, config: config)
    let split = StratifiedSplit(labels: data.labels, testFraction: 0.15, seed: 6)
    let images = split.test.flatMap { Array(data.images[($0 * 256)..<(($0 + 1) * 256)]) }
    let direct = model.predict(images, count: split.test.count)
    #expect(direct == snapshot.evaluation!.probabilities)
  }

  @Test func fineTuningChangesTheBackbone() throws {
    let backbone = try Self.trainedBackbone()
    let data = Fixtures.blobs(count: 40, seed: 9)
    let config = TrainingConfig(
      epochs: 2, batchSize: 8, seed: 4, transfer: Transfer(backbone: backbone, frozen: false))
    let (model, _) = train(dataset: data, network: Fixtures.smallNetwork, config: config)
    #expect(Self.convWeights(model) != backbone.parameters)
  }

  @Test func theBackboneReplacesTheFeatureLayersAndKeepsTheHead() throws {
    let backbone = try Self.trainedBackbone()
    let other = NetworkSpec(layers: [
      .conv(filters: 4), .relu, .flatten, .dense(units: 7), .relu, .dense(units: 2),
    ])
    let network = Transfer(backbone: backbone, frozen: true).network(for: other)
    #expect(
      network.layers == [
        .conv(filters: 8), .relu, .maxPool, .conv(filters: 16), .relu, .maxPool, .flatten,
        .dense(units: 7), .relu, .dense(units: 2),
      ])
  }

  @Test func anRGBBackboneOnGreyImagesSumsItsFirstKernels() throws {
    // Grey image g seen as RGB (g, g, g) through RGB weights = g through the summed weights.
    var rng = SeededRNG(seed: 8)
    let rgbLayers: [LayerSpec] = [.conv(filters: 4), .relu, .maxPool]
    let weights = (0..<(9 * 3 * 4 + 4)).map { _ in Float(rng.normal()) }
    let backbone = try Backbone(
      layers: rgbLayers, inputChannels: 3, metadata: [:], parameters: weights)
    let head: [LayerSpec] = [.flatten, .dense(units: 2)]
    let grey = TensorShape(channels: 1, height: 8, width: 8)
    let rgb = TensorShape(channels: 3, height: 8, width: 8)
    let network = backbone.network(head: head)
    let greyPlan = try NetworkPlan(network: network, input: grey, classes: 2)
    let rgbPlan = try NetworkPlan(network: network, input: rgb, classes: 2)
    var greyParameters = greyPlan.initialParameters(seed: 1)
    var rgbParameters = rgbPlan.initialParameters(seed: 1)
    try greyPlan.load(backbone: backbone, into: &greyParameters)
    try rgbPlan.load(backbone: backbone, into: &rgbParameters)
    // Same head weights on both sides.
    let headRange = greyPlan.convParameterCount..<greyPlan.parameterCount
    let rgbHead = rgbPlan.convParameterCount..<rgbPlan.parameterCount
    rgbParameters.replaceSubrange(rgbHead, with: greyParameters[headRange])
    let image = (0..<64).map { _ in Float(rng.uniform(0, 1)) }
    let greyModel = Model(
      network: network, input: grey, classNames: ["a", "b"], metadata: [:],
      parameters: greyParameters)
    let rgbModel = Model(
      network: network, input: rgb, classNames: ["a", "b"], metadata: [:],
      parameters: rgbParameters)
    let p1 = greyModel.predict(image, count: 1)[0]
    let p3 = rgbModel.predict(image + image + image, count: 1)[0]
    for (a, b) in zip(p1, p3) { #expect(abs(a - b) < 1e-5) }
  }

  @Test func aBackboneThatDoesNotFitIsRefusedWithTheLayerNamed() throws {
    let backbone = try Self.trainedBackbone()
    let plan = try NetworkPlan(
      network: NetworkSpec(layers: [
        .conv(filters: 8), .relu, .maxPool, .conv(filters: 32), .relu, .maxPool, .flatten,
        .dense(units: 2),
      ]), input: TensorShape(channels: 1, height: 16, width: 16), classes: 2)
    #expect(throws: HemoError.self) { try plan.check(backbone: backbone) }
    do {
      try plan.check(backbone: backbone)
    } catch {
      #expect(error.problem.contains("conv 2"))
      #expect(error.problem.contains("[3, 3, 16, 32]") || error.problem.contains("[3, 3, 8, 16]"))
    }
    // An input side that the backbone's pools cannot halve is refused before training.
    let transfer = Transfer(backbone: backbone, frozen: true)
    #expect(throws: HemoError.self) {
      try transfer.validate(
        network: Fixtures.smallNetwork, input: TensorShape(channels: 1, height: 18, width: 18),
        classes: 2)
    }
  }

  @Test func theFileRoundTripsAndItsChecksumIsChecked() throws {
    let backbone = try Self.trainedBackbone()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-backbone-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("b.safetensors")
    let sha = try backbone.save(to: url)
    let loaded = try Backbone.load(from: url, sha256: sha)
    #expect(loaded == backbone)
    #expect(throws: HemoError.self) {
      try Backbone.load(from: url, sha256: String(repeating: "0", count: 64))
    }
    // A model file is not a backbone.
    let model = try Model(
      network: Fixtures.smallNetwork, input: TensorShape(channels: 1, height: 16, width: 16),
      classNames: ["a", "b"], seed: 1)
    let modelURL = folder.appendingPathComponent("m.safetensors")
    try model.save(to: modelURL)
    do {
      _ = try Backbone.load(from: modelURL)
      Issue.record("a model file loaded as a backbone")
    } catch {
      #expect(error.problem.contains("not a HemoLab backbone"))
    }
  }

  @Test func sha256MatchesTheStandardVectors() {
    #expect(
      SHA256.hex(Data())
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Data("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }
}
