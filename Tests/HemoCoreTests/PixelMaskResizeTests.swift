import HemoCore
import Testing

/// Masks following an image to another size: covering, dilation, thresholded HU.
@Suite struct PixelMaskResizeTests {
  @Test func coveringKeepsEveryBlockWithBlood() {
    var mask = PixelMask(width: 8, height: 8)
    mask[5, 2] = true  // one pixel in block (2, 1) at 4×4
    let small = mask.covering(width: 4, height: 4)
    #expect(small.count == 1)
    #expect(small[2, 1])
  }

  @Test func dilationIsADisc() {
    var mask = PixelMask(width: 9, height: 9)
    mask[4, 4] = true
    let grown = mask.dilated(by: 2)
    // Radius 2 disc: 13 pixels (5 + 3 + 3 + 1 + 1).
    #expect(grown.count == 13)
    #expect(grown[6, 4] && grown[4, 2] && grown[5, 5])
    #expect(!grown[6, 6])
    #expect(mask.dilated(by: 0) == mask)
  }

  @Test func headFromHounsfieldIsMajorityOfBlock() {
    var image = HUImage(width: 4, height: 4, fill: -1000)
    for y in 0..<4 { for x in 0..<2 { image[x, y] = 40 } }
    image[2, 0] = 40  // one of four pixels in block (1, 0): not a majority
    let head = PixelMask(image, atLeast: -300, width: 2, height: 2)
    #expect(head.bits == [true, false, true, false])
  }
}
