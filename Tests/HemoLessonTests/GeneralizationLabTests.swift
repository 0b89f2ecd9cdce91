import Foundation
import HemoCore
import HemoTrain
import Testing

@testable import HemoLesson

/// Step 8's background lab on experiment 1 (60 images): tasks run on their own thread, fill in
/// their results, refuse a second task and stop on request.
@Suite(.serialized) struct GeneralizationLabTests {
  func waitUntilIdle(_ lab: GeneralizationLab, seconds: Double = 120) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if !lab.status.isRunning { return true }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return false
  }

  @Test func seedsCurveAndWeightingFillInTheirResults() throws {
    let controller = try LessonController.builtIn()
    controller.setOverrides(TrainingOverrides(epochs: 1), for: 1)
    let lab = controller.generalization
    #expect(lab.start(.seeds(1, count: 2), controller: controller))
    #expect(lab.status.isRunning)
    // One task at a time.
    #expect(!lab.start(.weighting(1), controller: controller))
    #expect(waitUntilIdle(lab))
    var status = lab.status
    #expect(status.phase == "done" && status.fraction == 1 && status.failure == nil)
    let seeds = try #require(status.seeds)
    #expect(seeds.experiment == 1 && seeds.runs.map(\.seed) == [1, 2])
    // The lab used the lesson's own images (generated once, through the controller).
    #expect(controller.slot(1)?.data?.dataset.count == 60)

    #expect(lab.start(.learningCurve(1, sizes: [5, 100]), controller: controller))
    #expect(waitUntilIdle(lab))
    status = lab.status
    let curve = try #require(status.curve)
    #expect(curve.points.map(\.trainPerClass) == [[5, 5], [25, 25]])
    #expect(status.seeds == seeds)

    #expect(lab.start(.weighting(1), controller: controller))
    #expect(waitUntilIdle(lab))
    let weighting = try #require(lab.status.weighting)
    #expect(!weighting.unweighted.classWeighting && weighting.weighted.classWeighting)
  }

  @Test func cancelStopsATaskAndKeepsWhatFinished() throws {
    let controller = try LessonController.builtIn()
    controller.setOverrides(TrainingOverrides(epochs: 10_000), for: 1)
    let lab = controller.generalization
    #expect(lab.start(.seeds(1, count: 3), controller: controller))
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline, !lab.status.phase.hasPrefix("seed") {
      Thread.sleep(forTimeInterval: 0.02)
    }
    lab.cancel()
    #expect(waitUntilIdle(lab, seconds: 30))
    let status = lab.status
    #expect(status.phase == "stopped")
    #expect(status.seeds == nil)
    #expect(status.fraction < 1)
    // A new task can start after a stop.
    controller.setOverrides(TrainingOverrides(epochs: 1), for: 1)
    #expect(lab.start(.seeds(1, count: 2), controller: controller))
    #expect(waitUntilIdle(lab))
    #expect(lab.status.seeds?.runs.count == 2)
  }
}
