import Testing

@testable import HemoTUI

@Suite struct BarsTests {
  let counts = [Bar("normal", 1000, role: .good), Bar("hemorrhage", 30, role: .bad)]

  @Test func barLengthsAreProportional() {
    let full = HorizontalBars.bar(value: 1000, maximum: 1000, width: 20, glyphs: .unicode)
    let small = HorizontalBars.bar(value: 30, maximum: 1000, width: 20, glyphs: .unicode)
    #expect(full == String(repeating: "█", count: 20))
    #expect(small == "▋")  // 30/1000 of 20 cells = 0.6 cell = 5/8
    #expect(HorizontalBars.bar(value: 1, maximum: 1000, width: 20, glyphs: .unicode) == "▏")
    #expect(HorizontalBars.bar(value: 0, maximum: 1000, width: 20, glyphs: .unicode) == "")
    #expect(HorizontalBars.bar(value: 500, maximum: 1000, width: 20, glyphs: .ascii).count == 10)
  }

  @Test func goldenCountsAtTwoWidths() {
    expectGolden(
      render(HorizontalBars(counts), 40, 2).styledText,
      #"""
      normal     ████████████████████████ 1000
      hemorrhage ▊                          30
      --
      ...........aaaaaaaaaaaaaaaaaaaaaaaa
      ...........b
      a: fg=78
      b: fg=203
      """#)
    expectGolden(
      render(HorizontalBars(counts), 24, 2, theme: .ascii).text,
      #"""
      normal   ########## 1000
      hemorrh~ #            30
      """#)
  }

  @Test func goldenProbabilitiesAtThreeDepths() {
    let probabilities = HorizontalBars(
      [Bar("normal", 0.82, role: .good), Bar("hemorrhage", 0.18, role: .bad)], scaleMax: 1,
      format: .percent)
    expectGolden(
      render(probabilities, 30, 2).styledText,
      #"""
      normal     ████████████▎   82%
      hemorrhage ██▊             18%
      --
      ...........aaaaaaaaaaaaa
      ...........bbb
      a: fg=78
      b: fg=203
      """#)
    expectGolden(
      render(probabilities, 30, 2, theme: .eight).styledText,
      #"""
      normal     ████████████▎   82%
      hemorrhage ██▊             18%
      --
      ...........aaaaaaaaaaaaa
      ...........bbb
      a: fg=2
      b: fg=1
      """#)
    expectGolden(
      render(probabilities, 30, 2, theme: .monochrome).styledText,
      #"""
      normal     ████████████▎   82%
      hemorrhage ██▊             18%
      --


      """#)
  }
}
