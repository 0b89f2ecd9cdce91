import Foundation
import HemoCore
import HemoTestSupport
import HemoTrain
import Testing

@testable import HemoLesson

/// Lesson step 8 without a screen: several seeds on the same images, and "another hospital".
@Suite(.serialized) struct GeneralizationTests {
  /// Experiment 3 made small enough for a test: 40 images a class at 64², 2 epochs, no fresh
  /// test images.
  static let tiny: ExperimentDefinition = {
    var experiment = try! ExperimentCatalog.builtIn().experiment(id: 3)!
    experiment.classes[0].count = 40
    experiment.classes[1].count = 40
    experiment.data.sliceSize = 64
    experiment.data.freshTestPerClass = nil
    experiment.training.epochs = 2
    return experiment
  }()

  static let data = ExperimentData.synthetic(tiny, threads: 1)
  static let oneThread = TrainingOverrides(threads: 1)

  @Test func spreadOfKnownValues() {
    func interval(_ k: Int, _ n: Int) -> ExperimentResult.Interval {
      ExperimentResult.Interval(WilsonInterval(successes: k, trials: n))
    }
    let spread = SeedVariability.Spread([
      interval(7, 10), interval(9, 10), interval(6, 10), interval(8, 10),
    ])!
    // Sorted 0.6, 0.7, 0.8, 0.9: median (0.7 + 0.8) / 2.
    #expect(abs(spread.median - 0.75) < 1e-12)
    #expect(spread.minimum == 0.6 && spread.maximum == 0.9)
    #expect(abs(spread.range - 0.3) < 1e-12)
    #expect(spread.meanHalfWidth > 0.2 && spread.meanHalfWidth < 0.3)
    #expect(SeedVariability.Spread([]) == nil)
    #expect(SeedVariability.seeds(count: 3, from: 7) == [7, 8, 9])
  }

