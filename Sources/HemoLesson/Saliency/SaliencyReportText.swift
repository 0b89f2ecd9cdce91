import Foundation
import HemoTrain

/// The saliency block of `hemolab run N --saliency`: one table row per method and group.
extension SaliencyReport {
  /// Lines for the text report.
  public var textBlock: String {
    func percent(_ value: Double) -> String { String(format: "%5.1f %%", value * 100) }
    var lines = [
      "Saliency: where did the model look? (\(images) test hemorrhages with known blood, "
        + "\(correctCount) found, \(missedCount) missed; maps of \(explainedClass); "
        + "peak within \(dilationPixels) px of the blood counts as a hit)",
      "  method              images   hit rate   mass on blood   blood share of head",
    ]
    for measures in methods {
      let groups: [(String, Measure)] = [
        ("trained", measures.trained), ("  found", measures.correct),
        ("  missed", measures.missed), ("random weights", measures.randomized),
      ]
      lines.append("  \(measures.method.title)")
      for (name, m) in groups where m.images > 0 {
        lines.append(
          "    " + name.padding(toLength: 16, withPad: " ", startingAt: 0)
            + String(format: "%6d", m.images) + "    " + percent(m.hitRate) + "      "
            + percent(m.massShare) + "         " + percent(m.maskShare)
            + (m.otherRedHitRate.map { "   peak on other red " + percent($0) } ?? ""))
      }
      lines.append(
        "    rank correlation trained vs random weights: "
          + String(format: "%.2f", measures.rankCorrelation))
    }
    lines.append(reading)
    return lines.joined(separator: "\n")
  }
}
