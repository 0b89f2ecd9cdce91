import HemoCore
import Testing

@testable import HemoTUI

@Suite struct ThumbnailTests {
  @Test func downsampleAveragesAreas() {
    let image = RGBImage(width: 4, height: 2, grey: [0, 100, 200, 200, 50, 150, 200, 200])
    let out = Thumbnail.downsample(image, width: 2, height: 1)
    #expect(out == [75, 75, 75, 200, 200, 200])
  }

  @Test func widthKeepsTheAspectRatio() {
    #expect(Thumbnail.width(forHeight: 4, imageWidth: 64, imageHeight: 64) == 8)
    #expect(Thumbnail.width(forHeight: 5, imageWidth: 32, imageHeight: 64) == 5)
  }

  @Test func outlineKeepsOnlyTheEdge() {
    var mask = PixelMask(width: 5, height: 5)
    for y in 1...3 { for x in 1...3 { mask.bits[y * 5 + x] = true } }
    let edge = Thumbnail.outline(mask, width: 5, height: 5)
    #expect(edge[2 * 5 + 2] == false)
    #expect(edge[1 * 5 + 1] == true)
    #expect(edge.filter { $0 }.count == 8)
  }

  @Test func halfBlocksUseTheGreyRampAndRedForColourCoding() {
    let (image, _) = phantom(size: 32, blood: true)
    let buffer = CellBuffer.draw(size: Size(width: 8, height: 4)) {
      Thumbnail(image).drawHalfBlocks(in: &$0, theme: .extended)
    }
    #expect(buffer.cells.allSatisfy { $0.character == "▀" })
    let colours = Set(buffer.cells.flatMap { [$0.style.foreground, $0.style.background] })
    #expect(
      colours.contains { if case .index(let i) = $0 { return i >= 244 } else { return false } })
    #expect(
      colours.contains {
        if case .index(let i) = $0 { return [88, 124, 160].contains(i) } else { return false }
      })
  }

  @Test func symbolsUseTheGreyRampAndRedForColourCoding() {
    let (image, _) = phantom(size: 32, blood: true)
    let buffer = render(Thumbnail(image), 8, 4)
    #expect(buffer.cells.contains { !["▀", "▄", "█", " "].contains($0.character) })
    let colours = Set(buffer.cells.flatMap { [$0.style.foreground, $0.style.background] })
    #expect(
      colours.contains { if case .index(let i) = $0 { return i >= 244 } else { return false } })
    #expect(
      colours.contains {
        if case .index(let i) = $0 { return [88, 124, 160].contains(i) } else { return false }
      })
  }

  @Test func goldenPhantomAtThreeDepths() {
    let (image, mask) = phantom(size: 32, blood: true)
    expectGolden(
      render(Thumbnail(image), 8, 4).styledText,
      #"""
      ▁🬆🬋🬆🬱🬋🬱▁
      ▎🬀██🬦▔🬁▊
      ▎🬏███▔🬞▊
      ▔🬱🬋🬱🬆🬋🬆▔
      --
      abcdecfa
      ghiijklm
      ghiiinhm
      abcdecfa
      a: fg=239 bg=16
      b: fg=16 bg=250
      c: fg=188 bg=242
      d: fg=247 bg=242
      e: fg=242 bg=247
      f: fg=250 bg=16
      g: fg=235 bg=250
      h: fg=248 bg=242
      i: fg=242 bg=242
      j: fg=124 bg=242
      k: fg=242 bg=160
      l: fg=248 bg=131
      m: fg=250 bg=235
      n: fg=160 bg=242
      """#)
    expectGolden(
      render(Thumbnail(image, mask: mask), 12, 6, theme: .eight).styledText,
      #"""
        🬭🬹▞▞▞🬜🬹▖
      ▁▟▛▞▞▞▞▞▟▞▆🬏
      ▟▛▖▞▖▞▖▞▖▟▞▊
      ▟▞▞▞▞▞▞▞▞▞▟▊
      🬁█▖▞▖▞▖▞▖▟🬜▏
        ▝🬎🬜▄▟▟🬜🬆
      --
      aaaaaaaaaaaa
      aaaaaaaabaaa
      aaaaaaaccbaa
      aaaaaaaabaaa
      aaaaaaaaaaaa
      aaaaaaaaaaaa
      a: fg=7 bg=0
      b: fg=3 bg=0
      c: fg=1 bg=0
      """#)
    expectGolden(
      render(Thumbnail(image), 12, 6, theme: .monochrome).text,
      #"""
        🬭🬹🬜🬜▞▆▄▖
      🬞▟▛▞▞▞▞▞▞▞▇🬏
      ▟▞▖▞▖▞▖▖▖▞▞▊
      ▟▞▞▞▞▞▞▖▞▞▟▊
      🬁█▖▞▖▞▖▞▖▟🬜
        ▝🬎🬜🬚▟🬜🬜▔
      """#)
    expectGolden(
      render(Thumbnail(image), 12, 6, theme: .ascii).text,
      #"""
        _a*mm$a_
       aZ/Z/Z//J@,
      aZ,/,/,,,/J@
      a/Z/Z/Z/Z/y$
       0w/,/,/,ym
        7Paaaaf~
      """#)
  }
}
