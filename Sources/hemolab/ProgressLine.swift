import Foundation
import HemoTrain

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressLine {
  private let title: String
  private let enabled = isatty(STDERR_FILENO) == 1
  private var lastDraw = Date.distantPast

  init(title: String) {
    self.title = title
  }

  /// Shows a phase with a fraction done.
  func show(_ phase: String, fraction: Double) {
    draw("\(title): \(phase) \(bar(fraction)) \(Int(fraction * 100)) %")
  }

  /// Shows training progress from a snapshot.
  func show(_ snapshot: Snapshot) {
    let fraction = snapshot.fractionDone
    var text = "\(title): epoch \(max(snapshot.epoch, 1))/\(snapshot.totalEpochs) \(bar(fraction))"
    if let loss = snapshot.batchLosses.last { text += String(format: " loss %.3f", loss) }
    if let last = snapshot.epochs.last {
      text += String(format: " test acc %.2f", last.testAccuracy)
    }
    if let eta = snapshot.estimatedRemaining {
      text += String(format: " ETA %.0f s", eta.rounded(.up))
    }
    draw(text)
  }

  /// Erases the line.
  func clear() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  private func draw(_ text: String) {
    guard enabled, Date().timeIntervalSince(lastDraw) > 0.08 else { return }
    lastDraw = Date()
    FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
  }

  private func bar(_ fraction: Double) -> String {
    let width = 20
    let filled = Int((fraction * Double(width)).rounded())
    return "[" + String(repeating: "#", count: filled)
      + String(repeating: "-", count: width - filled) + "]"
  }
}
