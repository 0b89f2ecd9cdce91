import HemoCore
import HemoLesson
import HemoTrain
import Testing

@testable import HemoTUI

@Suite struct LessonGoldenTests {
  static let size = Size(width: 80, height: 24)

  @Test func dataStepShowsGalleryViewerAndWindow() throws {
    let state = try LessonFixtures.gallery()
    expectGolden(render(state, size: Self.size, theme: .extended), file: "gallery")
  }

  @Test func experiment2MidTraining() throws {
    let snapshot = LessonFixtures.snapshot(
      state: .running, epoch: 3, batch: 20, found: 0, falseAlarms: 0)
    let state = try LessonFixtures.experiment2(snapshot)
    expectGolden(render(state, size: Self.size, theme: .extended), file: "midtraining")
  }

  @Test func experiment2FinishedWithMatrixAndReading() throws {
    let snapshot = LessonFixtures.snapshot(
      state: .finished, epoch: 8, batch: 55, found: 1, falseAlarms: 2)
    let state = try LessonFixtures.experiment2(
      snapshot, reading: "The model found **1 of 5** hemorrhages (sensitivity 20%).")
    expectGolden(render(state, size: Self.size, theme: .extended), file: "finished")
  }

  @Test func inspectListsTheImagesOfTheChosenCell() throws {
    let snapshot = LessonFixtures.snapshot(
      state: .finished, epoch: 8, batch: 55, found: 1, falseAlarms: 2)
    var state = try LessonFixtures.experiment2(snapshot)
    state = reduce(state, .key(.character("i")))
    state = reduce(state, .key(.right))
    state = reduce(state, .key(.enter))
    #expect(state.inspect?.focus == .list)
    expectGolden(render(state, size: Self.size, theme: .extended), file: "inspect")
  }

  @Test func tooSmallSaysSoAndWhatIsNeeded() throws {
    let state = try LessonFixtures.state(step: 3)
    expectGolden(render(state, size: Size(width: 60, height: 12), theme: .extended), file: "small")
  }

  @Test func noColourAndASCIIStayLegible() throws {
    let snapshot = LessonFixtures.snapshot(
      state: .paused, epoch: 3, batch: 20, found: 1, falseAlarms: 3)
    let state = try LessonFixtures.experiment2(snapshot)
    let buffer = render(state, size: Self.size, theme: .ascii)
    #expect(buffer.cells.allSatisfy { $0.character.isASCII })
    #expect(
      buffer.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default }
    )
    expectGolden(buffer, file: "ascii")
  }
}
