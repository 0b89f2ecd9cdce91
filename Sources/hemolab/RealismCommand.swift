import ArgumentParser
import Foundation
import HemoCore
import HemoLesson

/// `hemolab realism`: trains on a built-in experiment's synthetic images, tests on real ones.
struct RealismCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "realism",
    abstract: "Train on built-in synthetic images, then test on real ones (sim→real accuracy).",
    discussion: """
      Trains experiment N on the built-in synthetic head CT exactly as `hemolab run N` does, then \
      classifies every image of a real data set (a Teachable Machine project or a folder) and \
      prints the accuracy and the confusion matrix. Real classes are matched to the experiment's \
      by name ("Parenchymal" counts as "Intraparenchymal"); when they cannot be matched one to \
      one the command says so and stops. --seeds K repeats it with training seeds S…S+K−1.

      Examples:
        hemolab realism --experiment 4 --against experiment4.tm
        hemolab realism --experiment 5 --against experiment5.tm --seed 2 --seeds 3
      """
  )

  @Option(help: "Experiment number (1–5) to train on its built-in images.")
  var experiment: Int

  @Option(help: "The real images: a Teachable Machine project (.tm) or a folder.")
  var against: String

  @OptionGroup var training: TrainingOptions

  @Option(help: "Number of training seeds, from --seed (default the experiment's) upwards.")
  var seeds = 1

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func validate() throws {
    if !(1...20).contains(seeds) { throw ValidationError("--seeds must be 1…20") }
  }

  func run() throws {
    let catalog = try ExperimentCatalog.builtIn()
    guard let definition = catalog.experiment(id: experiment) else {
      throw ValidationError(
        "no experiment \(experiment); choose one of \(catalog.experiments.map { String($0.id) }.joined(separator: ", "))"
      )
    }
    let progress = ProgressLine(title: "Experiment \(definition.id)")
    let threads = training.threads ?? 2
    let url = URL(fileURLWithPath: against)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      throw HemoError(file: against, "does not exist")
    }
    let real =
      isFolder.boolValue
      ? try RealData.folder(url, template: definition, seed: 1, threads: threads) { stage, f in
        progress.show(stage, fraction: f)
      }
      : try RealData.project(url, template: definition, catalog: catalog, threads: threads) {
        progress.show("reading real images", fraction: $0)
      }
    // The real data must be prepared as the experiment's own input (size and channels).
    guard real.data.preprocessing.inputSize == definition.preprocessing.inputSize,
      real.data.preprocessing.channels == definition.preprocessing.channels
    else {
      throw HemoError(file: against, "cannot be prepared as experiment \(experiment)'s input")
    }
    let synthetic = ExperimentData.synthetic(definition, threads: threads) {
      progress.show("generating images", fraction: $0)
    }
    let firstSeed = training.seed ?? definition.training.seed
    var evaluations: [SimToRealEvaluation] = []
    for offset in 0..<seeds {
      var overrides = training.overrides
      overrides.seed = firstSeed + UInt64(offset)
      let (result, model) = try ExperimentRunner.runWithModel(
        definition, data: synthetic,
        dataDescription: ExperimentRunner.describeSynthetic(definition),
        overrides: overrides, file: "experiment \(definition.id)"
      ) { progress.show($0) }
      progress.clear()
      let evaluation = try SimToRealEvaluation(
        experiment: definition, result: result, model: model, real: real.data,
        realDescription: real.description)
      evaluations.append(evaluation)
      if !json { print(evaluation.text + "\n") }
    }
    if json {
      print(ExperimentReport.json(oneOrMany: evaluations))
    } else if evaluations.count > 1 {
      let values = evaluations.map(\.real.accuracy.estimate)
      let mean = values.reduce(0, +) / Double(values.count)
      print(
        "Real accuracy over \(values.count) seeds: "
          + values.map { String(format: "%.3f", $0) }.joined(separator: ", ")
          + String(format: " (mean %.3f)", mean))
    }
  }
}
