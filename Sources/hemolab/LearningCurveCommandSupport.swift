import Foundation
import HemoLesson
import HemoTrain

/// `hemolab run N --learning-curve`: accuracy against training-set size, in text or JSON.
enum LearningCurveCommandSupport {
  static func run(
    _ chosen: [(ExperimentDefinition?, String)], sizes: [Int], catalog: ExperimentCatalog,
    source: DataSourceOptions, training: TrainingOptions, json: Bool
  ) throws {
    var curves: [LearningCurve] = []
    for (definition, _) in chosen {
      let title = "Experiment \(definition?.id ?? 0)"
      let progress = ProgressLine(title: title)
      let loaded = try source.load(
        template: definition, catalog: catalog, training: training, progress: progress)
      let curve = try LearningCurve.compute(
        loaded.experiment, data: loaded.data, sizes: sizes, overrides: training.overrides,
        progress: { index, count, snapshot in
          progress.show("size \(index + 1) of \(count)", fraction: snapshot.fractionDone)
        })
      progress.clear()
      curves.append(curve)
      if !json { print(curve.text + "\n") }
    }
    if json {
      print(ExperimentReport.json(oneOrMany: curves))
    }
  }
}
