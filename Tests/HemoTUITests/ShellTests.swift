import Testing

@testable import HemoTUI

@Suite struct ReducerTests {
  @Test func arrowsAndLettersStepThroughTheLessonWithinBounds() {
    var state = AppState()
    state = reduce(state, .key(.left))
    #expect(state.step == 0)
    state = reduce(state, .key(.right))
    state = reduce(state, .key(.character("n")))
    #expect(state.step == 2)
    state = reduce(state, .key(.character("p")))
    #expect(state.step == 1)
    for _ in 0..<20 { state = reduce(state, .key(.right)) }
    #expect(state.step == 7)
    state = reduce(state, .key(.character("3")))
    #expect(state.step == 2)
    state = reduce(state, .key(.character("9")))
    #expect(state.step == 2)
  }

  @Test func helpIsModalAndClosesWithEscOrQuestionMark() {
    var state = reduce(AppState(step: 3), .key(.character("?")))
    #expect(state.showsHelp)
    state = reduce(state, .key(.right))
    #expect(state.step == 3)
    state = reduce(state, .key(.down))
    #expect(state.helpScroll == 1)
    state = reduce(state, .key(.escape))
    #expect(!state.showsHelp)
    state = reduce(reduce(state, .key(.character("?"))), .key(.character("?")))
    #expect(!state.showsHelp)
  }

  @Test func qQuitsFromAnywhere() {
    #expect(reduce(AppState(), .key(.character("q"))).wantsQuit)
    let help = reduce(AppState(), .key(.character("?")))
    #expect(reduce(help, .key(.character("q"))).wantsQuit)
    #expect(!reduce(AppState(), .key(.escape)).wantsQuit)
  }

  @Test func ticksCountAndResizeChangesNothing() {
    let state = AppState(step: 2)
    #expect(reduce(state, .tick).ticks == 1)
    #expect(reduce(state, .resize(Size(width: 100, height: 30))) == state)
  }
}

@Suite struct ShellScreenTests {
  @Test func golden80x24() {
    let screen = render(AppState(step: 3), size: Size(width: 80, height: 24), theme: .extended)
    expectGolden(
      screen.text,
      #"""
       Step 4/8  Experiment 2: class imbalance                        ● ● ● ◉ ○ ○ ○ ○

       ┌ Experiment 2: class imbalance ─────────────────────────────────────────────┐
       │ This step is coming in the lesson build.                                   │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       │                                                                            │
       └────────────────────────────────────────────────────────────────────────────┘
       ←/→ step  ? help  q quit  1-8 jump
      """#)
  }

  @Test func helpOverlayAt160x48() {
    let state = reduce(AppState(step: 1), .key(.character("?")))
    let screen = render(state, size: Size(width: 160, height: 48), theme: .eight)
    expectGolden(
      screen.text,
      #"""
       Step 2/8  The data                                                                                                                             ● ◉ ○ ○ ○ ○ ○ ○

       ┌ The data ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
       │ This step is coming in the lesson build.                                                                                                                   │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                          ┌ Help ────────────────────────────────────────────────────────────────┐                                          │
       │                                          │ Moving through the lesson                                            │                                          │
       │                                          │ ←/→ or n/p   previous / next step                                    │                                          │
       │                                          │ 1 … 8        jump to a step                                          │                                          │
       │                                          │ Home/End     first / last step                                       │                                          │
       │                                          │                                                                      │                                          │
       │                                          │ Anywhere                                                             │                                          │
       │                                          │ ?            this help (Esc closes it)                               │                                          │
       │                                          │ q            quit HemoLab                                            │                                          │
       │                                          │                                                                      │                                          │
       │                                          │ The lesson steps are being built: training, the confusion matrix and │                                          │
       │                                          │ the image viewer arrive with them.                                   │                                          │
       │                                          └──────────────────────────────────────────────────────────────────────┘                                          │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       │                                                                                                                                                            │
       └────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
       ←/→ step  ? help  q quit  1-8 jump
      """#)
  }

  @Test func tooSmallBelow80x24AndQStillQuits() {
    let screen = render(AppState(), size: Size(width: 79, height: 24), theme: .extended)
    expectGolden(
      screen.text,
      #"""










                           terminal too small: 79×24, need 80×24

                          Enlarge the window, or press q to quit.











      """#)
    #expect(reduce(AppState(), .key(.character("q"))).wantsQuit)
  }

  @Test func asciiScreenHasOnlyASCII() {
    let screen = render(AppState(step: 6), size: Size(width: 80, height: 24), theme: .ascii)
    #expect(screen.cells.allSatisfy { $0.character.isASCII })
    #expect(screen.text.contains("Step 7/8"))
  }
}
