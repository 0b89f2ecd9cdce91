import Foundation
import HemoCore
import HemoLesson
import HemoTrain
import Testing

@testable import HemoTUI

/// Clicks: the frame marks where the header dots, matrix cells, gallery thumbnails, inspect tabs
/// and list rows are; `reduce(_:click:)` does what the equivalent keys do.
@Suite struct LessonMouseTests {
  let size = Size(width: 100, height: 30)

  func target(_ state: LessonState, where text: String, in row: Int? = nil) -> ClickTarget? {
    let frame = render(state, size: size, theme: .extended)
    let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false)
    for (y, line) in lines.enumerated() where row == nil || row == y {
      if let range = line.range(of: text) {
        return frame.target(atX: line.distance(from: line.startIndex, to: range.lowerBound), y: y)
      }
    }
    return nil
  }

  @Test func headerDotsGoToTheirStep() throws {
    let state = try LessonFixtures.state(step: 2)
    let frame = render(state, size: size, theme: .extended)
    let x = Header.dotX(6, stepCount: 8, width: size.width)
    #expect(frame[x, 0].character == "○")
    #expect(frame.target(atX: x, y: 0) == .step(6))
    #expect(frame.target(atX: 3, y: 0) == nil)
    let moved = reduce(state, click: .step(6))
    #expect(moved.step == 5 && moved.effects == [.prepare(4)])
  }

  @Test func aMatrixCellClickInspectsItsImages() throws {
    let snapshot = LessonFixtures.snapshot(
      state: .finished, epoch: 8, batch: 55, found: 1, falseAlarms: 2)
    let state = try LessonFixtures.experiment2(snapshot)
    // The missed hemorrhages: true Hemorrhage (row 0), predicted Normal (column 1), count 4.
    let cell = ClickTarget.matrixCell(row: 0, column: 1)
    let frame = render(state, size: size, theme: .extended)
    let region = try #require(frame.regions.first { $0.target == cell })
    let shown = (region.rect.x..<region.rect.maxX).map { frame[$0, region.rect.y].character }
    #expect(String(shown).trimmingCharacters(in: .whitespaces) == "4")
    let clicked = reduce(state, click: cell)
    #expect(clicked.inspect?.cursor == ConfusionMatrixView.Position(row: 0, column: 1))
    #expect(clicked.inspect?.focus == .list)
    // In inspect: a list row opens the image; a tab switches the pane.
    let row = target(clicked, where: "#2 ")
    #expect(row == .listItem(1))
    guard let row else { return }
    let viewed = reduce(clicked, click: row)
    #expect(viewed.inspect?.focus == .image && viewed.inspect?.listSelection == 1)
    let tab = target(clicked, where: "Filters")
    #expect(tab == .inspectTab(InspectState.Pane.filters.rawValue))
    #expect(reduce(clicked, click: .inspectTab(2)).inspect?.pane == .filters)
  }

  @Test func aMatrixClickBeforeAnyMatrixSaysWhy() throws {
    let running = try LessonFixtures.experiment2(
      LessonFixtures.snapshot(state: .running, epoch: 3, batch: 20, found: 1, falseAlarms: 0))
    let clicked = reduce(running, click: .matrixCell(row: 0, column: 0))
    #expect(clicked.inspect == nil && clicked.notice?.contains("Pause first") == true)
  }

  @Test func aGalleryThumbnailClickSelectsIt() throws {
    let state = try LessonFixtures.gallery()
    let frame = render(state, size: size, theme: .extended)
    let targets = frame.regions.compactMap { region -> Int? in
      if case .galleryImage(let i) = region.target { return i }
      return nil
    }
    #expect(!targets.isEmpty)
    let last = try #require(targets.max())
    let selected = reduce(state, click: .galleryImage(last))
    #expect(selected.gallery.selection == last)
    #expect(reduce(state, click: .galleryImage(999)).gallery == state.gallery)
  }

  @Test func clicksWaitWhileAModalIsOpen() throws {
    let state = reduce(try LessonFixtures.state(step: 2), .key(.character("?")))
    #expect(reduce(state, click: .step(5)) == state)
  }

  @Test func theWheelScrollsTextAndTheInspectList() throws {
    let state = try LessonFixtures.state(step: 7)
    let down = reduce(state, .key(.wheel(up: false)))
    #expect(down.textScroll == 1)
    #expect(reduce(down, .key(.wheel(up: true))).textScroll == 0)
    let snapshot = LessonFixtures.snapshot(
      state: .finished, epoch: 8, batch: 55, found: 1, falseAlarms: 2)
    var inspect = reduce(
      try LessonFixtures.experiment2(snapshot), click: .matrixCell(row: 1, column: 1))
    inspect = reduce(inspect, .key(.wheel(up: false)))
    #expect(inspect.inspect?.listSelection == 1)
  }
}
