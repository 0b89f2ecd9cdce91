import Foundation
import HemoAssets
import HemoCore
import HemoTrain
import Testing

@testable import HemoLesson

/// Experiments 4 and 5 test on fresh patients as well as on their held-out images, so that a
/// difference between them is measured on hundreds of test images, not 36.
@Suite struct FreshTestSetTests {
  static func small() throws -> ExperimentDefinition {
    var experiment = try #require(try ExperimentCatalog.builtIn().experiment(id: 4))
    experiment.classes = experiment.classes.map {
      var c = $0
      c.count = 10
      return c
    }
    experiment.data.freshTestPerClass = 5
    experiment.data.sliceSize = 64
    return experiment
  }

  @Test func freshImagesOnlyEverTestAndTheClassImagesSplitAsBefore() throws {
    let experiment = try Self.small()
    let data = ExperimentData.synthetic(experiment)
    #expect(data.dataset.count == 45)
    #expect(data.freshTest.count == 15)
    let split = try #require(data.split(seed: 3, testFraction: 0.15))
    #expect(Set(split.test).isSuperset(of: data.freshTest))
    #expect(Set(split.train).isDisjoint(with: data.freshTest))
    #expect(split.train.count == 3 * 8 && split.test.count == 3 * 2 + 15)
    // The class images are the ones the experiment draws without fresh ones, split the same way.
    var plain = experiment
    plain.data.freshTestPerClass = nil
    let without = ExperimentData.synthetic(plain)
    #expect(without.split(seed: 3, testFraction: 0.15) == nil)
    let regular = data.dataset.labels.indices.filter { !data.freshTest.contains($0) }
    let size = data.dataset.shape.count
    for (a, b) in zip(regular, without.dataset.labels.indices) {
      #expect(
        data.dataset.images[(a * size)..<((a + 1) * size)]
          == without.dataset.images[(b * size)..<((b + 1) * size)])
    }
  }

  @Test func aRunReportsTheLargerTestSetInItsCounts() throws {
    var experiment = try Self.small()
    experiment.training.epochs = 1
    let data = ExperimentData.synthetic(experiment)
    let result = try ExperimentRunner.run(experiment, data: data, dataDescription: "test")
    #expect(result.classes.map(\.test) == [7, 7, 7])
    #expect(result.classes.map(\.train) == [8, 8, 8])
    #expect(result.accuracy.trials == 21)
  }

  @Test func perClassCountsKeepAnImbalancedTestSetInProportion() throws {
    var experiment = try Self.small()
    experiment.data.freshTestPerClass = nil
    experiment.data.freshTestCounts = [1, 4, 0]
    let data = ExperimentData.synthetic(experiment)
    #expect(data.dataset.count == 35)
    #expect(data.freshTest.map { data.dataset.labels[$0] } == [0, 1, 1, 1, 1])
    let url = HemoAssets.experimentsFolder.appendingPathComponent("2-class-imbalance.json")
    var file = try JSONDecoder().decode(ExperimentFile.self, from: Data(contentsOf: url))
    file.data.freshTestCounts = [1, 2, 3]
    #expect(throws: HemoError.self) { try file.validate(file: "test") }
  }

  @Test func aSmallDifferenceIsCalledNoise() {
    func interval(_ successes: Int, _ trials: Int) -> ExperimentResult.Interval {
      ExperimentResult.Interval(
        estimate: Double(successes) / Double(trials), lower: 0, upper: 1, successes: successes,
        trials: trials)
    }
    #expect(
      LessonReading.noiseNote(interval(22, 36), interval(19, 36)).contains("within the noise"))
    #expect(LessonReading.noiseNote(interval(240, 300), interval(150, 300)) == "")
  }
}

/// Scratch, frozen and fine-tuned side by side on the same split.
@Suite struct BackboneComparisonTests {
  @Test func theThreeRunsShareTheSplitAndSayWhichIsWhich() throws {
    var experiment = try FreshTestSetTests.small()
    experiment.training.epochs = 1
    experiment.data.freshTestPerClass = nil
    let data = ExperimentData.synthetic(experiment)
    let comparison = try BackboneComparison.run(experiment, data: data, dataDescription: "test")
    #expect(comparison.sides.map(\.backbone) == [.scratch, .frozen, .finetune])
    #expect(comparison.sides.allSatisfy { $0.accuracy.trials == comparison.testImages })
    #expect(comparison.testImages == 6)
    #expect(comparison.reading.contains("same 6 test images"))
  }
}
