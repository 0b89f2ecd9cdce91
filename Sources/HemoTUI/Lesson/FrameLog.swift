import Foundation

/// Optional timing log of the interactive loop (`HEMOLAB_FRAME_LOG=path`): one line per drawn
/// frame (interval since the previous frame, time to render and blit, key-to-drawn latency when a
/// key caused it, whether training was running) and a summary at the end.
final class FrameLog {
  private let path: String
  private var lines: [String] = ["# t_ms interval_ms draw_ms key_latency_ms training"]
  private var intervals: [Double] = []
  private var latencies: [Double] = []
  private var drawTimes: [Double] = []
  private var trainingSeconds = 0.0
  private var trainingFrames = 0
  private var lastFrame: ContinuousClock.Instant?
  private let start = ContinuousClock.now

  init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard let path = environment["HEMOLAB_FRAME_LOG"], !path.isEmpty else { return nil }
    self.path = path
  }

  /// Records one frame drawn at `end`, that took `draw` seconds; `key` is when the key that
  /// caused it was read.
  func frame(
    end: ContinuousClock.Instant, draw: Double, key: ContinuousClock.Instant?, training: Bool
  ) {
    let interval = lastFrame.map { (end - $0).seconds } ?? 0
    let latency = key.map { (end - $0).seconds }
    if training, lastFrame != nil {
      intervals.append(interval)
      trainingSeconds += interval
      trainingFrames += 1
    }
    drawTimes.append(draw)
    if let latency { latencies.append(latency) }
    lastFrame = end
    let t = (end - start).seconds * 1000
    lines.append(
      String(
        format: "%.1f %.1f %.2f %@ %d", t, interval * 1000, draw * 1000,
        latency.map { String(format: "%.2f", $0 * 1000) } ?? "-", training ? 1 : 0))
  }

  /// Writes the log and its summary.
  func finish() {
    func stats(_ values: [Double]) -> String {
      guard !values.isEmpty else { return "n=0" }
      let sorted = values.sorted()
      let p95 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
      let mean = values.reduce(0, +) / Double(values.count)
      return String(
        format: "n=%d mean=%.1fms p95=%.1fms max=%.1fms", values.count, mean * 1000, p95 * 1000,
        sorted.last! * 1000)
    }
    let rate = trainingSeconds > 0 ? Double(trainingFrames) / trainingSeconds : 0
    lines.append("# frame interval while training: \(stats(intervals))")
    lines.append(String(format: "# redraws per second while training: %.1f", rate))
    lines.append("# key to drawn: \(stats(latencies))")
    lines.append("# render+blit: \(stats(drawTimes))")
    try? (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
  }
}

extension Duration {
  var seconds: Double {
    let (s, atto) = components
    return Double(s) + Double(atto) / 1e18
  }
}
