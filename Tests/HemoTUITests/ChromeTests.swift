import HemoCore
import Testing

@testable import HemoTUI

@Suite struct ChromeTests {
  let hints = [
    KeyHint("←/→", "step"), KeyHint("Enter", "train"), KeyHint("?", "help"), KeyHint("q", "quit"),
  ]

  @Test func footerDropsWholeHintsThatDoNotFit() {
    expectGolden(
      render(Footer(hints), 80, 1).styledText,
      #"""
       ←/→ step  Enter train  ? help  q quit
      --
      .aaabbbbb..aaaaabbbbbb..abbbbb..abbbbb
      a: fg=75 bold
      b: fg=245
      """#)
    expectGolden(
      render(Footer(hints), 24, 1).text,
      #"""
       ←/→ step  Enter train
      """#)
  }

  @Test func headerAtTwoWidths() {
    let header = Header(step: 4, stepCount: 8, title: "Experiment 2: class imbalance")
    expectGolden(
      render(header, 80, 1).text,
      #"""
       Step 4/8  Experiment 2: class imbalance                        ● ● ● ◉ ○ ○ ○ ○
      """#)
    expectGolden(
      render(header, 40, 1).styledText,
      #"""
       Step 4/8  Experiment 2: clas… ●●●◉○○○○
      --
      aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      a: fg=255 bg=24 bold
      """#)
    expectGolden(
      render(header, 40, 1, theme: .ascii).text,
      #"""
       Step 4/8  Experiment 2: clas~ ***@....
      """#)
  }

  @Test func modalCentresAndWraps() {
    let modal = Modal(title: "Help", text: "**Keys**\n←/→ step, q quit, ? this help.")
    expectGolden(
      render(modal, 30, 8).text,
      #"""

        ┌ Help ──────────────────┐
        │ Keys                   │
        │ ←/→ step, q quit, ?    │
        │ this help.             │
        └────────────────────────┘


      """#)
  }

  @Test func tooSmallNoticeNamesBothSizes() {
    let notice = TooSmallNotice(
      current: Size(width: 70, height: 20), needed: Size(width: 80, height: 24))
    expectGolden(
      render(notice, 70, 6).text,
      #"""

                      terminal too small: 70×20, need 80×24

                     Enlarge the window, or press q to quit.


      """#)
    expectGolden(
      render(notice, 20, 6).text,
      #"""
      terminal too small:
       70×20, need 80×24

      Enlarge the window,
      or press q to quit.

      """#)
  }

  @Test func formRowStates() {
    expectGolden(
      render(FormRow(label: "Learning rate", value: "0.001", note: "1e-5 … 1"), 40, 1).text,
      #"""
        Learning rate   0.001  1e-5 … 1
      """#)
    expectGolden(
      render(FormRow(label: "Epochs", value: "12", isSelected: true), 40, 1).styledText,
      #"""
      ▸ Epochs          12
      --
      a.bbbbbbbbbbbbbbbbcc
      a: fg=75 bold
      b: bold
      c: reverse
      """#)
    expectGolden(
      render(FormRow(label: "Epochs", value: "12", isSelected: true, editCursor: 2), 40, 1)
        .styledText,
      #"""
      ▸ Epochs          12
      --
      a.bbbbbbbbbbbbbbbbccd
      a: fg=75 bold
      b: bold
      c: underline
      d: reverse underline
      """#)
  }

  @Test func classCardsAreLopsidedForImbalancedCounts() {
    let (image, _) = phantom(size: 32)
    let normal = ClassCard(
      name: "Normal", count: 1000, scaleMax: 1000, trainCount: 800, testCount: 200,
      thumbnails: [image, image, image], role: .good)
    let blood = ClassCard(
      name: "Hemorrhage", count: 30, scaleMax: 1000, trainCount: 24, testCount: 6,
      thumbnails: [image], role: .bad)
    expectGolden(
      render(normal, 30, 7, theme: .monochrome).text,
      #"""
      ┌ Normal ────────────────────┐
      │ 1000 images ██████████████ │
      │ train 800 · test 200       │
      │ 🬞▞▞▞🬚▖ 🬞▞▞▞🬚▖ 🬞▞▞▞🬚▖       │
      │ ▞▖▞▞▞▟ ▞▖▞▞▞▟ ▞▖▞▞▞▟       │
      │ 🬁🬍▖▞▞🬀 🬁🬍▖▞▞🬀 🬁🬍▖▞▞🬀       │
      └────────────────────────────┘
      """#)
    expectGolden(
      render(blood, 30, 7, theme: .monochrome).text,
      #"""
      ┌ Hemorrhage ────────────────┐
      │ 30 images ▌                │
      │ train 24 · test 6          │
      │ 🬞▞▞▞🬚▖                     │
      │ ▞▖▞▞▞▟                     │
      │ 🬁🬍▖▞▞🬀                     │
      └────────────────────────────┘
      """#)
    expectGolden(
      render(blood, 24, 4, theme: .ascii).text,
      #"""
      + Hemorrhage ----------+
      | 30 images #          |
      | train 24 - test 6    |
      +----------------------+
      """#)
  }
}
