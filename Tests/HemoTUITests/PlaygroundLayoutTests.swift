import HemoLesson
import Testing

@testable import HemoTUI

@Suite struct PlaygroundLayoutTests {
  static let sizes = [
    (74, 19), (78, 19), (80, 23), (100, 30), (120, 39), (160, 47), (200, 59),
  ]

  @Test(arguments: sizes)
  func partsFitAndDoNotOverlap(width: Int, height: Int) {
    let size = Size(width: width, height: height)
    let layout = PlaygroundLayout(size: size, surface: .basins)
    let bounds = Rect(size: size)
    var parts = [layout.title, layout.map, layout.scale, layout.panel, layout.hints]
    if let text = layout.text { parts.append(text) }
    for part in parts {
      #expect(part.intersection(bounds) == part, "\(part) outside \(size)")
    }
    for (i, a) in parts.enumerated() {
      for b in parts[(i + 1)...] { #expect(a.intersection(b).isEmpty, "\(a) overlaps \(b)") }
    }
    #expect(layout.panel.width >= PlaygroundLayout.panelMinimum)
    #expect(layout.map.height >= 12)
    // Map pixels are about square: columns ≈ 2.5 × rows for the 4.4 × 3.52 window.
    let ratio = Double(layout.map.width) / Double(layout.map.height)
    #expect(abs(ratio - 2.5) < 0.25, "\(layout.map)")
    // Every key is shown, or the explanation has its own place and only `t` is left out.
    let shown = layout.hintRows.flatMap { $0 }.map(\.key)
    let expected = PlaygroundKeys.hints.map(\.key).filter { layout.text == nil || $0 != "t" }
    #expect(shown == expected, "\(size)")
  }

  @Test func theLessonBodyAt80x24HasNoRoomForTheTextButLargeScreensDo() {
    #expect(PlaygroundLayout(size: Size(width: 78, height: 19), surface: .bowl).text == nil)
    #expect(PlaygroundLayout(size: Size(width: 120, height: 39), surface: .bowl).text != nil)
    #expect(PlaygroundLayout(size: Size(width: 200, height: 59), surface: .bowl).text != nil)
  }

  @Test func tinyRegionsDrawWithoutTrapping() {
    for (w, h) in [(0, 0), (10, 3), (30, 8), (50, 12), (60, 16)] {
      let buffer = CellBuffer.draw(size: Size(width: w, height: h)) { canvas in
        PlaygroundView(PlaygroundScreenTests.race()).draw(in: &canvas, theme: .extended)
      }
      #expect(buffer.size == Size(width: w, height: h))
    }
    let small = PlaygroundScreen.render(
      PlaygroundState(), size: Size(width: 70, height: 20), theme: .monochrome)
    #expect(small.text.contains("terminal too small: 70×20, need 80×24"))
  }

  @Test func asciiThemeFallsBackToShadesAndPlainCharacters() {
    let screen = PlaygroundScreen.render(
      PlaygroundScreenTests.caught(), size: Size(width: 80, height: 24), theme: .ascii)
    #expect(screen.cells.allSatisfy { $0.character.isASCII })
    #expect(screen.text.contains("Learning rate 0.05"))
  }
}
