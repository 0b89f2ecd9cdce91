import Foundation
import HemoCore
import HemoTestSupport
import Testing

@testable import HemoTUI

/// The slice the round trips draw: the first real RSNA slice in the brain window when the shared
/// data is present (the test's comment says which), else a synthetic slice of seed 7.
private func testSlice() throws -> (image: RGBImage, name: String) {
  if let file = SharedData.rsnaDICOMFiles.first {
    let hu = try DICOMReader.read(file).hu
    return (Preprocessing().display(.hounsfield(hu)), file.lastPathComponent)
  }
  let slice = PhantomGenerator(seed: 7).slice(index: 0, hemorrhage: .anyHemorrhage)
  return (Preprocessing().display(.hounsfield(slice.image)), "phantom seed 7 (no shared data)")
}

@Suite struct ChafaRenderingTests {
  /// The round trips below fall back to a synthetic slice without the data; this shows it.
  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func roundTripsUseARealRSNASlice() throws {
    let (_, name) = try testSlice()
    #expect(name.hasPrefix("ID_"), "expected a real RSNA slice, got \(name)")
  }

  @Test func sixelStreamDecodesBackToTheSlice() throws {
    let (image, name) = try testSlice()
    let cell = Size(width: 10, height: 20)
    let text = ChafaRenderer.pixels(image, columns: 24, rows: 12, cellSize: cell, proto: .sixel)
    #expect(text.hasPrefix("\u{1B}P"), "a sixel stream starts with DCS")
    #expect(text.contains("q"))
    #expect(text.hasSuffix("\u{1B}\\"), "and ends with ST")
    let decoded = try SixelDecoder.decode(text)
    #expect(decoded.width == 240)
    #expect(decoded.height >= 234 && decoded.height <= 240, "sixel height \(decoded.height)")
    let source = image.resized(width: decoded.width, height: decoded.height)
    let r = correlation(luma(decoded), luma(source))
    #expect(r > 0.97, "sixel of \(name) correlates \(r) with the source")
  }

  @Test func kittyChunksCarryThePixels() throws {
    let (image, name) = try testSlice()
    let text = ChafaRenderer.pixels(
      image, columns: 16, rows: 8, cellSize: Size(width: 8, height: 16), proto: .kitty)
    let chunks = kittyChunks(text)
    #expect(chunks.count > 1, "a 128×128 image takes several 4096-byte chunks")
    let first = chunks[0].control
    let keys = Dictionary(
      first.split(separator: ",").compactMap { pair -> (String, String)? in
        let kv = pair.split(separator: "=", maxSplits: 1)
        return kv.count == 2 ? (String(kv[0]), String(kv[1])) : nil
      }, uniquingKeysWith: { a, _ in a })
    let width = Int(keys["s"] ?? "") ?? 0
    let height = Int(keys["v"] ?? "") ?? 0
    let format = Int(keys["f"] ?? "") ?? 0
    #expect(width == 128 && height == 128, "kitty image \(width)×\(height)")
    #expect(chunks.dropLast().allSatisfy { $0.control.contains("m=1") })
    #expect(chunks.last!.control.contains("m=0") || !chunks.last!.control.contains("m=1"))
    // chafa encodes each chunk on its own (padded base64), which kitty accepts.
    let decodedChunks = chunks.map { $0.payload.isEmpty ? Data() : Data(base64Encoded: $0.payload) }
    #expect(decodedChunks.allSatisfy { $0 != nil }, "every payload is base64")
    let bytes = decodedChunks.flatMap { [UInt8]($0 ?? Data()) }
    let channels = format == 32 ? 4 : 3
    #expect(bytes.count == width * height * channels)
    guard bytes.count == width * height * channels, width > 0 else { return }
    var decoded = RGBImage(width: width, height: height)
    for p in 0..<width * height {
      decoded.pixels[p * 3] = bytes[p * channels]
      decoded.pixels[p * 3 + 1] = bytes[p * channels + 1]
      decoded.pixels[p * 3 + 2] = bytes[p * channels + 2]
    }
    let source = image.resized(width: width, height: height)
    let r = correlation(luma(decoded), luma(source))
    #expect(r > 0.98, "kitty pixels of \(name) correlate \(r) with the source")
  }

