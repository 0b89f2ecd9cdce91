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
      ▁🬆▆▔▔▆🬱▁
      ▎🬀██🬦▔🬓▊
      ▎🬏███▔🬞▊
      ▔🬱▂▁▁▂🬆▔
      --
      abcddcea
      fghhijkl
      fghhhmgl
      abnddnea
      a: fg=239 bg=16
      b: fg=16 bg=250
      c: fg=247 bg=235
      d: fg=16 bg=247
      e: fg=250 bg=16
      f: fg=235 bg=250
      g: fg=248 bg=242
      h: fg=242 bg=242
      i: fg=124 bg=242
      j: fg=242 bg=160
      k: fg=160 bg=244
      l: fg=250 bg=235
      m: fg=160 bg=242
      n: fg=235 bg=247
      """#)
    expectGolden(
      render(Thumbnail(image, mask: mask), 12, 6, theme: .eight).styledText,
      #"""
        🬭🬹▞▞▞▇🬹▖
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
      ▂▟▛▞▞▞▞▞▞▞▇🬏
      ▟▞▖▞▖▞▖▖▖▞▞▊
      ▟▞▞▞▞▞▞▖▞▞▟▊
      🬁█▖▞▖▞▖▞▖▟🬜
        ▝🬎🬜▟▟🬜▞▔
      """#)
    expectGolden(
      render(Thumbnail(image), 12, 6, theme: .ascii).text,
      #"""
        _a*00@a_
       aZ/w/w//J@,
      aW,w,w,,,,J@
      aww/www/w/y$
       0ww,w,w,y0
        7Paaaaf~
      """#)
  }
}
