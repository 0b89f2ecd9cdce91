import Foundation
import HemoCore
import HemoLesson

/// `hemolab bench --lesson`: times the five experiments at their default settings.
enum LessonBenchmark {
  static func run(threads: Int) throws {
    let catalog = try ExperimentCatalog.builtIn()
    var total = 0.0
    print("experiment                      images  generate (s)  train (s)  accuracy")
    for experiment in catalog.experiments {
      let start = Date()
      let data = ExperimentData.synthetic(experiment, threads: threads)
      let generated = Date().timeIntervalSince(start)
      let trainStart = Date()
      let result = try ExperimentRunner.run(
        experiment, data: data, dataDescription: "synthetic",
        overrides: TrainingOverrides(threads: threads))
      let trained = Date().timeIntervalSince(trainStart)
      total += generated + trained
      let name = "\(experiment.id) \(experiment.title)".padding(
        toLength: 30, withPad: " ", startingAt: 0)
      print(
        name
          + String(
            format: "  %6d  %12.1f  %9.1f  %8.2f", experiment.imageCount, generated, trained,
            result.accuracy.estimate))
    }
    print(String(format: "whole lesson: %.1f s (threads=%d)", total, threads))
  }
}
