import HemoCore
import HemoLesson
import HemoTrain
import Testing

@testable import HemoTUI

/// The whole lesson app (event loop, controller, runs, image service) on an in-memory terminal:
/// keys in, frames out, no ncurses.
@Suite struct LessonAppTests {
  @Test func experiment1TrainsToTheEndAndIsInspectedFromTheKeyboard() throws {
    let controller = try LessonController.builtIn(threads: 1)
    controller.setOverrides(TrainingOverrides(epochs: 2, threads: 1), for: 1)
    let terminal = MemoryTerminal(
      size: Size(width: 80, height: 24),
      script: [
        .key(.right), .key(.right), .waitFor("ready"), .key(.character("f")), .key(.enter),
        .waitFor("▸ done"), .key(.character("i")), .waitFor("─ Inspect"),
        .key(.escape), .key(.character("q")),
      ], seconds: 120)
    let status = LessonApp.run(on: terminal, controller: controller)
    #expect(status == 0)
    #expect(terminal.missed.isEmpty, "never shown: \(terminal.missed)")
    let result = try #require(controller.slot(1)?.result)
    #expect(result.epochs.count == 2)
    // The finished screen showed this run's numbers, and its thumbnails arrived from the
    // image service (the cards' strips are no longer blank).
    let finished = try #require(terminal.frames.last { $0.text.contains("▸ done") })
    #expect(finished.text.contains("epoch 2/2"))
    #expect(finished.text.contains(String(result.accuracy.successes)))
    #expect(terminal.frames.contains { $0.text.contains("[Cell]") })
  }

  @Test func theStandAlonePlaygroundQuitsOnQ() {
    let terminal = MemoryTerminal(
      size: Size(width: 80, height: 24),
      script: [.key(.character("+")), .nextFrame, .key(.character("q"))])
    let status = PlaygroundApp.run(PlaygroundState(), on: terminal)
    #expect(status == 0 && terminal.missed.isEmpty)
    // The first frame, and the one after + raised the learning rate.
    #expect(terminal.frames.count == 2 && terminal.frames[0].text != terminal.frames[1].text)
  }
}