  @Test func symbolsUseMoreThanHalfBlocksAndReadBackAsTheSlice() throws {
    let (image, name) = try testSlice()
    let (columns, rows) = (48, 24)
    let cells = ChafaRenderer.cells(
      image, columns: columns, rows: rows, depth: .extended, unicode: true)
    #expect(cells.count == columns * rows)
    let halfBlocks: Set<Character> = [" ", "█", "▀", "▄"]
    let finer = Set(cells.map(\.character)).subtracting(halfBlocks)
    #expect(finer.count >= 4, "symbols beyond half blocks: \(finer.sorted())")
    let (shown, unknown) = SymbolCoverage.reconstruct(
      cells, columns: columns, rows: rows, perCell: (2, 3))
    #expect(unknown.isEmpty, "characters that are not block symbols: \(unknown)")
    let source = image.resized(width: shown.width, height: shown.height)
    let r = correlation(luma(shown), luma(source))
    #expect(r > 0.9, "symbols of \(name) correlate \(r) with the source")
    // The same test at half-block resolution must do worse than symbols do at theirs.
    let blocks = ChafaRenderer.cells(
      image, columns: columns, rows: rows, depth: .extended, unicode: true, halfBlocks: true)
    #expect(Set(blocks.map(\.character)).isSubset(of: halfBlocks))
  }

  @Test func asciiAndMonochromeKeepToWhatTheTerminalHas() throws {
    let (image, _) = try testSlice()
    let ascii = ChafaRenderer.cells(image, columns: 30, rows: 15, depth: .none, unicode: false)
    #expect(ascii.allSatisfy { $0.character.isASCII })
    #expect(ascii.allSatisfy { $0.style == .plain })
    #expect(Set(ascii.map(\.character)).count > 3, "ASCII art still has shapes")
    let eight = ChafaRenderer.cells(image, columns: 30, rows: 15, depth: .eight, unicode: true)
    for cell in eight {
      for colour in [cell.style.foreground, cell.style.background] {
        if case .index(let i) = colour { #expect(i < 8) }
      }
    }
    let extended = ChafaRenderer.cells(
      image, columns: 30, rows: 15, depth: .extended, unicode: true)
    let indices = extended.flatMap { [$0.style.foreground, $0.style.background] }.compactMap {
      if case .index(let i) = $0 { return Int(i) } else { return nil }
    }
    #expect(
      indices.allSatisfy { $0 >= 16 }, "the 240-colour palette leaves the 16 themable colours alone"
    )
  }

  /// Widths whose RGB rows are not a multiple of four bytes (486 · 3 = 1458) came out sheared.
  @Test(arguments: [486, 487, 480, 255])
  func anyWidthDecodesStraight(_ width: Int) throws {
    let slice = PhantomGenerator(seed: 1).slice(index: 0, hemorrhage: .anyHemorrhage)
    let image = Preprocessing().display(.hounsfield(slice.image)).resized(
      width: width, height: 513)
    let text = ChafaRenderer.pixels(
      image, columns: 54, rows: 27, cellSize: Size(width: 9, height: 19), proto: .sixel)
    let decoded = try SixelDecoder.decode(text)
    let source = image.resized(width: decoded.width, height: decoded.height)
    let r = correlation(luma(decoded), luma(source))
    #expect(r > 0.95, "width \(width): sixel correlates \(r) with the source")
  }

  @Test func printerOutlinesTheMaskInYellow() {
    let slice = PhantomGenerator(seed: 3).slice(index: 0, hemorrhage: .subtypes([.subdural]))
    let image = Preprocessing().display(.hounsfield(slice.image))
    let outlined = MaskOverlay.outlined(
      image, mask: slice.bloodMask, width: 128, height: 128, scale: 2)
    var yellow = 0
    for y in 0..<128 {
      for x in 0..<128 where outlined[x, y] == (255, 255, 0) { yellow += 1 }
    }
    #expect(yellow > 20, "a subdural bleed has an outline (\(yellow) px)")
    #expect(yellow < 128 * 128 / 4, "an outline, not a fill")
  }
}

/// The `ESC _G control ; payload ESC \` chunks of a kitty graphics stream.
private func kittyChunks(_ text: String) -> [(control: String, payload: String)] {
  var chunks: [(String, String)] = []
  var rest = Substring(text)
  while let start = rest.range(of: "\u{1B}_G") {
    rest = rest[start.upperBound...]
    guard let end = rest.range(of: "\u{1B}\\") else { break }
    let body = rest[..<end.lowerBound]
    let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
    chunks.append((String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
    rest = rest[end.upperBound...]
  }
  return chunks
}
