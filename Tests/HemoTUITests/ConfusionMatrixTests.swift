import Testing

@testable import HemoTUI

@Suite struct ConfusionMatrixTests {
  let binary = ConfusionMatrixView(
    classNames: ["normal", "hemorrhage"], counts: [[190, 10], [6, 0]],
    cursor: .init(row: 1, column: 0),
    metricLines: [
      "accuracy 92.2% (88.0–95.1)", "sensitivity 0.0% (0.0–39.0)",
      "specificity 95.0% (91.0–97.3)",
    ])
  let three = ConfusionMatrixView(
    classNames: ["no hemorrhage", "epidural", "intraparenchymal"],
    counts: [[40, 5, 5], [8, 30, 12], [2, 9, 39]])

  @Test func levelsFollowTheRowFraction() {
    #expect(ConfusionMatrixView.level(count: 0, total: 10) == 0)
    #expect(ConfusionMatrixView.level(count: 1, total: 10) == 1)
    #expect(ConfusionMatrixView.level(count: 5, total: 10) == 3)
    #expect(ConfusionMatrixView.level(count: 10, total: 10) == 4)
  }

  @Test func clicksMapToCells() {
    let (label, cell) = three.widths(for: 60)
    #expect(three.position(atX: label + cell + 1, y: 3, width: 60) == .init(row: 2, column: 1))
    #expect(three.position(atX: 0, y: 1, width: 60) == nil)
  }

  @Test func goldenBinaryAtThreeDepths() {
    expectGolden(
      render(binary, 44, 7).styledText,
      #"""
      true\pred     normal    hemorrhage  correct
      normal         190         10        95.0%
      hemorrhage [    6    ]      0         0.0%

      accuracy 92.2% (88.0–95.1)
      sensitivity 0.0% (0.0–39.0)
      specificity 95.0% (91.0–97.3)
      --
      aaaaaaaaa..bbbbbbbbbbbbbbbbbbbbbbbb.aaaaaaa
      bbbbbb.....ccccccccccc.ddddddddddd
      bbbbbbbbbb.eeeeeeeeeee.aaaaaaaaaaa




      a: fg=245
      b: bold
      c: fg=231 bg=40
      d: fg=252 bg=52
      e: fg=231 bg=160 bold underline
      """#)
    expectGolden(
      render(binary, 44, 7, theme: .eight).styledText,
      #"""
      true\pred     normal    hemorrhage  correct
      normal         190     ░░░░10░░░░░   95.0%
      hemorrhage [    6    ]      0         0.0%

      accuracy 92.2% (88.0–95.1)
      sensitivity 0.0% (0.0–39.0)
      specificity 95.0% (91.0–97.3)
      --
      aaaaaaaaa..bbbbbbbbbbbbbbbbbbbbbbbb.aaaaaaa
      bbbbbb.....ccccccccccc.ddddddddddd
      bbbbbbbbbb.eeeeeeeeeee.aaaaaaaaaaa




      a: dim
      b: bold
      c: fg=0 bg=2
      d: fg=1
      e: fg=0 bg=1 bold underline
      """#)
    expectGolden(
      render(binary, 44, 7, theme: .monochrome).styledText,
      #"""
      true\pred     normal    hemorrhage  correct
      normal         190     ░░░░10░░░░░   95.0%
      hemorrhage [    6    ]      0         0.0%

      accuracy 92.2% (88.0–95.1)
      sensitivity 0.0% (0.0–39.0)
      specificity 95.0% (91.0–97.3)
      --
      aaaaaaaaa..bbbbbbbbbbbbbbbbbbbbbbbb.aaaaaaa
      bbbbbb.....ccccccccccc
      bbbbbbbbbb.ddddddddddd.aaaaaaaaaaa




      a: dim
      b: bold
      c: reverse
      d: bold reverse underline
      """#)
  }

  @Test func goldenThreeClassesAbbreviateOrCutLongNames() {
    // A cut name gets its radiology abbreviation when it has one (IPH, EDH), else an ellipsis.
    expectGolden(
      render(three, 60, 4).text,
      #"""
      true\pred        no hemorrh… epidural      IPH     correct
      no hemorrhage        40         5          5        80.0%
      epidural             8          30         12       60.0%
      intraparenchymal     2          9          39       78.0%
      """#)
    expectGolden(
      render(three, 38, 4, theme: .ascii).text,
      #"""
      true\pred   no he~ EDH   IPH   correct
      no hemorrh~  40   ..5.. ..5..   80.0%
      epidural    ..8.. +30++ .12..   60.0%
      IPH         ..2.. ..9..  39     78.0%
      """#)
  }

  /// Experiment 4's classes in the lesson's matrix panel: 40 columns on an 80-column screen
  /// (the label column gives up the spare width of a name shown as IPH), 52 at 100 columns.
  @Test func goldenLessonThreeClassesAt80And100Columns() {
    let lesson = ConfusionMatrixView(
      classNames: ["Normal", "Subdural", "Intraparenchymal"],
      counts: [[14, 1, 1], [2, 12, 2], [1, 3, 12]])
    expectGolden(
      render(lesson, 40, 4).text,
      #"""
      true\pred Normal   SDH    IPH   correct
      Normal      14     1      1      87.5%
      Subdural    2      12     2      75.0%
      IPH         1      3      12     75.0%
      """#)
    expectGolden(
      render(lesson, 52, 4).text,
      #"""
      true\pred         Normal  Subdural    IPH    correct
      Normal              14       1        1       87.5%
      Subdural            2        12       2       75.0%
      Intraparenchymal    1        3        12      75.0%
      """#)
  }

  @Test func aTenLetterNameIsShownWholeWhenTheWidthAllows() {
    let matrix = ConfusionMatrixView(
      classNames: ["Hemorrhage", "Normal"], counts: [[1, 4], [2, 148]])
    func lines(_ width: Int) -> [String] {
      render(matrix, width, 3).text.split(separator: "\n").map(String.init)
    }
    // Row label: name plus a one-column gap from 33 columns (label 11 + two 7-wide cells + 8).
    for width in 33...80 {
      #expect(lines(width)[1].hasPrefix("Hemorrhage "), "width \(width)")
      #expect(lines(width)[0].hasPrefix("true\\pred "), "width \(width)")
    }
    // Column header: whole from 39 columns (10-wide cells, the neighbour's blank as the gap).
    for width in 39...80 {
      #expect(lines(width)[0].contains(" Hemorrhage "), "width \(width)")
    }
    #expect(lines(38)[0].contains("Hemorrha…"))
    #expect(lines(32)[1].hasPrefix("Hemorrha… "))
  }

  @Test func clickRegionsAndPositionsAgreeAtEveryWidth() {
    for matrix in [binary, three] {
      for width in 20...70 {
        let frame = render(matrix, width, 4)
        let (label, _) = matrix.widths(for: width)
        for y in 0..<4 {
          for x in 0..<width {
            let position = matrix.position(atX: x, y: y, width: width)
            let target = position.map { ClickTarget.matrixCell(row: $0.row, column: $0.column) }
            #expect(frame.target(atX: x, y: y) == target, "width \(width) x \(x) y \(y)")
          }
          // The gap between the row labels (and the header) and the first cell stays blank.
          if y < 3 { #expect(frame[label - 1, y].character == " ", "width \(width) y \(y)") }
        }
      }
    }
  }
}
