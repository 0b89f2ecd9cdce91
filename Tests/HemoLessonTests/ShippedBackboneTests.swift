import Foundation
import HemoAssets
import HemoCore
import HemoTestSupport
import HemoTrain
import Testing

@testable import HemoLesson

/// The backbone shipped in Assets/backbone: it loads, matches the checksum its recipe records,
/// fits the built-in experiments, and a tiny one rebuilt through `hemolab pretrain`'s code path
/// is reproducible and loads the same way.
@Suite struct ShippedBackboneTests {
  @Test func theShippedFileLoadsAndMatchesItsRecipe() throws {
    let recipe = try ShippedBackbone.recipe()
    let file = try #require(recipe.file)
    let sha = try #require(recipe.sha256)
    let data = try Data(contentsOf: HemoAssets.backboneFolder.appendingPathComponent(file))
    #expect(SHA256.hex(data) == sha)
    let backbone = try ShippedBackbone.load()
    #expect(backbone.metadata["seed"] == "\(recipe.seed)")
    #expect(backbone.metadata["corpus_images"] == "\(recipe.corpusImages)")
    #expect(backbone.layers == Array(recipe.network(classes: 2).layers.prefix { $0 != .flatten }))
    #expect(backbone.inputChannels == 3)
  }

  @Test func aDamagedFileIsRefusedWithTheFileNamed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-shipped-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["backbone.json", "backbone.safetensors"] {
      try FileManager.default.copyItem(
        at: HemoAssets.backboneFolder.appendingPathComponent(name),
        to: folder.appendingPathComponent(name))
    }
    let file = folder.appendingPathComponent("backbone.safetensors")
    var bytes = try Data(contentsOf: file)
    bytes[bytes.count - 1] ^= 0x01
    try bytes.write(to: file)
    do {
      _ = try ShippedBackbone.load(folder: folder)
      Issue.record("a damaged backbone loaded")
    } catch {
      #expect(error.file == file.path)
      #expect(error.problem.contains("SHA-256"))
    }
  }

  @Test func everyBuiltInExperimentCanStartFromTheBackbone() throws {
    let catalog = try ExperimentCatalog.builtIn()
    for experiment in catalog.experiments {
      let overrides = TrainingOverrides(backbone: .frozen)
      let config = try experiment.checkedTrainingConfig(overrides)
      #expect(config.backboneMode == .frozen)
      let input = TensorShape(
        channels: experiment.preprocessing.channels, height: experiment.preprocessing.inputSize,
        width: experiment.preprocessing.inputSize)
      try experiment.validate(
        network: experiment.networkSpec, config: config, input: input, file: "test")
    }
  }

  @Test func aTinyPretrainingIsReproducibleAndLoadsLikeTheShippedOne() throws {
    let recipe = PretrainRecipe(
      seed: 5, corpusImages: 60, epochs: 1, batchSize: 16, inputSize: 32, sliceSize: 64,
      convFilters: [4, 8], headUnits: 8, task: .subtypeAndLevel)
    let first = try Pretraining.run(recipe, threads: 1)
    let second = try Pretraining.run(recipe, threads: 1)
    #expect(first.backbone.encoded() == second.backbone.encoded())
    #expect(first.recipe.generatorFingerprint == PhantomFingerprint.current)
    #expect(
      first.backbone.layers == [
        .conv(filters: 4), .relu, .maxPool, .conv(filters: 8), .relu, .maxPool,
      ])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-tiny-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var saved = first.recipe
    saved.file = "backbone.safetensors"
    saved.sha256 = try first.backbone.save(
      to: folder.appendingPathComponent("backbone.safetensors"))
    try JSONEncoder().encode(saved).write(to: folder.appendingPathComponent("backbone.json"))
    let loaded = try ShippedBackbone.load(folder: folder)
    #expect(loaded == first.backbone)
  }
}

/// Whether the shipped backbone was pretrained on today's generator (calibration tier: after the
/// generator changes, `hemolab pretrain` rebuilds it in one command).
@Suite(
  .enabled(if: Calibration.isEnabled, Calibration.skipNote))
struct ShippedBackboneFreshnessTests {
  @Test func theBackboneWasPretrainedOnTodaysGenerator() throws {
    let recipe = try ShippedBackbone.recipe()
    #expect(
      recipe.generatorFingerprint == PhantomFingerprint.current,
      "the generator changed since the backbone was made: run hemolab pretrain")
  }
}
