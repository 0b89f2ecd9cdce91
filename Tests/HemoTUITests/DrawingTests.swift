import Testing

@testable import HemoTUI

@Suite struct DrawingTests {
  @Test func putClipsAtTheEdgeAndNeverWraps() {
    var canvas = Canvas(size: Size(width: 6, height: 2))
    let end = canvas.put("abcdefgh", x: 2, y: 0)
    #expect(end == 6)
    #expect(canvas.buffer.text == "  abcd\n")
    canvas.put("xy", x: -1, y: 1)
    #expect(canvas.buffer.text == "  abcd\ny")
  }

  @Test func wideCharactersBecomeQuestionMarks() {
    var canvas = Canvas(size: Size(width: 5, height: 1))
    canvas.put("a漢é", x: 0, y: 0)
    #expect(canvas.buffer.text == "a?é")
  }

  @Test func regionsClipToTheirRectangle() {
    var canvas = Canvas(size: Size(width: 8, height: 3))
    canvas.region(Rect(x: 2, y: 1, width: 3, height: 1)) { inner in
      #expect(inner.size == Size(width: 3, height: 1))
      inner.put("123456", x: 0, y: 0)
      inner.put("zz", x: 0, y: 1)
      inner.fill(Rect(x: -5, y: -5, width: 100, height: 100), "#")
    }
    #expect(canvas.buffer.text == "\n  ###\n")
  }

  @Test func boxWithTitleTruncates() {
    var canvas = Canvas(size: Size(width: 12, height: 3))
    canvas.box(canvas.bounds, title: "A long title", glyphs: .unicode)
    #expect(canvas.buffer.text == "┌ A long t…┐\n│          │\n└──────────┘")
    var ascii = Canvas(size: Size(width: 8, height: 3))
    ascii.box(ascii.bounds, title: "Hi", glyphs: .ascii)
    #expect(ascii.buffer.text == "+ Hi --+\n|      |\n+------+")
  }

  @Test func styledTextNamesEachStyleOnce() {
    var canvas = Canvas(size: Size(width: 5, height: 2))
    canvas.put("ab", x: 0, y: 0, style: Style(foreground: .red, attributes: .bold))
    canvas.put("c", x: 3, y: 1, style: Style(background: .index(232)))
    canvas.put("d", x: 4, y: 1, style: Style(foreground: .red, attributes: .bold))
    #expect(canvas.buffer.styledText == "ab\n   cd\n--\naa\n...ba\na: fg=1 bold\nb: bg=232")
  }

  @Test func truncateKeepsShortTextAndMarksCuts() {
    #expect(Canvas.truncate("abc", to: 3, ellipsis: "…") == "abc")
    #expect(Canvas.truncate("abcd", to: 3, ellipsis: "…") == "ab…")
    #expect(Canvas.truncate("abcd", to: 0, ellipsis: "…") == "")
  }

  @Test func asciiFallbackReplacesEveryNonASCIICharacter() {
    var canvas = Canvas(size: Size(width: 8, height: 1))
    canvas.put("─│←é⠿█×漢", x: 0, y: 0)
    let text = canvas.buffer.asciiFallback().text
    #expect(text == "-|<e*#x?")
    #expect(text.allSatisfy { $0.isASCII })
  }
}

@Suite struct LayoutTests {
  @Test func fixedMinAndFlexShareTheSpace() {
    #expect(Layout.sizes([.fixed(1), .flex(1), .fixed(1)], total: 24) == [1, 22, 1])
    #expect(Layout.sizes([.flex(1), .flex(2)], total: 30) == [10, 20])
    #expect(Layout.sizes([.min(10), .flex(1)], total: 30) == [20, 10])
    #expect(Layout.sizes([.fixed(5), .flex(1), .flex(1)], total: 16, gap: 1) == [5, 4, 5])
  }

  @Test func sizesAlwaysAddUpAndNeverGoNegative() {
    for total in 0...60 {
      let sizes = Layout.sizes([.fixed(7), .min(3), .flex(2), .flex(1)], total: total, gap: 1)
      #expect(sizes.allSatisfy { $0 >= 0 })
      #expect(sizes.reduce(0, +) <= max(0, total - 3))
      if total >= 13 { #expect(sizes.reduce(0, +) == total - 3) }
    }
  }

  @Test func rowsAndColumnsTileTheRect() {
    let rect = Rect(x: 2, y: 3, width: 80, height: 24)
    let rows = Layout.rows(rect, [.fixed(1), .flex(1), .fixed(1)])
    #expect(rows.map(\.y) == [3, 4, 26])
    #expect(rows.map(\.height) == [1, 22, 1])
    let columns = Layout.columns(rect, [.flex(1), .flex(1)], gap: 2)
    #expect(columns.map(\.x) == [2, 43])
    #expect(columns.map(\.width) == [39, 39])
  }
}

@Suite struct PaletteTests {
  @Test func greyRampEndsAndSteps() {
    #expect(Palette.grey(0) == 16)
    #expect(Palette.grey(255) == 231)
    #expect(Palette.grey(8) == 232)
    #expect(Palette.grey(128) == 244)
    #expect(Palette.grey(238) == 255)
    for level in 0...255 {
      let value = Palette.greyValue(Palette.grey(UInt8(level)))
      #expect(abs(value - level) <= 8)
    }
  }

  @Test func nearestPicksGreysForGreysAndCubeRedsForRed() {
    #expect(Palette.nearest(r: 128, g: 128, b: 128) == 244)
    #expect(Palette.nearest(r: 255, g: 0, b: 0) == 196)
    #expect(Palette.nearest(r: 135, g: 0, b: 0) == 88)
    #expect(Palette.red(0) == 16)
    #expect(Palette.red(255) == 196)
    #expect(Palette.basic(r: 220, g: 20, b: 20) == 1)
    #expect(Palette.basic(r: 200, g: 200, b: 200) == 7)
  }

  @Test func monochromeThemeUsesNoColours() {
    for role in Role.allCases {
      let style = Theme.monochrome.style(role)
      #expect(style.foreground == .default && style.background == .default)
    }
    #expect(Theme.monochrome.colour(r: 1, g: 2, b: 3) == nil)
  }
}
