import Foundation
import HemoCore
import HemoTrain
import Testing

@testable import HemoLesson

@Suite struct LessonControllerTests {
  /// Polls `update()` until `done` holds, for at most `seconds`.
  func wait(_ controller: LessonController, seconds: Double = 60, until done: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      controller.update()
      if done() { return true }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return false
  }

  @Test func trainingBeforeTheDataExistsGeneratesItThenTrainsOnce() throws {
    let controller = try LessonController.builtIn()
    controller.setOverrides(TrainingOverrides(epochs: 2), for: 1)
    controller.train(1)
    #expect(controller.slot(1)?.preparing != nil || controller.slot(1)?.data != nil)
    let finished = wait(controller) { controller.slot(1)?.result != nil }
    #expect(finished)
    let slot = try #require(controller.slot(1))
    #expect(slot.data?.dataset.count == 60)
    #expect(slot.results.count == 1)
    #expect(slot.result?.epochs.count == 2)
    #expect(slot.result?.reading.isEmpty == false)
    // Further updates do not record the same run twice.
    for _ in 0..<5 { controller.update() }
    #expect(controller.slot(1)?.results.count == 1)
    #expect(controller.history.count == 1)
  }

  @Test func startingAnotherExperimentPausesTheRunningOne() throws {
    let controller = try LessonController.builtIn()
    controller.setOverrides(TrainingOverrides(epochs: 50), for: 1)
    controller.train(1, pacing: .watchable(delay: 0.05))
    #expect(wait(controller) { controller.slot(1)?.snapshot?.state == .running })
    controller.setOverrides(TrainingOverrides(epochs: 1), for: 4)
    controller.train(4)
    #expect(wait(controller) { controller.slot(1)?.snapshot?.state == .paused })
    #expect(wait(controller) { controller.slot(4)?.result != nil })
    controller.slot(1)?.session?.stop()
  }

  @Test func colourCodingComparesWithTheLatestThreeClassRun() throws {
    let controller = try LessonController.builtIn()
    for id in [4, 5] {
      controller.setOverrides(TrainingOverrides(epochs: 1), for: id)
      controller.train(id)
      #expect(wait(controller) { controller.slot(id)?.result != nil })
    }
    let five = try #require(controller.slot(5)?.result)
    let four = try #require(controller.slot(4)?.result)
    #expect(five.reading.contains(String(format: "%.2f", four.accuracy.estimate)))
    #expect(controller.history.map(\.experiment) == [4, 5])
  }
}

@Suite struct LessonControllerPacingTests {
  @Test func aRunThatWaitsForItsImagesKeepsItsPace() throws {
    let controller = try LessonController.builtIn()
    controller.setOverrides(TrainingOverrides(epochs: 3), for: 1)
    controller.train(1, pacing: .watchable(delay: 0.2))
    let deadline = Date().addingTimeInterval(60)
    while controller.slot(1)?.snapshot == nil && Date() < deadline {
      controller.update()
      Thread.sleep(forTimeInterval: 0.02)
    }
    // 3 epochs × 4 batches at 0.2 s each take over 2 s; at full speed they take a few ms.
    Thread.sleep(forTimeInterval: 0.5)
    let snapshot = try #require(controller.slot(1)?.snapshot)
    #expect(snapshot.state == .running)
    controller.slot(1)?.session?.stop()
  }
}
