import Testing

@testable import HemoTUI

@Suite struct TerminalAnswersTests {
  @Test func kittyAnswerAndCellSizeAreRead() {
    let reply = Array("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[4;960;1600t\u{1B}[6;20;10t\u{1B}[?62;22c".utf8)
    let answers = TerminalAnswers.parse(reply)
    #expect(answers.kitty)
    #expect(!answers.sixel)
    #expect(answers.attributesSeen)
    #expect(answers.cellSize == Size(width: 10, height: 20))
    #expect(answers.areaPixels == Size(width: 1600, height: 960))
    #expect(TerminalAnswers.decide(answers: answers, environment: [:]) == .pixels(.kitty))
  }

  @Test func sixelIsAttributeFourOfDA1() {
    let xterm = TerminalAnswers.parse(Array("\u{1B}[?63;1;2;4;6;9;15;16;22;28c".utf8))
    #expect(xterm.sixel)
    #expect(TerminalAnswers.decide(answers: xterm, environment: [:]) == .pixels(.sixel))
    // 4 as the first parameter is the device class, not the sixel attribute.
    let plain = TerminalAnswers.parse(Array("\u{1B}[?4;6c".utf8))
    #expect(!plain.sixel)
    #expect(TerminalAnswers.decide(answers: plain, environment: [:]) == .symbols)
  }

  @Test func environmentIsOnlyAFallback() {
    let silent = TerminalAnswers()
    #expect(
      TerminalAnswers.decide(answers: silent, environment: ["KITTY_WINDOW_ID": "1"])
        == .pixels(.kitty))
    #expect(
      TerminalAnswers.decide(answers: nil, environment: ["TERM_PROGRAM": "iTerm.app"])
        == .pixels(.iterm))
    // A terminal that answered DA1 without sixel and without kitty is believed over TERM.
    var answered = TerminalAnswers()
    answered.attributesSeen = true
    #expect(
      TerminalAnswers.decide(answers: answered, environment: ["TERM": "foot"]) == .symbols)
    #expect(TerminalAnswers.decide(answers: nil, environment: ["TERM": "xterm"]) == .symbols)
  }

  @Test func tmuxGetsSymbolsUnlessItPassesThrough() {
    var answers = TerminalAnswers()
    answers.sixel = true
    answers.attributesSeen = true
    let env = ["TMUX": "/tmp/tmux-0/default,1,0"]
    #expect(TerminalAnswers.decide(answers: answers, environment: env) == .symbols)
    #expect(
      TerminalAnswers.decide(answers: answers, environment: env, passthrough: true)
        == .pixels(.sixel))
  }

  @Test func fitKeepsTheAspectOnTheCellShape() {
    #expect(
      ImageFit.cells(imageWidth: 256, imageHeight: 256, maxColumns: 40, maxRows: nil)
        == Size(width: 40, height: 20))
    #expect(
      ImageFit.cells(imageWidth: 256, imageHeight: 256, maxColumns: 80, maxRows: 22)
        == Size(width: 44, height: 22))
    #expect(
      ImageFit.cells(
        imageWidth: 512, imageHeight: 256, maxColumns: 40, maxRows: 40,
        cell: Size(width: 8, height: 8)) == Size(width: 40, height: 20))
  }

  @Test func traitsFollowNoColourTermAndLocale() {
    let rich = ImagePrinter.terminalTraits([
      "TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "en_US.UTF-8",
    ])
    #expect(rich.depth == .extended && rich.trueColour && rich.unicode)
    let plain = ImagePrinter.terminalTraits([
      "TERM": "xterm-256color", "NO_COLOR": "1", "LANG": "C",
    ])
    #expect(plain.depth == .none && !plain.trueColour && !plain.unicode)
    #expect(ImagePrinter.terminalTraits(["TERM": "vt100"]).depth == .none)
    #expect(ImagePrinter.terminalTraits(["TERM": "xterm"]).depth == .eight)
  }
}
