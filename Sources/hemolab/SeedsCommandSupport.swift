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
      let title = "Experiment \(definition?.id ?? 0)"
      let loading = ProgressLine(title: title)
      let loaded = try source.load(
        template: definition, catalog: catalog, training: training, progress: loading)
      loading.clear()
      let first = training.seed ?? loaded.experiment.training.seed
      let seeds = SeedVariability.seeds(count: count, from: first)
      let lines = seeds.enumerated().map { index, seed in
        ProgressLine(title: "\(title), seed \(seed) (\(index + 1) of \(seeds.count))")
      }
      let (_, results) = try SeedVariability.run(
        loaded.experiment, data: loaded.data, dataDescription: loaded.description, seeds: seeds,
        overrides: training.overrides, file: file,
        progress: { index, snapshot in lines[index].show(snapshot) },
        finished: { _ in
          for line in lines { line.clear() }
        })
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
        ExperimentReport.json(oneOrMany: summaries))
    } else {
      print("")
      print(summaries.map(\.text).joined(separator: "\n\n"))
    }
  }
}
