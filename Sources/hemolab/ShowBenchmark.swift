import Foundation
import HemoCore
import HemoTUI

/// `hemolab show --benchmark N`: the median time to render one image in each mode, as the
/// lesson's viewer does it (symbols into cells; sixel and kitty sequences), uncached.
enum ShowBenchmark {
  static func run(
    name: String, image: RGBImage, size: Size, cell: Size, depth: ColourDepth,
    count: Int
  ) -> String {
    let n = max(1, count)
    func median(_ body: () -> Void) -> Double {
      let clock = ContinuousClock()
      var times: [Double] = []
      for _ in 0..<n {
        let start = clock.now
        body()
        let elapsed = clock.now - start
        times.append(
          Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
      }
      return times.sorted()[times.count / 2]
    }
    var lines = [
      "\(name): \(image.width)×\(image.height) px in \(size.width)×\(size.height) cells of \(cell.width)×\(cell.height) px, median of \(n) renders"
    ]
    let symbols = median {
      _ = ChafaRenderer.cells(
        image, columns: size.width, rows: size.height, depth: depth == .none ? .extended : depth,
        unicode: true)
    }
    lines.append(String(format: "  symbols (cells)  %8.2f ms", symbols))
    for proto in [PixelProtocol.sixel, .kitty] {
      var bytes = 0
      let ms = median {
        bytes =
          ChafaRenderer.pixels(
            image, columns: size.width, rows: size.height, cellSize: cell, proto: proto
          ).utf8.count
      }
      let label = proto.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
      lines.append("  " + label + String(format: " %8.2f ms  %d bytes", ms, bytes))
    }
    return lines.joined(separator: "\n")
  }
}
