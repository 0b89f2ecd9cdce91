import Foundation
import HemoLesson

/// `hemolab run N --seeds K`: trains each chosen experiment K times and prints the spread.
enum SeedsCommandSupport {
  static func run(
    _ chosen: [(ExperimentDefinition?, String)], count: Int, catalog: ExperimentCatalog,
    source: DataSourceOptions, training: TrainingOptions, json: Bool
  ) throws {
    var all: [(experiment: Int, results: [ExperimentResult])] = []
    for (definition, file) in chosen {
      let progress = ProgressLine(title: "Experiment \(definition?.id ?? 0)")
      let loaded = try source.load(
        template: definition, catalog: catalog, training: training, progress: progress)
      let first = training.seed ?? loaded.experiment.training.seed
      let seeds = SeedVariability.seeds(count: count, from: first)
      let (_, results) = try SeedVariability.run(
        loaded.experiment, data: loaded.data, dataDescription: loaded.description, seeds: seeds,
        overrides: training.overrides, file: file,
        progress: { index, snapshot in
          _ = index
          progress.show(snapshot)
        },
        finished: { result in
          progress.clear()
          if !json {
            print(
              "seed \(result.settings.seed): accuracy \(String(format: "%.2f", result.accuracy.estimate))"
            )
          }
        })
      progress.clear()
      all.append((loaded.experiment.id, results))
    }
    // Each experiment is compared with the median-accuracy run of every other one.
    let medians = all.map { entry in
      entry.results.sorted { $0.accuracy.estimate < $1.accuracy.estimate }[entry.results.count / 2]
    }
    let summaries = all.map { entry in
      SeedVariability(
        results: entry.results, others: medians.filter { $0.experiment != entry.experiment })
    }
    if json {
      print(
        summaries.count == 1
          ? ExperimentReport.json(summaries[0]) : ExperimentReport.json(summaries))
    } else {
      print("")
      print(summaries.map(\.text).joined(separator: "\n\n"))
    }
  }
}
