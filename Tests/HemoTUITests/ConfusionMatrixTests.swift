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
      true\pred    normal    hemorrhage  correct
      normal        190         10        95.0%
      hemorrha… [    6    ]      0         0.0%

      accuracy 92.2% (88.0–95.1)
      sensitivity 0.0% (0.0–39.0)
      specificity 95.0% (91.0–97.3)
      --
      aaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb.aaaaaaa
      bbbbbb....ccccccccccc.ddddddddddd
      bbbbbbbbb.eeeeeeeeeee.aaaaaaaaaaa




      a: fg=245
      b: bold
      c: fg=231 bg=40
      d: fg=252 bg=52
      e: fg=231 bg=160 bold underline
      """#)
    expectGolden(
      render(binary, 44, 7, theme: .eight).styledText,
      #"""
      true\pred    normal    hemorrhage  correct
      normal        190     ░░░░10░░░░░   95.0%
      hemorrha… [    6    ]      0         0.0%

      accuracy 92.2% (88.0–95.1)
      sensitivity 0.0% (0.0–39.0)
      specificity 95.0% (91.0–97.3)
      --
      aaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb.aaaaaaa
      bbbbbb....ccccccccccc.ddddddddddd
      bbbbbbbbb.eeeeeeeeeee.aaaaaaaaaaa




      a: dim
      b: bold
      c: fg=0 bg=2
      d: fg=1
      e: fg=0 bg=1 bold underline
      """#)
    expectGolden(
      render(binary, 44, 7, theme: .monochrome).styledText,
      #"""
      true\pred    normal    hemorrhage  correct
      normal        190     ░░░░10░░░░░   95.0%
      hemorrha… [    6    ]      0         0.0%

      accuracy 92.2% (88.0–95.1)
      sensitivity 0.0% (0.0–39.0)
      specificity 95.0% (91.0–97.3)
      --
      aaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb.aaaaaaa
      bbbbbb....ccccccccccc
      bbbbbbbbb.ddddddddddd.aaaaaaaaaaa




      a: dim
      b: bold
      c: reverse
      d: bold reverse underline
      """#)
  }

  @Test func goldenThreeClassesTruncatesLongNames() {
    expectGolden(
      render(three, 60, 4).text,
      #"""
      true\pred       no hemorrh…   epidural  intraparen…  correct
      no hemorrhage       40           5           5        80.0%
      epidural             8          30          12        60.0%
      intraparenchym…      2           9          39        78.0%
      """#)
    expectGolden(
      render(three, 38, 4, theme: .ascii).text,
      #"""
      true\pred   no h~ epid~ intr~  correct
      no hemorrh~  40   ..5.. ..5..   80.0%
      epidural    ..8.. +30++ .12..   60.0%
      intraparen~ ..2.. ..9..  39     78.0%
      """#)
  }
}
