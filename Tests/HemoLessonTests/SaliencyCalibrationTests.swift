import Foundation
import HemoCore
import HemoTrain
import Testing

@testable import HemoLesson

/// The saliency sanity checks on the lesson's own experiment 3 (slow: three trainings; gated on
/// HEMOLAB_CALIBRATION=1): the trained model's HiResCAM peaks on the known blood at least 0.2 more
/// often than the same network with random weights, and ranks pixels unlike it.
@Suite(
  .serialized,
  .enabled(
    if: ProcessInfo.processInfo.environment["HEMOLAB_CALIBRATION"] != nil,
    "calibration tier: set HEMOLAB_CALIBRATION=1"))
struct SaliencyCalibrationTests {
  /// Seeds not used while designing the method (which was tuned on seed 1 only).
  static let seeds: [UInt64] = [11, 12, 13]

  @Test(arguments: seeds) func trainedModelLooksAtTheBlood(seed: UInt64) throws {
    let catalog = try ExperimentCatalog.builtIn()
    let experiment = try #require(catalog.experiment(id: 3))
    let data = ExperimentData.synthetic(experiment)
    let (result, model) = try ExperimentRunner.runWithModel(
      experiment, data: data, dataDescription: "synthetic",
      overrides: TrainingOverrides(seed: seed))
    let report = try #require(
      try SaliencyAnalysis.run(
        model: model, data: data, predictions: result.predictions, seed: seed,
        methods: [.hiResCAM, .gradCAM, .gradientTimesInput]))
    print("saliency, experiment 3, seed \(seed): \(report.reading)")
    #expect(report.images > 100)
    #expect(
      report.hitRate >= report.randomizedHitRate + 0.2,
      "hit rate \(report.hitRate), randomised \(report.randomizedHitRate)")
    #expect(report.massShare > 2 * report.maskShare, "mass share \(report.massShare)")
    for measures in report.methods {
      #expect(measures.rankCorrelation < 0.5, "\(measures.method) ρ \(measures.rankCorrelation)")
    }
  }
}
