import Foundation
import HemoCore

/// `hemolab pretrain`'s work: draws the corpus, trains the pretext network on it, and keeps its
/// convolution layers as a backbone. Deterministic in the recipe (same recipe, same thread
/// count, same weights).
public enum Pretraining {
  /// What a pretraining produced.
  public struct Outcome: Sendable {
    public var backbone: Backbone
    /// The recipe with the fingerprint, pretext accuracy and time filled in.
    public var recipe: PretrainRecipe
    /// Per epoch: train and held-out accuracy on the pretext task.
    public var epochs: [EpochRecord]
  }

  /// Runs `recipe` on `threads` compute threads. `progress` receives a stage name and the
  /// fraction done of that stage.
  public static func run(
    _ recipe: PretrainRecipe, threads: Int = 2,
    progress: (String, Double) -> Void = { _, _ in }
  ) throws(HemoError) -> Outcome {
    guard recipe.corpusImages >= 60, recipe.epochs >= 1, !recipe.convFilters.isEmpty else {
      throw HemoError("a pretraining needs at least 60 images, 1 epoch and 1 conv layer")
    }
    let start = Date()
    let dataset = PretrainCorpus.dataset(recipe, threads: threads) { progress("drawing", $0) }
    let network = recipe.network(classes: dataset.classNames.count)
    try network.validate(input: dataset.shape, classes: dataset.classNames.count)
    let config = TrainingConfig(
      epochs: recipe.epochs, batchSize: recipe.batchSize, learningRate: recipe.learningRate,
      seed: recipe.seed, threads: threads, testFraction: 0.1,
      augmentation: Augmentation(mirror: true, maxShift: 4),
      // Plain He, as the shipped backbone was trained: the same recipe rebuilds the same file.
      outputInitScale: 1)
    let (model, snapshot) = withoutActuallyEscaping(progress) { progress in
      train(dataset: dataset, network: network, config: config) {
        progress("training", Double($0.epoch) / Double(max(recipe.epochs, 1)))
      }
    }
    var filled = recipe
    filled.generatorFingerprint = PhantomFingerprint.current
    filled.pretextAccuracy = snapshot.evaluation?.matrix.accuracy.estimate
    filled.seconds = (Date().timeIntervalSince(start) * 10).rounded() / 10
    filled.file = nil
    filled.sha256 = nil
    let backbone = try model.plan.backbone(
      stages: recipe.convFilters.count, parameters: model.parameters,
      metadata: [
        "seed": "\(recipe.seed)", "corpus_images": "\(recipe.corpusImages)",
        "epochs": "\(recipe.epochs)", "task": recipe.task.rawValue,
        "generator_fingerprint": filled.generatorFingerprint ?? "",
      ])
    return Outcome(backbone: backbone, recipe: filled, epochs: snapshot.epochs)
  }
}
