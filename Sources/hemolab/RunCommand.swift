import ArgumentParser
import Foundation
import HemoCore
import HemoLesson
import HemoTrain

/// `hemolab run`: one experiment (or all five) without the terminal lesson.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run an experiment without the lesson screen and print what it measured.",
    discussion: """
      Trains the small network for one of the lesson's experiments and prints the class counts, the \
      loss and accuracy per epoch, the confusion matrix, accuracy, sensitivity and specificity with \
      95 % intervals, and one sentence on what the run shows.

      Examples:
        hemolab run 2                       class imbalance, on the built-in synthetic head CT
        hemolab run 2 --class-weights       the same, with the remedy for imbalance
        hemolab run all                     the five experiments and a summary table
        hemolab run 3 --seed 7 --json       another seed, as JSON
        hemolab run 3 --seeds 5             five seeds: how much does the result move?
        hemolab run all --seeds 20 --summary   every teaching point on 20 random seeds
        hemolab run 3 --external            tested at "another hospital" too
        hemolab run 3 --learning-curve      30, 100, 300, 1000 images per class: does more help?
        hemolab run 5 --project experiment5.tm     the course's own images, experiment 5's settings
        hemolab run 2 --data ~/rsna-ich             an RSNA folder (stage_2_train.csv + ID_*.dcm)
        hemolab run --experiment-file my-experiment.json
      """
  )

  @Argument(help: "Experiment number (1–5), or \"all\".")
  var experiment: String?

  @Option(
    name: .customLong("experiment-file"), help: "Run an experiment defined in this JSON file.")
  var experimentFile: String?

  @OptionGroup var source: DataSourceOptions
  @OptionGroup var training: TrainingOptions
  @OptionGroup var generalization: GeneralizationOptions

  @Flag(help: "Print the result as JSON (schema in the README) instead of text.")
  var json = false

  @Flag(
    help:
      "Also measure where the model looked (HiResCAM, Grad-CAM, gradient maps) on test hemorrhages with known blood."
  )
  var saliency = false

  func run() throws {
    let catalog = try ExperimentCatalog.builtIn()
    let chosen = try selectExperiments(catalog)
    if source.isReal && chosen.count > 1 {
      throw ValidationError("run one experiment at a time on your own images (not \"all\")")
    }
    if saliency
      && (generalization.seeds != nil || generalization.learningCurve || generalization.external
        || generalization.summary || generalization.compareBackbones)
    {
      throw ValidationError(
        "--saliency measures one run: leave out --seeds, --summary, --compare-backbones, "
          + "--learning-curve and --external")
    }
    if generalization.compareBackbones {
      return try compareBackbones(chosen, catalog: catalog)
    }
    if generalization.summary {
      return try CalibrationCommandSupport.run(
        chosen, count: generalization.seeds, catalog: catalog, source: source,
        training: training, json: json)
    }
    if let seeds = generalization.seeds {
      return try SeedsCommandSupport.run(
        chosen, count: seeds, catalog: catalog, source: source, training: training, json: json)
    }
    if generalization.learningCurve {
      return try LearningCurveCommandSupport.run(
        chosen, sizes: generalization.sizeList, catalog: catalog, source: source,
        training: training, json: json)
    }
    if generalization.external {
      return try ExternalCommandSupport.run(
        chosen, count: generalization.externalCount, catalog: catalog, source: source,
        training: training, json: json)
    }
    // One orchestrator for the whole command: experiment 3 reads itself against this command's
    // experiment 2, experiment 5 against its experiment 4, as in the lesson.
    let runs = RunOrchestrator()
    var results: [ExperimentResult] = []
    for (definition, file) in chosen {
      let progress = ProgressLine(title: "Experiment \(definition?.id ?? 0)")
      let loaded = try source.load(
        template: definition, catalog: catalog, training: training, progress: progress)
      for problem in loaded.data.problems.prefix(20) {
        FileHandle.standardError.write(Data("hemolab: skipped \(problem)\n".utf8))
      }
      let outcome = try runs.run(
        RunRequest(
          loaded.experiment, data: loaded.data, dataDescription: loaded.description,
          overrides: training.overrides, file: file)
      ) { progress.show($0) }
      progress.clear()
      var result = outcome.result
      if saliency {
        result.saliency = try SaliencyAnalysis.run(
          model: outcome.model, data: loaded.data, predictions: result.predictions,
          seed: result.settings.seed)
      }
      results.append(result)
      if !json {
        print(ExperimentReport.text(result))
        if saliency {
          print(result.saliency?.textBlock ?? "Saliency: no test image with known blood.")
        }
        if let note = loaded.note { print(note.prefix(1).uppercased() + note.dropFirst() + ".") }
        print("")
      }
    }
    if json {
      print(ExperimentReport.json(oneOrMany: results))
    } else if results.count > 1 {
      print(ExperimentReport.summary(results))
    }
  }

  /// `--compare-backbones`: scratch, frozen and fine-tuned on the same split.
  private func compareBackbones(
    _ chosen: [(ExperimentDefinition?, String)], catalog: ExperimentCatalog
  ) throws {
    var comparisons: [BackboneComparison] = []
    for (definition, file) in chosen {
      let progress = ProgressLine(title: "Experiment \(definition?.id ?? 0)")
      let loaded = try source.load(
        template: definition, catalog: catalog, training: training, progress: progress)
      let comparison = try BackboneComparison.run(
        loaded.experiment, data: loaded.data, dataDescription: loaded.description,
        overrides: training.overrides, file: file
      ) { _, snapshot in progress.show(snapshot) }
      progress.clear()
      comparisons.append(comparison)
      if !json { print(comparison.text + "\n") }
    }
    if json {
      print(ExperimentReport.json(oneOrMany: comparisons))
    }
  }

  /// The experiments to run, each with a name for messages; nil definition = take the template
  /// from the data (a .tm project without a number).
  private func selectExperiments(_ catalog: ExperimentCatalog) throws -> [(
    ExperimentDefinition?, String
  )] {
    if let experimentFile {
      guard experiment == nil else {
        throw ValidationError("give either an experiment number or --experiment-file, not both")
      }
      return [
        (try ExperimentCatalog.load(file: URL(fileURLWithPath: experimentFile)), experimentFile)
      ]
    }
    let ids = catalog.experiments.map { String($0.id) }.joined(separator: ", ")
    guard let experiment else {
      if source.project != nil { return [(nil, "project")] }
      throw ValidationError("say which experiment to run: a number (\(ids)) or \"all\"")
    }
    if experiment.lowercased() == "all" {
      return catalog.experiments.map { ($0, "experiment \($0.id)") }
    }
    guard let id = Int(experiment), let definition = catalog.experiment(id: id) else {
      throw ValidationError("no experiment \"\(experiment)\"; choose one of \(ids) or \"all\"")
    }
    return [(definition, "experiment \(id)")]
  }
}
