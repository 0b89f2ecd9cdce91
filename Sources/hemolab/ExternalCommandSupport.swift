import ArgumentParser
import Foundation
import HemoLesson

/// `hemolab run N --external`: trains, then tests on the internal split and on "another hospital".
enum ExternalCommandSupport {
  static func run(
    _ chosen: [(ExperimentDefinition?, String)], count: Int, catalog: ExperimentCatalog,
    source: DataSourceOptions, training: TrainingOptions, json: Bool
  ) throws {
    if source.isReal {
      throw ValidationError(
        "--external tests a model trained on the built-in synthetic images; leave out --project/--data"
      )
    }
    var evaluations: [ExternalEvaluation] = []
    for (definition, file) in chosen {
      guard let definition else { continue }
      let progress = ProgressLine(title: "Experiment \(definition.id)")
      let loaded = try source.load(
        template: definition, catalog: catalog, training: training, progress: progress)
      let (result, model) = try ExperimentRunner.runWithModel(
        loaded.experiment, data: loaded.data, dataDescription: loaded.description,
        overrides: training.overrides, file: file
      ) { progress.show($0) }
      let external = ExternalEvaluation.data(
        for: loaded.experiment, count: count, threads: training.threads ?? 2
      ) { progress.show("generating external images", fraction: $0) }
      progress.clear()
      let evaluation = try ExternalEvaluation(
        experiment: loaded.experiment, result: result, model: model, external: external)
      evaluations.append(evaluation)
      if !json { print(evaluation.text + "\n") }
    }
    if json {
      print(ExperimentReport.json(oneOrMany: evaluations))
    }
  }
}
