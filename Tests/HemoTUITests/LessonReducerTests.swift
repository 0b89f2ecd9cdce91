import HemoCore
import HemoLesson
import HemoTrain
import Testing

@testable import HemoTUI

@Suite struct LessonReducerTests {
  func press(_ state: LessonState, _ keys: Key...) -> LessonState {
    keys.reduce(state) { reduce($0, .key($1)) }
  }

  func running(_ state: SessionState) throws -> LessonState {
    try LessonFixtures.experiment2(
      LessonFixtures.snapshot(state: state, epoch: 3, batch: 20, found: 1, falseAlarms: 0))
  }

  @Test func navigationStaysInBoundsAndPreparesExperimentData() throws {
    var state = try LessonFixtures.state(step: 0)
    state = press(state, .left)
    #expect(state.step == 0)
    state = press(state, .right, .character("n"))
    #expect(state.step == 2)
    #expect(state.effects == [.prepare(1)])
    state = press(state, .character("p"))
    #expect(state.step == 1)
    state = press(state, .end)
    #expect(state.step == 7)
    state = press(state, .right)
    #expect(state.step == 7)
    state = press(state, .character("5"))
    #expect(state.step == 4)
    #expect(state.effects.last == .prepare(3))
  }

  @Test func enterTrainsAndSpacePausesAndResumes() throws {
    var state = try LessonFixtures.state(step: 2)
    state = press(state, .enter)
    #expect(state.effects == [.train(1, watchable: true)])
    var paused = try running(.running)
    paused = press(paused, .space)
    #expect(paused.effects == [.pause(2)])
    var resumed = try running(.paused)
    resumed = press(resumed, .space)
    #expect(resumed.effects == [.resume(2)])
    let again = press(try running(.running), .enter)
    #expect(again.effects.isEmpty)
    #expect(again.notice?.contains("Already training") == true)
  }

  @Test func stepsWorkOnlyWhilePausedAndStopOnlyWhileActive() throws {
    let paused = try running(.paused)
    #expect(press(paused, .character(".")).effects == [.stepBatch(2)])
    #expect(press(paused, .character("e")).effects == [.stepEpoch(2)])
    #expect(press(paused, .character("x")).effects == [.stop(2)])
    let busy = try running(.running)
    let stepped = press(busy, .character("."))
    #expect(stepped.effects.isEmpty)
    #expect(stepped.notice?.contains("Pause first") == true)
    let done = try running(.finished)
    #expect(press(done, .character("x")).effects.isEmpty)
  }

  @Test func settingsEditStepValuesAndSaveAsOverrides() throws {
    var state = try LessonFixtures.state(step: 3)
    state = press(state, .character("s"))
    guard case .settings(let form) = state.overlay else {
      Issue.record("settings did not open")
      return
    }
    #expect(form.epochs == 30 && form.batchSize == 64 && form.learningRate == 0.001)
    state = press(state, .right, .right)  // epochs 32
    state = press(state, .down, .left)  // batch 32
    state = press(state, .down, .right)  // lr 0.003
    state = press(state, .down, .right)  // seed 2
    state = press(state, .down, .space)  // weighting on
    state = press(state, .down, .right)  // backbone frozen
    state = press(state, .enter)
    #expect(state.overlay == nil)
    let expected = TrainingOverrides(
      seed: 2, epochs: 32, learningRate: 0.003, batchSize: 32, classWeighting: true,
      backbone: .frozen)
    #expect(state.effects == [.setOverrides(2, expected)])
    let cancelled = press(try LessonFixtures.state(step: 3), .character("s"), .right, .escape)
    #expect(cancelled.effects.isEmpty && cancelled.overlay == nil)
    let busy = press(try running(.running), .character("s"))
    #expect(busy.overlay == nil)
  }

  @Test func epochsAndBatchSizesStayWithinTheirLists() {
    var form = SettingsForm(
      experiment: 1, epochs: 1, batchSize: 4, learningRate: 0.1, seed: 0, classWeighting: false)
    form.change(-1)
    #expect(form.epochs == 1)
    form.row = 1
    form.change(-1)
    #expect(form.batchSize == 4)
    form.row = 2
    form.change(1)
    #expect(form.learningRate == 0.1)
    form.row = 3
    form.change(-1)
    #expect(form.seed == 0)
  }

  @Test func quitAsksWhileTrainingAndStopsEverything() throws {
    let idle = press(try LessonFixtures.state(step: 3), .character("q"))
    #expect(idle.wantsQuit && idle.effects == [.stopAll])
    var busy = press(try running(.running), .character("q"))
    #expect(!busy.wantsQuit && busy.overlay == .quitConfirm)
    busy = press(busy, .character("n"))
    #expect(busy.overlay == nil && !busy.wantsQuit)
    busy = press(busy, .character("q"), .character("y"))
    #expect(busy.wantsQuit && busy.effects == [.stopAll])
  }

