import ArgumentParser
import Foundation
import HemoCore
import HemoTrain

/// `hemolab pretrain`: builds the pretrained backbone from synthetic head CT.
struct PretrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pretrain",
    abstract: "Pretrain the backbone (feature layers) that experiments can start from.",
    discussion: """
      Draws a large synthetic corpus (normal slices and all five subtypes, every level, brain, \
      subdural and stroke windows, grey and colour-coded, a fifth from another hospital), trains a \
      network to name the subtype and level of each slice, and keeps its convolution layers: the \
      backbone. Writes OUT/backbone.safetensors and OUT/backbone.json (the recipe, the generator's \
      fingerprint and the file's SHA-256). The same recipe and thread count give the same file.

      Examples:
        hemolab pretrain                              rebuild Assets/backbone with its recipe
        hemolab pretrain --images 600 --epochs 2 --out /tmp/bb    a quick small one
        hemolab pretrain --task subtype-level --out /tmp/bb       another pretext task
      """
  )

  @Option(help: "Folder to write backbone.safetensors and backbone.json into.")
  var out = "Assets/backbone"

  @Option(
    help: "Start from this recipe JSON (default: OUT/backbone.json if present, else built in).")
  var recipe: String?

  @Option(help: "Seed of the corpus, split, starting weights and batch order.")
  var seed: UInt64?

  @Option(help: "Synthetic slices in the corpus.")
  var images: Int?

  @Option(help: "Passes over the corpus.")
  var epochs: Int?

  @Option(help: "Pretext task: subtype or subtype-level.")
  var task: String?

  @Option(help: "Filters of the conv layers, e.g. 16,32,64,64.")
  var filters: String?

  @Option(help: "Compute threads: 1 or 2.")
  var threads = 2

  func run() throws {
    let folder = URL(fileURLWithPath: out, isDirectory: true)
    var recipe = try startingRecipe(folder: folder)
    if let seed { recipe.seed = seed }
    if let images { recipe.corpusImages = images }
    if let epochs { recipe.epochs = epochs }
    if let task {
      guard let value = PretextTask(rawValue: task) else {
        throw ValidationError("--task must be subtype or subtype-level")
      }
      recipe.task = value
    }
    if let filters {
      let values = filters.split(separator: ",").compactMap { Int($0) }
      guard !values.isEmpty, values.allSatisfy({ (1...256).contains($0) }) else {
        throw ValidationError("--filters must be numbers 1…256 separated by commas")
      }
      recipe.convFilters = values
    }
    guard (1...2).contains(threads) else { throw ValidationError("--threads must be 1 or 2") }
    print(
      "Pretraining on \(recipe.corpusImages) synthetic slices, \(recipe.epochs) epochs, task "
        + "\(recipe.task.rawValue), conv \(recipe.convFilters.map(String.init).joined(separator: "-")), "
        + "seed \(recipe.seed)")
    let line = ProgressLine(title: "pretrain")
    let outcome = try Pretraining.run(recipe, threads: threads) { line.show($0, fraction: $1) }
    line.clear()
    for epoch in outcome.epochs {
      print(
        String(
          format: "epoch %2d  train loss %.3f acc %.3f  held-out loss %.3f acc %.3f", epoch.epoch,
          epoch.trainLoss, epoch.trainAccuracy, epoch.testLoss, epoch.testAccuracy))
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("backbone.safetensors")
    var saved = outcome.recipe
    saved.file = file.lastPathComponent
    saved.sha256 = try outcome.backbone.save(to: file)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let recipeFile = folder.appendingPathComponent("backbone.json")
    try (try encoder.encode(saved) + Data("\n".utf8)).write(to: recipeFile, options: .atomic)
    let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
    print(
      "Wrote \(file.path) (\(bytes / 1024) KB, SHA-256 \(saved.sha256!.prefix(16))…) and "
        + "\(recipeFile.lastPathComponent) in \(saved.seconds ?? 0) s; generator fingerprint "
        + "\(saved.generatorFingerprint ?? "?").")
  }

  private func startingRecipe(folder: URL) throws -> PretrainRecipe {
    let url =
      recipe.map { URL(fileURLWithPath: $0) }
      ?? folder.appendingPathComponent("backbone.json")
    guard let data = FileManager.default.contents(atPath: url.path) else {
      if recipe != nil { throw HemoError(file: url.path, "cannot read the recipe") }
      return .standard
    }
    do {
      return try JSONDecoder().decode(PretrainRecipe.self, from: data)
    } catch {
      throw HemoError(file: url.path, "not a pretraining recipe (\(error.localizedDescription))")
    }
  }
}
