import Testing

@testable import HemoTUI

@Suite struct TextPaneTests {
  let text = """
    **Class imbalance.** The model sees 1000 normal slices and only 30 with blood.
    - Accuracy can look excellent while every bleed is missed.
    Read the confusion matrix, not the headline number.
    """

  @Test func wrapsWordsAndKeepsEmphasis() {
    let lines = TextWrap.lines("**Bold** and plain", width: 10)
    #expect(lines == [[TextRun("Bold", emphasis: true), TextRun(" and")], [TextRun("plain")]])
  }

  @Test func breaksWordsLongerThanTheWidth() {
    let lines = TextWrap.lines("abcdefghij", width: 4).map { $0.map(\.text).joined() }
    #expect(lines == ["abcd", "efgh", "ij"])
  }

  @Test func keepsBlankLinesBetweenParagraphs() {
    let lines = TextWrap.lines("a\n\nb", width: 4).map { $0.map(\.text).joined() }
    #expect(lines == ["a", "", "b"])
  }

  @Test func goldenWide() {
    expectGolden(
      render(TextPane(text), 40, 8).styledText,
      #"""
      Class imbalance. The model sees 1000
      normal slices and only 30 with blood.
      - Accuracy can look excellent while
        every bleed is missed.
      Read the confusion matrix, not the
      headline number.


      --
      aaaaaaaaaaaaaaaa







      a: bold
      """#)
  }

  @Test func goldenNarrowScrolledShowsIndicator() {
    expectGolden(
      render(TextPane(text, scroll: 2), 24, 5).text,
      #"""
      slices and only 30 with▲
      blood.                 █
      - Accuracy can look    █
        excellent while every│
        bleed is missed.     ▼
      """#)
    expectGolden(
      render(TextPane(text, scroll: 0), 24, 5, theme: .ascii).text,
      #"""
      Class imbalance. The   #
      model sees 1000 normal #
      slices and only 30 with|
      blood.                 |
      - Accuracy can look    v
      """#)
  }

  @Test func scrollIsClampedToTheText() {
    let size = Size(width: 24, height: 5)
    let maxScroll = TextPane.maxScroll(text, size: size)
    #expect(maxScroll > 0)
    #expect(
      render(TextPane(text, scroll: 999), 24, 5) == render(TextPane(text, scroll: maxScroll), 24, 5)
    )
    #expect(TextPane.maxScroll("short", size: size) == 0)
  }
}
