import Foundation
import HemoCore
import HemoTrain
import Testing

@testable import HemoLesson

/// The saliency sanity checks on the lesson's own experiment 3 (slow: three trainings; gated on
/// HEMOLAB_CALIBRATION=1): the trained model's HiResCAM peaks on the known blood at least 0.2 more
/// often than the same network with random weights, puts more of its mass on the blood than a
/// uniform or randomised map would, and ranks pixels unlike the randomised network.
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
    // More of the map on the blood than a uniform map (the blood's share of the head) and than the
    // randomised network puts there.
    #expect(
      report.massShare > max(report.maskShare, report.randomizedMassShare),
      "mass share \(report.massShare), blood's share \(report.maskShare), randomised \(report.randomizedMassShare)"
    )
    for measures in report.methods {
      #expect(measures.rankCorrelation < 0.5, "\(measures.method) ρ \(measures.rankCorrelation)")
    }
  }
}
