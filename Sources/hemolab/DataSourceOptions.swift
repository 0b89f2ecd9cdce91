import ArgumentParser
import Foundation
import HemoCore
import HemoLesson

/// Where an experiment's images come from: built-in synthetic head CT, or the user's own.
struct DataSourceOptions: ParsableArguments {
  @Option(help: "Use the images of a Teachable Machine project file (.tm).")
  var project: String?

  @Option(
    help:
      "Use a folder of images: the RSNA layout (stage_2_train.csv + ID_*.dcm) or one subfolder per class."
  )
  var data: String?

  func validate() throws {
    if project != nil && data != nil { throw ValidationError("give --project or --data, not both") }
  }

  /// True when the user named their own images.
  var isReal: Bool { project != nil || data != nil }

  /// Loads the experiment's images: synthetic unless --project or --data is given.
  func load(
    template: ExperimentDefinition?, catalog: ExperimentCatalog, training: TrainingOptions,
    progress: ProgressLine
  ) throws -> RealData.Loaded {
    let threads = training.threads ?? 2
    if let project {
      return try RealData.project(
        URL(fileURLWithPath: project), template: template, catalog: catalog, threads: threads
      ) { progress.show("reading images", fraction: $0) }
    }
    guard let template else {
      throw ValidationError("say which experiment to run (a number, or --experiment-file)")
    }
    if let data {
      return try RealData.folder(
        URL(fileURLWithPath: data), template: template,
        seed: training.seed ?? template.training.seed, threads: threads
      ) { stage, fraction in progress.show(stage, fraction: fraction) }
    }
    let synthetic = ExperimentData.synthetic(template, threads: threads) {
      progress.show("generating images", fraction: $0)
    }
    return RealData.Loaded(
      experiment: template, data: synthetic,
      description: ExperimentRunner.describeSynthetic(template), note: nil)
  }
}