  @Test func seedsTrainOnTheSameImagesAndSummarize() throws {
    var finished: [UInt64] = []
    let (summary, results) = try SeedVariability.run(
      Self.tiny, data: Self.data, dataDescription: "synthetic", seeds: [1, 2, 3],
      overrides: Self.oneThread,
      finished: { finished.append($0.settings.seed) })
    #expect(finished == [1, 2, 3])
    #expect(
      results.allSatisfy { $0.settings.learningRateSchedule == "cosine, warm-up over epoch 1" })
    #expect(summary.runs.map(\.seed) == [1, 2, 3])
    #expect(results.allSatisfy { $0.accuracy.trials == results[0].accuracy.trials })
    let accuracies = results.map(\.accuracy.estimate).sorted()
    #expect(summary.accuracy.median == accuracies[1])
    #expect(summary.accuracy.minimum == accuracies[0] && summary.accuracy.maximum == accuracies[2])
    #expect(summary.sensitivity != nil && summary.specificity != nil)
    // The reading quotes the measured numbers.
    let low = SeedVariability.points(summary.accuracy.minimum)
    let high = SeedVariability.points(summary.accuracy.maximum)
    #expect(summary.reading.contains("from \(low)% to \(high)%"))
    #expect(summary.comparisons.isEmpty)
    #expect(
      summary.text.components(separatedBy: "\n").filter { $0.hasPrefix("       ") }.count >= 3)
    // JSON round trip, and the keys a reader relies on.
    let json = ExperimentReport.json(summary)
    let decoded = try JSONDecoder().decode(SeedVariability.self, from: Data(json.utf8))
    #expect(decoded.runs == summary.runs && decoded.accuracy == summary.accuracy)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(
      Set(object.keys).isSuperset(of: ["experiment", "runs", "accuracy", "sensitivity", "reading"]))
  }

  @Test func comparisonsSayWhetherADifferenceExceedsTheSpread() throws {
    let (_, trained) = try SeedVariability.run(
      Self.tiny, data: Self.data, dataDescription: "synthetic", seeds: [4, 5],
      overrides: Self.oneThread)
    // Accuracies set by hand: median 0.72, spread 0.04.
    var results = trained
    results[0].accuracy.estimate = 0.70
    results[1].accuracy.estimate = 0.74
    var far = results[0]
    far.experiment = 2
    far.accuracy.estimate = 0.90
    var near = results[0]
    near.experiment = 4
    near.accuracy.estimate = 0.73
    let summary = SeedVariability(results: results, others: [far, near])
    #expect(summary.comparisons.map(\.experiment) == [2, 4])
    #expect(abs(summary.comparisons[0].difference - 0.18) < 1e-12)
    #expect(abs(summary.comparisons[1].difference - 0.01) < 1e-12)
    #expect(abs(summary.accuracy.range - 0.04) < 1e-12)
    #expect(summary.reading.contains("likely real: experiment 2 (+18) points"))
    #expect(
      summary.reading.contains(
        "cannot be told apart from chance with one run each: experiment 4 (+1) points"))
    // Without comparisons the reading says nothing about them.
    #expect(!SeedVariability(results: results).reading.contains("likely real"))
  }

  @Test func externalSetIsReproducibleShiftedAndProportional() {
    #expect(ExternalEvaluation.classCounts(for: Self.tiny, total: 30) == [15, 15])
    var imbalanced = Self.tiny
    imbalanced.classes[0].count = 10
    imbalanced.classes[1].count = 90
    #expect(ExternalEvaluation.classCounts(for: imbalanced, total: 300) == [30, 270])
    let population = ExternalEvaluation.population(for: Self.tiny)
    // The experiment's bleed adjustments on top of the other hospital's scanner and patients.
    #expect(population.bleedSizeScale == 1.7 && population.subtleFraction == 0.1)
    #expect(population.noiseSD == PhantomPopulation.external.noiseSD)
    #expect(population.acuteDensityMean == PhantomPopulation.external.acuteDensityMean)
    #expect(population.earlyScanShare == PhantomPopulation.external.earlyScanShare)
    #expect(ExternalEvaluation.generatorSeed(for: Self.tiny) != Self.tiny.data.generatorSeed)
    let a = ExternalEvaluation.data(for: Self.tiny, count: 20, threads: 1)
    let b = ExternalEvaluation.data(for: Self.tiny, count: 20, threads: 1)
    #expect(a.dataset.images == b.dataset.images && a.dataset.labels == b.dataset.labels)
    #expect(a.dataset.classCounts == [10, 10])
    // The other site's window practice: brain 82/40 instead of 80/40.
    #expect(a.preprocessing.window.width == 82 && a.preprocessing.window.level == 40)
    #expect(
      Self.data.preprocessing.window.width == 80 && Self.data.preprocessing.window.level == 40)
    // Other patients: no external image equals an internal one.
    let first = Array(a.dataset.images[0..<a.dataset.shape.count])
    #expect(first != Array(Self.data.dataset.images[0..<Self.data.dataset.shape.count]))
  }

  /// The calibration: experiment 3 as shipped (2000 images, default 2 threads, as
  /// `hemolab run 3 --external --seed N` runs it) loses 5–15 accuracy points at the other
  /// hospital on each of seeds 1–3 (measured 13.4, 9.4, 10.4), and its AUC falls too (0.90 →
  /// 0.84, 0.88 → 0.83, 0.91 → 0.85): the bleeds are harder to see, not only past the threshold.
  @Test(
    .enabled(if: Calibration.isEnabled, Calibration.skipNote), arguments: [UInt64(1), 2, 3])
  func experiment3DropsFiveToFifteenPointsPerSeed(
    seed: UInt64
  ) throws {
    let (result, model) = try ExperimentRunner.runWithModel(
      Self.experiment3, data: Self.experiment3Data, dataDescription: "synthetic",
      overrides: TrainingOverrides(seed: seed))
    let evaluation = try ExternalEvaluation(
      experiment: Self.experiment3, result: result, model: model,
      external: Self.experiment3External)
    print("seed \(seed): external drop \(evaluation.accuracyDrop)")
    #expect(evaluation.accuracyDrop >= 0.05 && evaluation.accuracyDrop <= 0.15, "seed \(seed)")
    let internalAUC = try #require(evaluation.internal.auc).estimate
    #expect(try #require(evaluation.external.auc).estimate < internalAUC - 0.03, "seed \(seed)")
  }

  static let experiment3 = try! ExperimentCatalog.builtIn().experiment(id: 3)!
  static let experiment3Data = ExperimentData.synthetic(experiment3)
  static let experiment3External = ExternalEvaluation.data(for: experiment3)

  @Test func externalEvaluationComparesBothSidesAndItsJSONDecodes() throws {
    let (result, model) = try ExperimentRunner.runWithModel(
      Self.tiny, data: Self.data, dataDescription: "synthetic", overrides: Self.oneThread)
    let external = ExternalEvaluation.data(for: Self.tiny, count: 40)
    let evaluation = try ExternalEvaluation(
      experiment: Self.tiny, result: result, model: model, external: external)
    #expect(evaluation.internal.accuracy == result.accuracy)
    #expect(evaluation.internal.confusionMatrix == result.confusionMatrix)
    #expect(evaluation.internal.sensitivity == result.sensitivity)
    #expect(evaluation.external.images == 40)
    #expect(evaluation.external.confusionMatrix.joined().reduce(0, +) == 40)
    #expect(
      abs(
        evaluation.accuracyDrop
          - (evaluation.internal.accuracy.estimate - evaluation.external.accuracy.estimate)) < 1e-12
    )
    let auc = try #require(evaluation.external.auc)
    #expect(auc.lower <= auc.estimate && auc.estimate <= auc.upper)
    #expect(
      evaluation.reading.contains(
        SeedVariability.points(evaluation.external.accuracy.estimate) + "%"))
    #expect(evaluation.text.contains("Accuracy at the other hospital"))
    let json = ExperimentReport.json(evaluation)
    let decoded = try JSONDecoder().decode(ExternalEvaluation.self, from: Data(json.utf8))
    #expect(decoded.external == evaluation.external && decoded.internal == evaluation.internal)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "experiment", "title", "classes", "positiveClass", "seed", "externalGeneratorSeed",
        "externalDescription", "internal", "external", "accuracyDrop", "reading",
      ])
    let side = try #require(object["external"] as? [String: Any])
    #expect(
      Set(side.keys) == [
        "name", "images", "confusionMatrix", "accuracy", "sensitivity", "specificity", "auc",
      ])
    // A model for other classes is refused, not crashed on.
    var other = Self.tiny
    other.classes[0].name = "Bleed"
    let mismatched = ExternalEvaluation.data(for: other, count: 10)
    #expect(throws: HemoError.self) {
      try ExternalEvaluation(
        experiment: Self.tiny, result: result, model: model, external: mismatched)
    }
  }
}
