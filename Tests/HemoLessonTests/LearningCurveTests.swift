import Foundation
import HemoCore
import HemoTrain
import Testing

@testable import HemoLesson

/// Step 8's learning curve and class-weighting comparison, on experiments made tiny for tests.
@Suite(.serialized) struct LearningCurveTests {
  /// Experiment 3 at 30 images a class, 64² slices, 1 epoch, no fresh test images.
  static let tiny: ExperimentDefinition = {
    var experiment = try! ExperimentCatalog.builtIn().experiment(id: 3)!
    experiment.classes[0].count = 30
    experiment.classes[1].count = 30
    experiment.data.sliceSize = 64
    experiment.data.freshTestPerClass = nil
    experiment.training.epochs = 1
    return experiment
  }()

  static let data = ExperimentData.synthetic(tiny, threads: 1)
  static let oneThread = TrainingOverrides(threads: 1)

  @Test func planHoldsOutOneTestSetAndNestsTheTrainingSets() {
    // 10 of class 0, 30 of class 1.
    let labels = Array(repeating: 0, count: 10) + Array(repeating: 1, count: 30)
    let plan = LearningCurve.plan(
      labels: labels, classes: 2, sizes: [20, 5, 3, 50, 5], testFraction: 0.15, seed: 4)
    // ceil(15 %): 2 of class 0 and 5 of class 1 held out.
    #expect(plan.test.count == 7)
    #expect(plan.test.filter { labels[$0] == 0 }.count == 2)
    // Sorted, duplicates dropped; 50 gives the same sets as 20 for class 0 (8) but not class 1.
    #expect(plan.train.map(\.requested) == [3, 5, 20, 50])
    let perClass = plan.train.map { item in
      [0, 1].map { c in item.indices.filter { labels[$0] == c }.count }
    }
    #expect(perClass == [[3, 3], [5, 5], [8, 20], [8, 25]])
    for (small, large) in zip(plan.train, plan.train.dropFirst()) {
      #expect(Set(small.indices).isSubset(of: Set(large.indices)))
    }
    for item in plan.train { #expect(Set(item.indices).isDisjoint(with: Set(plan.test))) }
    // A size that adds nothing is dropped: 8 of class 0 and all 25 of class 1 already at 50.
    let capped = LearningCurve.plan(
      labels: labels, classes: 2, sizes: [50, 60], testFraction: 0.15, seed: 4)
    #expect(capped.train.map(\.requested) == [50])
    // Same seed, same plan.
    let again = LearningCurve.plan(
      labels: labels, classes: 2, sizes: [20, 5, 3, 50], testFraction: 0.15, seed: 4)
    #expect(again.test == plan.test && again.train.map(\.indices) == plan.train.map(\.indices))
  }

  @Test func smallSetsGetEpochsUpToTheMinimumBatches() {
    // 60 images in batches of 16: 4 a batch-epoch; 200 batches → 50 epochs.
    #expect(
      LearningCurve.epochs(trainImages: 60, batchSize: 16, recipe: 12, minimumBatches: 200) == 50)
    // 1700 images: 107 batches an epoch, the recipe's 12 epochs already exceed 200.
    #expect(
      LearningCurve.epochs(trainImages: 1700, batchSize: 16, recipe: 12, minimumBatches: 200) == 12)
    // Never more than 100 epochs.
    #expect(
      LearningCurve.epochs(trainImages: 2, batchSize: 16, recipe: 1, minimumBatches: 1000) == 100)
  }

  @Test func curveHonoursSizesIsDeterministicAndItsJSONHasTheDocumentedKeys() throws {
    var finished: [Int] = []
    let curve = try LearningCurve.compute(
      Self.tiny, data: Self.data, sizes: [5, 10, 100], overrides: Self.oneThread,
      minimumBatches: 4, finished: { finished.append($0.trainImages) })
    // 30 a class → 25 for training, 5 a class for testing; 100 is capped at 25.
    #expect(curve.points.map(\.trainPerClass) == [[5, 5], [10, 10], [25, 25]])
    #expect(curve.points.map(\.requestedPerClass) == [5, 10, 100])
    #expect(finished == [10, 20, 50])
    #expect(curve.testPerClass == [5, 5])
    #expect(curve.points.allSatisfy { $0.accuracy.trials == 10 })
    #expect(curve.points.allSatisfy { $0.sensitivity?.trials == 5 })
    // 10 images, batch 16: one batch an epoch, so 4 epochs to reach 4 batches.
    // 20 images: 2 batches an epoch → 2 epochs; 50 images: 4 → the recipe's 1 epoch.
    #expect(curve.points.map(\.epochs) == [4, 2, 1])
    let first = SeedVariability.points(curve.points[0].accuracy.estimate)
    let last = SeedVariability.points(curve.points[2].accuracy.estimate)
    #expect(curve.reading.contains("From 10 to 50 training images"))
    #expect(curve.reading.contains("from \(first)% to \(last)%"))
    #expect(curve.text.contains("What this shows:"))
    // Same seed, same numbers.
    let again = try LearningCurve.compute(
      Self.tiny, data: Self.data, sizes: [5, 10, 100], overrides: Self.oneThread,
      minimumBatches: 4)
    #expect(again.points.map(\.accuracy) == curve.points.map(\.accuracy))
    // The JSON `hemolab run N --learning-curve --json` prints.
    let json = ExperimentReport.json(curve)
    let decoded = try JSONDecoder().decode(LearningCurve.self, from: Data(json.utf8))
    #expect(decoded.points.map(\.accuracy) == curve.points.map(\.accuracy))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "experiment", "title", "classes", "positiveClass", "seed", "testPerClass",
        "minimumBatches", "points", "reading",
      ])
    let point = try #require((object["points"] as? [[String: Any]])?.first)
    #expect(
      Set(point.keys) == [
        "requestedPerClass", "trainPerClass", "trainImages", "epochs", "accuracy", "sensitivity",
        "specificity", "seconds",
      ])
  }

  @Test func stoppingThrowsCancellationAndBadSizesAreRefused() throws {
    #expect(throws: CancellationError.self) {
      try LearningCurve.compute(
        Self.tiny, data: Self.data, sizes: [25], minimumBatches: 100_000,
        isCancelled: { true })
    }
    #expect(throws: HemoError.self) {
      try LearningCurve.compute(Self.tiny, data: Self.data, sizes: [0, -3])
    }
  }

  @Test func weightingComparisonTrainsBothWithOneSeedAndReadsTheNumbers() throws {
    var experiment = Self.tiny
    experiment.classes[0].count = 12
    experiment.classes[1].count = 60
    experiment.training.epochs = 2
    let data = ExperimentData.synthetic(experiment, threads: 1)
    var phases: Set<Int> = []
    let comparison = try ClassWeightingComparison.run(
      experiment, data: data, dataDescription: "synthetic", overrides: Self.oneThread,
      progress: { index, _ in phases.insert(index) })
    #expect(phases == [0, 1])
    #expect(!comparison.unweighted.classWeighting && comparison.weighted.classWeighting)
    // The same seed: the same test split on both sides.
    #expect(comparison.unweighted.accuracy.trials == comparison.weighted.accuracy.trials)
    #expect(comparison.unweighted.confusionMatrix.map { $0.reduce(0, +) } == [2, 9])
    #expect(comparison.weighted.confusionMatrix.map { $0.reduce(0, +) } == [2, 9])
    #expect(comparison.trainPerClass == [10, 51])
    let a = try #require(comparison.unweighted.sensitivity)
    let b = try #require(comparison.weighted.sensitivity)
    #expect(
      comparison.reading.contains(
        "found \(b.successes) of \(b.trials) Hemorrhage test images against \(a.successes)"))
    // ×3: (51 + 10) / (2 × 10) = 3.05.
    #expect(comparison.reading.contains("about ×3 in the loss"))
    #expect(comparison.reading.contains("With only 2 Hemorrhage test images"))
    // Identical to two separate runs with the same settings.
    let plain = try ExperimentRunner.run(
      experiment, data: data, dataDescription: "synthetic", overrides: Self.oneThread)
    #expect(plain.confusionMatrix == comparison.unweighted.confusionMatrix)
  }

  @Test func aRunStoppedOnRequestThrowsCancellation() {
    #expect(throws: CancellationError.self) {
      try ExperimentRunner.run(
        Self.tiny, data: Self.data, dataDescription: "synthetic",
        overrides: TrainingOverrides(epochs: 10_000), isCancelled: { true })
    }
  }
}
