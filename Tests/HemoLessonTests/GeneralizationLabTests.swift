import Foundation
import HemoCore
import HemoTrain
import Testing

@testable import HemoLesson

/// Step 8's background lab on experiment 1 (60 images): tasks run on their own thread, fill in
/// their results, refuse a second task and stop on request.
@Suite(.serialized) struct GeneralizationLabTests {
  @Test func seedsCurveAndWeightingFillInTheirResults() throws {
    let controller = try LessonController.builtIn(threads: 1)
    controller.setOverrides(TrainingOverrides(epochs: 1), for: 1)
    let lab = controller.generalization
    #expect(lab.start(.seeds(1, count: 2), controller: controller))
    #expect(lab.status.isRunning)
    // One task at a time.
    #expect(!lab.start(.weighting(1), controller: controller))
    #expect(controller.wait { !lab.status.isRunning })
    var status = lab.status
    #expect(status.progress == .done && status.fraction == 1 && status.failure == nil)
    let seeds = try #require(status.seeds)
    #expect(seeds.experiment == 1 && seeds.runs.map(\.seed) == [1, 2])
    // The lab used the lesson's own images (generated once, through the controller), and its
    // runs are not the learner's.
    #expect(controller.slot(1)?.data?.dataset.count == 60)
    #expect(controller.history.isEmpty)

    #expect(lab.start(.learningCurve(1, sizes: [5, 100]), controller: controller))
    #expect(controller.wait { !lab.status.isRunning })
    status = lab.status
    let curve = try #require(status.curve)
    #expect(curve.points.map(\.trainPerClass) == [[5, 5], [25, 25]])
    #expect(status.seeds == seeds)

    #expect(lab.start(.weighting(1), controller: controller))
    #expect(controller.wait { !lab.status.isRunning })
    let weighting = try #require(lab.status.weighting)
    #expect(!weighting.unweighted.classWeighting && weighting.weighted.classWeighting)
  }

  @Test func backbonesTrainScratchFrozenAndFineTunedOnTheSameSplit() throws {
    let controller = try LessonController.builtIn(threads: 1)
    controller.setOverrides(TrainingOverrides(epochs: 1), for: 1)
    let lab = controller.generalization
    #expect(lab.start(.backbones(1), controller: controller))
    #expect(controller.wait { !lab.status.isRunning })
    let status = lab.status
    #expect(status.progress == .done && status.failure == nil)
    let comparison = try #require(status.backbones)
    #expect(comparison.sides.map(\.backbone) == [.scratch, .frozen, .finetune])
    #expect(comparison.sides.allSatisfy { $0.accuracy.trials == 10 })
    #expect(comparison.classes == ["Hemorrhage", "Normal"])
    #expect(comparison.reading.contains("same 10 test images"))
    // The scratch side is the learner's own recipe: a headless run of the same settings gives
    // the same matrix. The lab's runs are not the learner's.
    let slot = try #require(controller.slot(1))
    let data = try #require(slot.data)
    let plain = try ExperimentRunner.run(
      slot.experiment, data: data, dataDescription: "test", overrides: slot.overrides)
    #expect(comparison.side(.scratch)?.confusionMatrix == plain.confusionMatrix)
    #expect(controller.history.isEmpty)
  }

  @Test func externalReusesTheLearnersFinishedRun() throws {
    let controller = try LessonController.builtIn(threads: 1)
    controller.setOverrides(TrainingOverrides(epochs: 1), for: 1)
    controller.train(1)
    #expect(controller.wait { controller.slot(1)?.result != nil })
    let lab = controller.generalization
    #expect(lab.start(.external(1), controller: controller))
    #expect(controller.wait { !lab.status.isRunning })
    let external = try #require(lab.status.external)
    let result = try #require(controller.slot(1)?.result)
    #expect(external.internal.confusionMatrix == result.confusionMatrix)
    #expect(external.seed == result.settings.seed)
  }

  @Test func cancelStopsATaskAndKeepsWhatFinished() throws {
    let controller = try LessonController.builtIn(threads: 1)
    controller.setOverrides(TrainingOverrides(epochs: 10_000), for: 1)
    let lab = controller.generalization
    #expect(lab.start(.seeds(1, count: 3), controller: controller))
    #expect(controller.wait { lab.status.phase.hasPrefix("seed") })
    lab.cancel()
    #expect(controller.wait { !lab.status.isRunning })
    let status = lab.status
    #expect(status.progress == .stopped)
    #expect(status.seeds == nil)
    #expect(status.fraction < 1)
    // A new task can start after a stop.
    controller.setOverrides(TrainingOverrides(epochs: 1), for: 1)
    #expect(lab.start(.seeds(1, count: 2), controller: controller))
    #expect(controller.wait { !lab.status.isRunning })
    #expect(lab.status.seeds?.runs.count == 2)
  }
}
