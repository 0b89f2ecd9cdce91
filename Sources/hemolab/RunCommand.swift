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
        hemolab run --experiment-file my-experiment.json
      """
  )

  @Argument(help: "Experiment number (1–5), or \"all\".")
  var experiment: String?

  @Option(
    name: .customLong("experiment-file"), help: "Run an experiment defined in this JSON file.")
  var experimentFile: String?

  @OptionGroup var training: TrainingOptions

  @Flag(help: "Print the result as JSON (schema in the README) instead of text.")
  var json = false

  func run() throws {
    let catalog = try ExperimentCatalog.builtIn()
    let chosen = try selectExperiments(catalog)
    var results: [ExperimentResult] = []
    for (definition, file) in chosen {
      let previous = results.last { $0.experiment == definition.id - 1 }
      let result = try runOne(definition, file: file, previous: previous)
      results.append(result)
      if !json {
        print(ExperimentReport.text(result))
        print("")
      }
    }
    if json {
      print(results.count == 1 ? ExperimentReport.json(results[0]) : ExperimentReport.json(results))
    } else if results.count > 1 {
      print(ExperimentReport.summary(results))
    }
  }

  private func selectExperiments(_ catalog: ExperimentCatalog) throws -> [(
    ExperimentDefinition, String
  )] {
    if let experimentFile {
      guard experiment == nil else {
        throw ValidationError("give either an experiment number or --experiment-file, not both")
      }
      return [
        (try ExperimentCatalog.load(file: URL(fileURLWithPath: experimentFile)), experimentFile)
      ]
    }
    guard let experiment else {
      throw ValidationError(
        "say which experiment to run: a number (\(catalog.experiments.map { String($0.id) }.joined(separator: ", "))) or \"all\""
      )
    }
    if experiment.lowercased() == "all" {
      return catalog.experiments.map { ($0, "experiment \($0.id)") }
    }
    guard let id = Int(experiment), let definition = catalog.experiment(id: id) else {
      throw ValidationError(
        "no experiment \"\(experiment)\"; choose one of \(catalog.experiments.map { String($0.id) }.joined(separator: ", ")) or \"all\""
      )
    }
    return [(definition, "experiment \(id)")]
  }

  private func runOne(_ definition: ExperimentDefinition, file: String, previous: ExperimentResult?)
    throws
    -> ExperimentResult
  {
    let progress = ProgressLine(title: "Experiment \(definition.id)")
    let data = ExperimentData.synthetic(definition, threads: training.threads ?? 2) { fraction in
      progress.show("generating images", fraction: fraction)
    }
    defer { progress.clear() }
    return try ExperimentRunner.run(
      definition, data: data, dataDescription: ExperimentRunner.describeSynthetic(definition),
      overrides: training.overrides, comparedWith: previous, file: file
    ) { snapshot in
      progress.show(snapshot)
    }
  }
}
