import HemoCore
import Testing

@testable import HemoTUI

@Suite struct GraphicsLayerTests {
  private func frame(pixels: Bool, modal: Bool = false) -> CellBuffer {
    let (image, _) = phantom(size: 32, blood: true)
    var theme = Theme.extended
    theme.pixelImages = pixels
    return CellBuffer.draw(size: Size(width: 30, height: 10)) { canvas in
      canvas.put("caption", x: 0, y: 0)
      canvas.draw(Thumbnail(image), in: Rect(x: 2, y: 2, width: 8, height: 4), theme: theme)
      canvas.draw(Thumbnail(image), in: Rect(x: 14, y: 2, width: 8, height: 4), theme: theme)
      if modal { canvas.fill(Rect(x: 12, y: 3, width: 6, height: 3), "#") }
    }
  }

  @Test func pixelThemeLeavesBlankRectanglesAndPlacements() {
    let buffer = frame(pixels: true)
    #expect(
      buffer.images.map(\.rect) == [
        Rect(x: 2, y: 2, width: 8, height: 4), Rect(x: 14, y: 2, width: 8, height: 4),
      ])
    for y in 2..<6 { for x in 2..<10 { #expect(buffer[x, y] == .blank) } }
    #expect(frame(pixels: false).images.isEmpty)
    #expect(GraphicsLayer.visible(buffer).count == 2)
  }

  @Test func aModalHidesTheImageItCovers() {
    let covered = GraphicsLayer.visible(frame(pixels: true, modal: true))
    #expect(covered.map(\.rect) == [Rect(x: 2, y: 2, width: 8, height: 4)])
  }

  @Test func onlyNewMovedOrChangedImagesAreDrawn() {
    let a = frame(pixels: true).images
    var moved = a
    moved[1].rect.y += 1
    let same = GraphicsLayer.plan(shown: a, wanted: a, everything: false)
    #expect(same.removed.isEmpty && same.added.isEmpty, "a redraw with the same images draws none")
    let plan = GraphicsLayer.plan(shown: a, wanted: moved, everything: false)
    #expect(plan.removed == [1] && plan.added == [1])
    let all = GraphicsLayer.plan(shown: a, wanted: a, everything: true)
    #expect(
      all.removed == [0, 1] && all.added == [0, 1], "after a full redraw, every image again")
    let gone = GraphicsLayer.plan(shown: a, wanted: [], everything: false)
    #expect(gone.removed == [0, 1] && gone.added.isEmpty)
  }

  @Test func changedSpansRunFromFirstToLastDifference() {
    let old = CellBuffer(size: Size(width: 10, height: 2))
    var new = old
    new[2, 1] = Cell("x")
    new[7, 1] = Cell("y")
    let spans = GraphicsLayer.changedSpans(old, new)
    #expect(spans[0] == nil)
    #expect(spans[1] == 2..<8)
  }

  @Test func kittySequencesCarryAnIdAndAskForNoAnswer() {
    let layer = GraphicsLayer(proto: .kitty, cellSize: Size(width: 8, height: 16))
    let placement = frame(pixels: true).images[0]
    let text = layer.sequence(placement, id: 7)
    #expect(text.hasPrefix("\u{1B}_Ga=T,i=7,q=2,C=1,"))
  }
}

@Suite struct ImageBudgetTests {
  @Test func symbolCacheStaysWithinItsLimits() {
    let cache = SymbolCache(limit: 8, bytes: 1 << 30)
    for i in 0..<50 {
      var image = RGBImage(width: 4, height: 4)
      image.pixels[0] = UInt8(i)
      let key = SymbolCache.Key(
        image: image, mask: nil, columns: 2, rows: 1, depth: .extended, unicode: true)
      _ = cache.cells(key) { [Cell(), Cell()] }
    }
    #expect(cache.statistics.entries <= 8)
    #expect(cache.statistics.misses == 50)
    let small = SymbolCache(limit: 1000, bytes: 4000)
    for i in 0..<50 {
      var image = RGBImage(width: 16, height: 16)
      image.pixels[0] = UInt8(i)
      let key = SymbolCache.Key(
        image: image, mask: nil, columns: 1, rows: 1, depth: .extended, unicode: true)
      _ = small.cells(key) { [Cell()] }
    }
    #expect(small.statistics.bytes <= 4000)
  }

  @Test func thumbnailsTheScreenDoesNotShowGoWhenOverTheLimit() {
    var store = ImageStore()
    for i in 0..<300 { store.thumbnails[.experiment(1, index: i)] = RGBImage(width: 1, height: 1) }
    let shown: Set<ImageKey> = [.experiment(1, index: 5), .experiment(1, index: 299)]
    store.pruneThumbnails(keeping: shown)
    #expect(Set(store.thumbnails.keys) == shown)
    var few = ImageStore()
    for i in 0..<10 { few.thumbnails[.gallery(i)] = RGBImage(width: 1, height: 1) }
    few.pruneThumbnails(keeping: [])
    #expect(few.thumbnails.count == 10, "under the limit nothing goes")
  }
}
