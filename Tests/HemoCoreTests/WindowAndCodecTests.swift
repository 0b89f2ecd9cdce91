import Foundation
import Testing

@testable import HemoCore

@Suite struct WindowTests {
  @Test func brainWindowMapsItsEdgesAndCentre() {
    #expect(Window.brain.unit(0) == 0)
    #expect(Window.brain.unit(40) == 0.5)
    #expect(Window.brain.unit(80) == 1)
    #expect(Window.brain.unit(-1000) == 0)
    #expect(Window.brain.grey(60) == 191)
    #expect(Window.brain.label == "brain 80/40")
    #expect(Window.preset(named: "BONE") == .bone)
  }

  @Test func colourCodingPaintsOnlyTheBand() {
    let image = HUImage(width: 3, height: 1, pixels: [30, 70, 200])
    let rgb = ColourCoding.acuteBlood.render(image)
    #expect(rgb[1, 0] == (255, 0, 0))
    #expect(rgb[0, 0] == (96, 96, 96))
    #expect(rgb[2, 0] == (255, 255, 255))
  }
}

@Suite struct ImageCodecTests {
  @Test func pngRoundTripIsLossless() throws {
    var rng = SeededRNG(seed: 5)
    let pixels = (0..<(37 * 23 * 3)).map { _ in UInt8.random(in: 0...255, using: &rng) }
    let data = try ImageCodec.encodePNG(pixels, width: 37, height: 23, channels: 3)
    let decoded = try ImageCodec.decodePNG(data)
    #expect(decoded.width == 37 && decoded.height == 23 && decoded.channels == 3)
    #expect(decoded.pixels == pixels)
  }

  @Test func jpegRoundTripIsClose() throws {
    let grey = (0..<(64 * 64)).map { UInt8(($0 % 64) * 4) }
    let data = try ImageCodec.encodeJPEG(grey, width: 64, height: 64, channels: 1, quality: 95)
    let decoded = try ImageCodec.decodeJPEG(data)
    #expect(decoded.channels == 1)
    let worst = zip(grey, decoded.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
    #expect(worst <= 12)
  }

  @Test func truncatedAndForeignDataGiveErrorsNotCrashes() throws {
    let data = try ImageCodec.encodePNG(
      [UInt8](repeating: 9, count: 300), width: 10, height: 10, channels: 3)
    for length in [0, 4, 8, 20, 40, data.count - 1] {
      #expect(throws: HemoError.self) {
        try ImageCodec.decodePicture(data.prefix(length), file: "x.png")
      }
    }
    let jpeg = try ImageCodec.encodeJPEG(
      [UInt8](repeating: 9, count: 300), width: 10, height: 10, channels: 3)
    for length in stride(from: 2, to: jpeg.count - 2, by: 17) {
      #expect(throws: HemoError.self) {
        try ImageCodec.decodeJPEG(jpeg.prefix(length), file: "x.jpg")
      }
    }
    #expect(throws: HemoError.self) {
      try ImageCodec.decodePicture(Data("hello".utf8), file: "x.txt")
    }
  }
}
