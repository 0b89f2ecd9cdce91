import ArgumentParser
import Foundation
import HemoCore
import HemoLesson
import HemoTrain

/// `hemolab train`: trains an experiment and saves the model to a file.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train an experiment's network and save the trained model.",
    discussion: """
      Trains like `hemolab run`, then writes the weights to a .safetensors file (readable by \
      Python's safetensors package too) with the class names, the preprocessing and the seed, so \
      `hemolab predict` can use it. An existing file is never replaced unless you add --force.

      Examples:
        hemolab train --experiment 3 --out balanced.safetensors
        hemolab train --experiment 4 --project experiment4.tm --out mine.safetensors --seed 2
      """
  )

  @Option(help: "Experiment number (1–5) whose network and settings to use.")
  var experiment: Int

  @Option(help: "Where to write the model (.safetensors).")
  var out: String

  @OptionGroup var source: DataSourceOptions
  @OptionGroup var training: TrainingOptions

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  func run() throws {
    let catalog = try ExperimentCatalog.builtIn()
    guard let definition = catalog.experiment(id: experiment) else {
      throw ValidationError(
        "no experiment \(experiment); choose one of \(catalog.experiments.map { String($0.id) }.joined(separator: ", "))"
      )
    }
    let url = URL(fileURLWithPath: out)
    if FileManager.default.fileExists(atPath: url.path) && !force {
      throw HemoError(
        file: out, "already exists", advice: "choose another --out, or add --force to replace it")
    }
    let progress = ProgressLine(title: "Experiment \(definition.id)")
    let loaded = try source.load(
      template: definition, catalog: catalog, training: training, progress: progress)
    let outcome = try ExperimentRunner.runWithModel(
      loaded.experiment, data: loaded.data, dataDescription: loaded.description,
      overrides: training.overrides, file: "experiment \(definition.id)"
    ) { progress.show($0) }
    progress.clear()
    var model = outcome.model
    model.metadata.merge(
      ModelMetadata.describe(
        loaded.experiment, data: loaded.data, seed: outcome.result.settings.seed)
    ) { $1 }
    do {
      try model.save(to: url, overwrite: force)
    } catch let error as HemoError {
      throw error
    } catch {
      throw HemoError(file: out, "cannot be written: \(error.localizedDescription)")
    }
    print(ExperimentReport.text(outcome.result))
    print("")
    print("Saved the trained model to \(out).")
  }
}