  @Test func inspectNeedsAMatrixAndWalksCellListImage() throws {
    let busy = press(try running(.running), .character("i"))
    #expect(busy.inspect == nil)
    var state = press(try running(.paused), .character("i"))
    #expect(state.inspect?.focus == .matrix)
    state = press(state, .down, .down, .right, .right)
    #expect(state.inspect?.cursor == ConfusionMatrixView.Position(row: 1, column: 1))
    state = press(state, .up, .enter)
    // true Hemorrhage, predicted Normal: the 4 missed hemorrhages.
    #expect(state.inspect?.focus == .list)
    #expect(cellImages(state.live[2]?.run, state.inspect!.cursor).count == 4)
    state = press(state, .down, .down, .enter)
    #expect(state.inspect?.focus == .image && state.inspect?.listSelection == 2)
    #expect(state.wantedImages.contains { $0.key == .experiment(2, index: 3) && $0.sample })
    state = press(state, .character("w"), .character("c"))
    #expect(state.inspect?.windowIndex == 1 && state.inspect?.colourCoding == true)
    state = press(state, .escape, .escape, .escape)
    #expect(state.inspect == nil)
  }

  @Test func oOpensThePathModalWhereLettersAreTypedAndEscCancels() throws {
    var state = press(try LessonFixtures.state(step: 2), .character("o"))
    #expect(state.overlay == .path(PathPrompt(purpose: .openData)))
    state = press(state, .character("~"), .character("/"), .character("q"), .space, .character("?"))
    guard case .path(let prompt) = state.overlay else {
      Issue.record("the modal closed")
      return
    }
    // q and ? are letters of the path here: no quit, no help.
    #expect(prompt.text == "~/q ?" && !state.wantsQuit)
    state = press(state, .backspace, .backspace, .tab)
    #expect(state.effects == [.completePath])
    state = press(state, .escape)
    #expect(state.overlay == nil)
  }

  @Test func openingDataWaitsUntilTrainingStops() throws {
    let busy = press(try running(.running), .character("o"))
    #expect(busy.overlay == nil && busy.notice?.contains("stop it (x)") == true)
    let done = press(try running(.finished), .character("o"))
    #expect(done.overlay == .path(PathPrompt(purpose: .openData)))
  }

  @Test func enterOpensTheDataForTheCurrentExperimentFirst() throws {
    var state = press(try LessonFixtures.state(step: 4), .character("o"))
    for c in " /data/rsna " { state = press(state, c == " " ? .space : .character(c)) }
    state = press(state, .enter)
    #expect(state.overlay == nil)
    #expect(state.effects.last == .openData(path: "/data/rsna", first: 3))
    // Not on an experiment step: no experiment comes first.
    let other = press(try LessonFixtures.state(step: 7), .character("o"), .character("x"), .enter)
    #expect(other.effects == [.openData(path: "x", first: nil)])
  }

  @Test func anEmptyPathGoesBackToBuiltInDataOnlyWhenOwnDataIsInUse() throws {
    let fresh = press(try LessonFixtures.state(step: 2), .character("o"), .enter)
    guard case .path(let prompt) = fresh.overlay else {
      Issue.record("an empty path closed the modal")
      return
    }
    #expect(prompt.message?.contains("Type a path") == true && fresh.effects.isEmpty)
    var state = try LessonFixtures.state(step: 2)
    var opening = DataOpening(path: "/x/experiment1.tm", name: "experiment1.tm")
    opening.isFinished = true
    opening.used = [1, 2, 3, 4, 5]
    state.opening = opening
    #expect(state.dataInUse == "experiment1.tm")
    state = press(state, .character("o"), .enter)
    #expect(state.overlay == nil && state.effects == [.useBuiltInData])
    #expect(state.notice?.contains("built-in") == true)
  }

  @Test func aFailedOpeningIsNotDataInUse() throws {
    var state = try LessonFixtures.state(step: 2)
    var opening = DataOpening(path: "/nope.tm", name: "nope.tm")
    opening.isFinished = true
    opening.error = "/nope.tm: no such file or folder"
    state.opening = opening
    #expect(state.dataInUse == nil)
    opening.isFinished = false
    opening.used = [1]
    state.opening = opening
    #expect(state.dataInUse == nil)
  }

  @Test func oInInspectPicksAFileForThePreview() throws {
    var state = press(try running(.paused), .character("i"), .character("o"))
    #expect(state.overlay == .path(PathPrompt(purpose: .previewFile(experiment: 2))))
    state = press(state, .enter)
    #expect(state.inspect?.previewFile == nil && state.overlay != nil)
    for c in "a.dcm" { state = press(state, .character(c)) }
    state = press(state, .enter)
    #expect(state.overlay == nil)
    #expect(state.inspect?.pane == .preview && state.inspect?.previewFile == "a.dcm")
    #expect(state.wantedImages.allSatisfy { $0.key != .gallery(0) })
    // ↑/↓ go back to the gallery images.
    state = press(state, .down)
    #expect(state.inspect?.previewFile == nil && state.inspect?.previewIndex == 0)
  }

  @Test func smallExperimentsAreWatchableAndBigOnesFullSpeed() throws {
    let state = try LessonFixtures.state(step: 0)
    #expect(state.watchable.contains(1))
    #expect(!state.watchable.contains(3))
    let toggled = press(try LessonFixtures.state(step: 4), .character("f"))
    #expect(toggled.effects == [.setWatchable(3, true)])
  }

  @Test func stepOneHostsThePlaygroundButKeepsNavigationAndQuit() throws {
    var state = try LessonFixtures.state(step: 0)
    let before = state.playground
    state = press(state, .character("2"))
    #expect(state.step == 0)
    #expect(state.playground != before)
    #expect(press(state, .right).step == 1)
    #expect(press(state, .character("q")).wantsQuit)
  }
}
