import Foundation
import HemoCore
import HemoTrain
import Testing

@testable import HemoLesson

@Suite struct LessonControllerTests {
  @Test func trainingBeforeTheDataExistsGeneratesItThenTrainsOnce() throws {
    let controller = try LessonController.builtIn(threads: 1)
    controller.setOverrides(TrainingOverrides(epochs: 2), for: 1)
    controller.train(1)
    #expect(controller.slot(1)?.preparing != nil || controller.slot(1)?.data != nil)
    #expect(controller.wait { controller.slot(1)?.result != nil })
    let slot = try #require(controller.slot(1))
    #expect(slot.data?.dataset.count == 60)
    #expect(slot.results.count == 1)
    #expect(slot.result?.epochs.count == 2)
    #expect(slot.result?.reading.isEmpty == false)
    #expect(slot.result?.run == slot.run?.id && slot.finishedOutcome?.id == slot.run?.id)
    #expect(controller.history.count == 1)
  }

  /// The lesson's path (a session on its own thread, driven by the controller) and the command
  /// line's (`hemolab run`: a headless run through a fresh orchestrator) give the same numbers.
  @Test func theLessonAndTheCommandLineGiveIdenticalNumbers() throws {
    let controller = try LessonController.builtIn(threads: 1)
    let overrides = TrainingOverrides(seed: 7, epochs: 3, threads: 1)
    controller.setOverrides(overrides, for: 1)
    controller.train(1)
    #expect(controller.wait { controller.slot(1)?.result != nil })
    let slot = try #require(controller.slot(1))
    let lesson = try #require(slot.result)
    let data = try #require(slot.data)
    let headless = try ExperimentRunner.run(
      slot.experiment, data: data, dataDescription: slot.dataDescription, overrides: overrides)
    #expect(lesson.confusionMatrix == headless.confusionMatrix)
    #expect(lesson.epochs == headless.epochs)
    #expect(lesson.predictions == headless.predictions)
    #expect(lesson.accuracy == headless.accuracy && lesson.reading == headless.reading)
    #expect(lesson.settings == headless.settings)
  }

  @Test func startingAnotherExperimentPausesTheRunningOne() throws {
    let controller = try LessonController.builtIn(threads: 1)
    controller.setOverrides(TrainingOverrides(epochs: 50), for: 1)
    controller.train(1, pacing: .watchable(delay: 0.05))
    #expect(controller.wait { controller.slot(1)?.snapshot?.state == .running })
    controller.setOverrides(TrainingOverrides(epochs: 1), for: 4)
    controller.train(4)
    #expect(controller.wait { controller.slot(1)?.snapshot?.state == .paused })
    #expect(controller.wait { controller.slot(4)?.result != nil })
    controller.stop(1)
    #expect(controller.wait { controller.slot(1)?.snapshot?.state == .stopped })
    #expect(controller.slot(1)?.results.isEmpty == true)
  }

  @Test func colourCodingComparesWithTheLatestThreeClassRun() throws {
    let controller = try LessonController.builtIn(threads: 1)
    for id in [4, 5] {
      controller.setOverrides(TrainingOverrides(epochs: 1), for: id)
      controller.train(id)
      #expect(controller.wait { controller.slot(id)?.result != nil })
    }
    let five = try #require(controller.slot(5)?.result)
    let four = try #require(controller.slot(4)?.result)
    #expect(five.reading.contains(String(format: "%.2f", four.accuracy.estimate)))
    #expect(controller.history.map(\.experiment) == [4, 5])
    #expect(try #require(four.run) < (try #require(five.run)))
  }

  /// A run that waited for its images keeps the pace it was asked for: paused between batches,
  /// it is still running after its first batch instead of racing to the end.
  @Test func aRunThatWaitsForItsImagesKeepsItsPace() throws {
    let controller = try LessonController.builtIn(threads: 1)
    controller.setOverrides(TrainingOverrides(epochs: 3), for: 1)
    controller.train(1, pacing: .watchable(delay: 30))
    #expect(controller.wait { (controller.slot(1)?.snapshot?.imagesSeen ?? 0) > 0 })
    let snapshot = try #require(controller.slot(1)?.snapshot)
    #expect(snapshot.state == .running && snapshot.batch == 1 && snapshot.epoch == 1)
    controller.stop(1)
    #expect(controller.wait { controller.slot(1)?.snapshot?.state == .stopped })
  }
}

@Suite struct RunOrchestratorTests {
  static let experiment = try! ExperimentCatalog.builtIn().experiment(id: 1)!
  static let data = ExperimentData.synthetic(experiment, threads: 1)

  func request(_ overrides: TrainingOverrides = TrainingOverrides(epochs: 1, threads: 1))
    -> RunRequest
  {
    RunRequest(Self.experiment, data: Self.data, dataDescription: "synthetic", overrides: overrides)
  }

  @Test func planHoldsTheSplitAndBatchArithmetic() throws {
    let plan = try RunPlan(request(TrainingOverrides(batchSize: 16, threads: 1)))
    // 30 + 30 images, 15 % held out of each: ceil(4.5) = 5.
    #expect(plan.testCounts == [5, 5] && plan.trainCounts == [25, 25])
    #expect(plan.batchesPerEpoch == 4)
    #expect(plan.split.test.count == 10 && plan.split.train.count == 50)
    let counts = RunPlan.splitCounts(classCounts: [30, 30], testFraction: 0.15)
    #expect(counts.train == plan.trainCounts && counts.test == plan.testCounts)
    #expect(
      RunPlan.totalBatches(classCounts: [30, 30], config: plan.config)
        == 4 * plan.config.epochs)
  }

  @Test func runsGetIncreasingIdentitiesAndOnlyRecordedOnesAreCompared() throws {
    let runs = RunOrchestrator()
    let first = try runs.run(request())
    let second = try runs.run(request(), record: false)
    #expect(first.id < second.id && first.result.run == first.id)
    #expect(runs.history.results.map(\.run) == [first.id])
    // A reading compares with the latest recorded run of the point it compares with.
    var older = first.result
    older.teachingPoint = .imbalance
    older.accuracy.estimate = 0.1
    var newer = older
    newer.accuracy.estimate = 0.9
    var history = RunHistory()
    history.record(older)
    history.record(newer)
    #expect(history.comparison(for: .balanced)?.accuracy.estimate == 0.9)
    #expect(history.comparison(for: .colourCoding) == nil)
    #expect(history.comparison(for: .imbalance) == nil)
    #expect(TeachingPoint.balanced.comparesWith == .imbalance)
    #expect(TeachingPoint.colourCoding.comparesWith == .multiclass)
  }

  @Test func aCancelledRunThrowsCancellationError() {
    #expect(throws: CancellationError.self) {
      try RunOrchestrator().run(
        request(TrainingOverrides(epochs: 10_000)), isCancelled: { true })
    }
  }

  @Test func aBadNetworkIsRefusedBeforeTraining() {
    var experiment = Self.experiment
    experiment.network = [.conv(filters: 8), .dense(units: 3)]
    #expect(throws: HemoError.self) {
      try RunOrchestrator().run(
        RunRequest(experiment, data: Self.data, dataDescription: "synthetic"))
    }
  }
}
