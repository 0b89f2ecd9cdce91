import Testing

@testable import HemoCore

@Suite struct ResampleTests {
  @Test func integerFactorAveragesBlocks() {
    // 4×2 grey → 2×1: each output is the mean of a 2×2 block.
    let pixels: [Float] = [0, 2, 10, 20, 4, 6, 30, 40]
    let out = Resample.area(pixels, width: 4, height: 2, channels: 1, to: 2, 1)
    #expect(out == [3, 25])
  }

  @Test func fractionalFactorPreservesTheMean() {
    var rng = SeededRNG(seed: 11)
    let pixels = (0..<(224 * 224 * 3)).map { _ in Float(rng.unit()) }
    let out = Resample.area(pixels, width: 224, height: 224, channels: 3, to: 64, 64)
    let meanIn = pixels.reduce(0, +) / Float(pixels.count)
    let meanOut = out.reduce(0, +) / Float(out.count)
    #expect(abs(meanIn - meanOut) < 1e-4)
    #expect(out.allSatisfy { $0 >= 0 && $0 <= 1 })
  }

  @Test func constantImageStaysConstant() {
    let out = Resample.area(
      [Float](repeating: 0.25, count: 7 * 5), width: 7, height: 5, channels: 1, to: 3, 2)
    #expect(out.allSatisfy { abs($0 - 0.25) < 1e-6 })
  }
}

@Suite struct PreprocessingTests {
  @Test func greyHUInputIsTheWindowedMean() {
    // 2×2 slice → 1×1: mean of the windowed values (0 HU → 0, 80 HU → 1, 40 → 0.5, 1000 → 1).
    let slice = HUImage(width: 2, height: 2, pixels: [0, 80, 40, 1000])
    let input = Preprocessing(window: .brain, inputSize: 1, channels: 1).input(.hounsfield(slice))
    #expect(input == [0.625])
  }

  @Test func colourCodingPutsBloodInTheRedPlaneOnly() {
    let slice = HUImage(width: 2, height: 1, pixels: [70, 20])
    let input = Preprocessing(colourCoding: .acuteBlood, inputSize: 2, channels: 3).input(
      .hounsfield(HUImage(width: 2, height: 2, pixels: slice.pixels + slice.pixels)))
    // planes: red, green, blue; pixel 0 is blood (pure red), pixel 1 is grey 20 HU → 0.251
    #expect(input[0] == 1 && input[4] == 0 && input[8] == 0)
    #expect(abs(input[1] - 64 / 255) < 1e-6 && input[1] == input[5] && input[5] == input[9])
  }

  @Test func picturesAreResizedAndConvertedToGrey() {
    let picture = RGBImage(
      width: 2, height: 2, pixels: [255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0])
    let grey = Preprocessing(inputSize: 1, channels: 1).input(.picture(picture))
    #expect(abs(grey[0] - 0.299) < 1e-6)
    let rgb = Preprocessing(inputSize: 1, channels: 3).input(.picture(picture))
    #expect(rgb == [1, 0, 0])
  }
}
