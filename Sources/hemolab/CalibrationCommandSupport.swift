import ArgumentParser
import Foundation
import HemoLesson

/// `hemolab run all --seeds N --summary`: every teaching point judged on N seeds nobody chose.
enum CalibrationCommandSupport {
  static func run(
    _ chosen: [(ExperimentDefinition?, String)], count: Int?, catalog: ExperimentCatalog,
    source: DataSourceOptions, training: TrainingOptions, json: Bool
  ) throws {
    guard let count else { throw ValidationError("--summary needs --seeds N") }
    guard !source.isReal, chosen.count == catalog.experiments.count else {
      throw ValidationError(
        "--summary judges the whole lesson: use \"run all\" on the built-in images")
    }
    // --seed makes the draw reproducible; otherwise the clock picks.
    let origin = training.seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
    let seeds = TeachingPointCalibration.seeds(count: count, source: origin)
    let line = ProgressLine(title: "Calibration")
    var overrides = training.overrides
    overrides.seed = nil
    let summary = try TeachingPointCalibration.run(
      catalog: catalog, seeds: seeds, overrides: overrides
    ) { line.show($0, fraction: 0) }
    line.clear()
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    } else {
      print("Seeds drawn from source \(origin).")
      print(summary.text)
    }
  }
}
