import Foundation
import HemoAssets
import HemoCore
import HemoTrain

/// The pretrained backbone shipped in `Assets/backbone`, checked against the SHA-256 its recipe
/// records, loaded once per process.
public enum ShippedBackbone {
  /// The recipe beside the shipped file.
  public static func recipe(folder: URL = HemoAssets.backboneFolder) throws(HemoError)
    -> PretrainRecipe
  {
    let url = folder.appendingPathComponent("backbone.json")
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw HemoError(
        file: url.path, "the pretrained backbone's recipe is missing",
        advice: "rebuild it with hemolab pretrain")
    }
    do {
      return try JSONDecoder().decode(PretrainRecipe.self, from: data)
    } catch {
      throw HemoError(file: url.path, "not a pretraining recipe")
    }
  }

  /// The backbone in `folder`, after checking the file's SHA-256 against the recipe.
  public static func load(folder: URL) throws(HemoError) -> Backbone {
    let recipe = try recipe(folder: folder)
    guard let file = recipe.file, let sha256 = recipe.sha256 else {
      throw HemoError(
        file: folder.appendingPathComponent("backbone.json").path,
        "the recipe names no file or checksum", advice: "rebuild it with hemolab pretrain")
    }
    return try Backbone.load(from: folder.appendingPathComponent(file), sha256: sha256)
  }

  private static let shipped: Result<Backbone, HemoError> = {
    do throws(HemoError) {
      return .success(try load(folder: HemoAssets.backboneFolder))
    } catch {
      return .failure(error)
    }
  }()

  /// The shipped backbone (read and checked on first use).
  public static func load() throws(HemoError) -> Backbone {
    try shipped.get()
  }
}

extension ExperimentDefinition {
  /// Checks that `network` (with the backbone of `config`, if any) can train on `input`.
  public func validate(
    network: NetworkSpec, config: TrainingConfig, input: TensorShape, file: String
  ) throws(HemoError) {
    do {
      if let transfer = config.transfer {
        try transfer.validate(network: network, input: input, classes: classes.count)
      } else {
        try network.validate(input: input, classes: classes.count)
      }
    } catch {
      throw HemoError(file: error.file ?? file, error.problem, advice: error.advice)
    }
  }
}
