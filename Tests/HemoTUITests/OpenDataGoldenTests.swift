import HemoCore
import HemoLesson
import HemoTrain
import Testing

@testable import HemoTUI

/// Golden screens of what `o`, the file preview and the 80×24 layouts added, and the lesson in
/// 8 colours.
@Suite struct OpenDataGoldenTests {
  static let size = Size(width: 80, height: 24)

  func finished() throws -> LessonState {
    let snapshot = LessonFixtures.snapshot(
      state: .finished, epoch: 8, batch: 55, found: 1, falseAlarms: 2)
    return try LessonFixtures.experiment2(
      snapshot, reading: "The model found **1 of 5** hemorrhages (sensitivity 20%).")
  }

  @Test func thePathModalShowsTheLineAndTabsCandidates() throws {
    var prompt = PathPrompt(
      purpose: .openData, text: "/work/shared/data/spotlight-tm/experiment")
    prompt.candidates = ["experiment1.tm", "experiment4.tm", "experiment5.tm"]
    var state = try LessonFixtures.state(step: 2)
    state.overlay = .path(prompt)
    expectGolden(render(state, size: Self.size, theme: .extended), file: "path_modal")
  }

  @Test func aProblemWithThePathIsOneLineInTheModal() throws {
    var state = try LessonFixtures.state(step: 2)
    state = reduce(state, .key(.character("o")))
    state = reduce(state, .key(.enter))
    let text = render(state, size: Self.size, theme: .extended).text
    #expect(text.contains("Type a path (Tab completes), or Esc to cancel."))
    #expect(text.contains("Path: "))
  }

  @Test func aPreviewFromAFileShowsItsImageAndTheProbabilities() throws {
    var state = try finished()
    var inspect = InspectState(experiment: 2)
    inspect.pane = .preview
    inspect.previewFile = "scans/ID_000000e27.dcm"
    state.inspect = inspect
    let image = Preprocessing().display(LessonFixtures.sample(blood: true).pixels)
    state.images.filePreview = FilePreview(
      experiment: 2, path: "scans/ID_000000e27.dcm", weights: [8, 8, 55], thumbnail: image,
      probabilities: [0.83, 0.17])
    expectGolden(render(state, size: Self.size, theme: .extended), file: "file_preview")
    // A file that cannot be read says so in one line, naming it.
    state.images.filePreview?.error = "scans/x.png: not a PNG, JPEG or DICOM file"
    let failed = render(state, size: Self.size, theme: .extended).text
    #expect(failed.contains("Cannot classify: scans/x.png: not a"))
    #expect(!failed.contains("▀"))
  }

  @Test func threeClassCardsSitSideBySideAt80x24WithTheDataInUse() throws {
    var state = try LessonFixtures.state(step: 5)
    var live = try #require(state.live[4])
    live.hasData = true
    live.dataDescription = "class folders in my-cases"
    live.trainCounts = [68, 68, 68]
    live.testCounts = [12, 12, 12]
    live.classSamples = [[0, 1], [80, 81], [160, 161]]
    state.live[4] = live
    for index in [0, 1, 80, 81, 160, 161] {
      let sample = LessonFixtures.sample(blood: index >= 80)
      state.images.thumbnails[.experiment(4, index: index)] = Preprocessing().display(
        sample.pixels)
    }
    var opening = DataOpening(path: "~/my-cases", name: "my-cases")
    opening.isFinished = true
    opening.used = [4, 1, 2, 3, 5]
    state.opening = opening
    expectGolden(render(state, size: Self.size, theme: .extended), file: "cards_80x24")
  }

  @Test func theFinishedExperimentInEightColours() throws {
    let buffer = render(try finished(), size: Self.size, theme: .eight)
    // Eight colours: only the 8 basic colour indices (or the default), never the 256 ramp.
    #expect(
      buffer.cells.allSatisfy { cell in
        [cell.style.foreground, cell.style.background].allSatisfy { colour in
          if case .index(let i) = colour { return i < 8 }
          return true
        }
      })
    expectGolden(buffer, file: "eight_colours")
  }
}
