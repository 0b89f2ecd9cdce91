import Foundation
import HemoCore

/// Writes every image the graphics layer draws as a PNG, with its cell rectangle and cell size
/// in `placements.txt`, so a screenshot of the terminal can be cropped and compared with what
/// HemoLab meant to show (`scripts/xterm-sixel-check.sh`). Off unless `HEMOLAB_GRAPHICS_DUMP`
/// names a folder.
final class GraphicsDump {
  let folder: URL
  private var count = 0

  init(folder: URL) { self.folder = folder }

  static func fromEnvironment() -> GraphicsDump? {
    guard let path = ProcessInfo.processInfo.environment["HEMOLAB_GRAPHICS_DUMP"], !path.isEmpty
    else { return nil }
    return GraphicsDump(folder: URL(fileURLWithPath: path, isDirectory: true))
  }

  /// `N.png` and a line `N x y columns rows cellWidth cellHeight`.
  func record(_ placement: ImagePlacement, cellSize: Size) {
    count += 1
    guard let png = try? ImageCodec.encodePNG(placement.image) else { return }
    try? png.write(to: folder.appendingPathComponent("\(count).png"))
    let r = placement.rect
    let line =
      "\(count) \(r.x) \(r.y) \(r.width) \(r.height) \(cellSize.width) \(cellSize.height)\n"
    let list = folder.appendingPathComponent("placements.txt")
    if let handle = try? FileHandle(forWritingTo: list) {
      handle.seekToEndOfFile()
      handle.write(Data(line.utf8))
      try? handle.close()
    } else {
      try? Data(line.utf8).write(to: list)
    }
  }
}
