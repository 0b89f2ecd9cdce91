import Foundation
import HemoCore
import Testing

@testable import HemoTUI

/// Renders one widget into a fresh buffer of `size`.
func render(_ widget: some Widget, _ width: Int, _ height: Int, theme: Theme = .extended)
  -> CellBuffer
{
  CellBuffer.draw(size: Size(width: width, height: height)) { canvas in
    widget.draw(in: &canvas, theme: theme)
  }
}

/// Compares golden text, printing the actual text on a mismatch so a reviewer can read it. With
/// HEMOLAB_GOLDEN_DIR set, a mismatch is also written there as `<file>-<line>.txt` for review.
func expectGolden(
  _ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual == expected, "actual:\n\(actual)", sourceLocation: sourceLocation)
  if actual != expected, let dir = ProcessInfo.processInfo.environment["HEMOLAB_GOLDEN_DIR"] {
    let name = "\(sourceLocation.fileName)-\(sourceLocation.line).txt"
    try? actual.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
  }
}

/// Compares a whole screen, text and styles (colours, attributes), with the golden file
/// `Tests/HemoTUITests/Goldens/<name>.txt`: the text, a `--` line, a grid of one letter per
/// styled cell (`.` plain) and the letters' styles. With HEMOLAB_RECORD_GOLDENS=1 the file is
/// written from the screen instead (review the diff before committing it).
func expectGolden(
  _ buffer: CellBuffer, file name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Goldens/\(name).txt")
  let actual = buffer.styledText + "\n"
  if ProcessInfo.processInfo.environment["HEMOLAB_RECORD_GOLDENS"] != nil {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record(
      "no golden \(url.path); record it with HEMOLAB_RECORD_GOLDENS=1 swift test",
      sourceLocation: sourceLocation)
    return
  }
  #expect(actual == expected, "actual:\n\(actual)", sourceLocation: sourceLocation)
}

/// A synthetic CT-like test image: a bright ring (skull) around a grey disc (brain), with an
/// optional red blob (colour-coded blood) and its mask.
func phantom(size: Int = 32, blood: Bool = false) -> (image: RGBImage, mask: PixelMask) {
  var image = RGBImage(width: size, height: size)
  var mask = PixelMask(width: size, height: size)
  let c = Double(size - 1) / 2
  for y in 0..<size {
    for x in 0..<size {
      let r = ((Double(x) - c) * (Double(x) - c) + (Double(y) - c) * (Double(y) - c)).squareRoot()
      let rel = r / (Double(size) / 2)
      var p: (UInt8, UInt8, UInt8) = (0, 0, 0)
      if rel < 0.8 { p = (110, 110, 110) }
      if rel >= 0.8 && rel < 0.95 { p = (250, 250, 250) }
      let bx = Double(x) - c * 1.4
      let by = Double(y) - c * 0.8
      if blood, (bx * bx + by * by).squareRoot() < Double(size) / 8 {
        p = (220, 20, 20)
        mask.bits[y * size + x] = true
      }
      let i = (y * size + x) * 3
      image.pixels[i] = p.0
      image.pixels[i + 1] = p.1
      image.pixels[i + 2] = p.2
    }
  }
  return (image, mask)
}
