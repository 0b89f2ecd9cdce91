import Foundation
import HemoCore
import HemoTrain

/// Trains the whole lesson on many seeds and judges every teaching point on each: the machinery
/// behind `hemolab run all --seeds N --summary` and the gated calibration test. The images are
/// drawn once per experiment (they depend on the generator seed only); each training seed
/// changes the split, the starting weights and the batch order.
public enum TeachingPointCalibration {
  /// `count` seeds drawn from a generator seeded by `source` (a date, a clock reading): seeds
  /// nobody chose.
  public static func seeds(count: Int, source: UInt64) -> [UInt64] {
    var rng = SeededRNG(seed: source, stream: 0xCA11B)
    var seeds: [UInt64] = []
    while seeds.count < count {
      let seed = UInt64(rng.integer(in: 1...999_999))
      if !seeds.contains(seed) { seeds.append(seed) }
    }
    return seeds
  }

  /// A seed source that changes every day and that nobody tunes: the UTC date as yyyymmdd.
  public static func dateSource(_ date: Date = Date()) -> UInt64 {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return UInt64(parts.year! * 10_000 + parts.month! * 100 + parts.day!)
  }

  /// Runs every seed; `progress` gets a line of text (which seed, which experiment).
  public static func run(
    catalog: ExperimentCatalog, seeds: [UInt64], overrides: TrainingOverrides = TrainingOverrides(),
    progress: (String) -> Void = { _ in }
  ) throws -> CalibrationSummary {
    let threads = overrides.threads ?? 2
    var data: [Int: ExperimentData] = [:]
    for experiment in catalog.experiments {
      progress("drawing experiment \(experiment.id)'s images")
      data[experiment.id] = ExperimentData.synthetic(experiment, threads: threads)
    }
    var external: ExperimentData?
    if let three = catalog.experiment(id: 3) {
      progress("drawing the other hospital's images")
      external = ExternalEvaluation.data(for: three, threads: threads)
    }
    var outcomes: [SeedOutcome] = []
    for (index, seed) in seeds.enumerated() {
      var outcome = SeedOutcome(seed: seed)
      for experiment in catalog.experiments {
        guard let images = data[experiment.id] else { continue }
        progress("seed \(seed) (\(index + 1) of \(seeds.count)): experiment \(experiment.id)")
        var seedOverrides = overrides
        seedOverrides.seed = seed
        let (result, model) = try ExperimentRunner.runWithModel(
          experiment, data: images, dataDescription: "", overrides: seedOverrides,
          file: "experiment \(experiment.id)")
        outcome.accuracy[experiment.id] = result.accuracy.estimate
        if let sensitivity = result.sensitivity {
          outcome.sensitivity[experiment.id] = sensitivity.estimate
        }
        if experiment.teachingPoint == .imbalance {
          progress("seed \(seed) (\(index + 1) of \(seeds.count)): experiment 2, class weighting")
          var weighted = seedOverrides
          weighted.classWeighting = true
          let remedy = try ExperimentRunner.run(
            experiment, data: images, dataDescription: "", overrides: weighted,
            file: "experiment \(experiment.id)")
          outcome.weightedSensitivity = remedy.sensitivity?.estimate
        }
        if experiment.teachingPoint == .balanced, let external {
          let evaluation = try ExternalEvaluation(
            experiment: experiment, result: result, model: model, external: external)
          outcome.externalDrop = evaluation.accuracyDrop
          if let inside = evaluation.`internal`.auc, let outside = evaluation.external.auc {
            outcome.externalAUCDrop = inside.estimate - outside.estimate
          }
        }
      }
      outcomes.append(outcome)
    }
    return CalibrationSummary(outcomes: outcomes)
  }
}
