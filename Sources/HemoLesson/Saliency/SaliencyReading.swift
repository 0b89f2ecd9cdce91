import Foundation
import HemoTrain

/// Sentences on "right for the right reasons", written from a run's saliency measures.
public enum SaliencyReading {
  /// Two or three sentences: how often the model looked at the blood, against chance and against
  /// the randomised network, and (with colour-coding) how often at red that is not blood.
  public static func text(_ report: SaliencyReport) -> String {
    func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
    var sentences: [String] = []
    sentences.append(
      "On \(report.images) test hemorrhages, the \(report.method.title) map peaked on the blood "
        + "(within \(report.dilationPixels) pixels) in \(percent(report.hitRate)) of images, "
        + "against \(percent(report.randomizedHitRate)) for the same network with random weights.")
    let factor = report.maskShare > 0 ? report.massShare / report.maskShare : 0
    sentences.append(
      "\(percent(report.massShare)) of the map lies on the blood, which covers "
        + "\(percent(report.maskShare)) of the head"
        + (factor >= 1.5 ? String(format: " (%.1f× chance)", factor) : " (no better than chance)")
        + ".")
    if report.correctCount > 0 && report.missedCount > 0 {
      sentences.append(
        "Found hemorrhages: peak on the blood in \(percent(report.correct.hitRate)); "
          + "missed ones: \(percent(report.missed.hitRate)).")
    }
    if let other = report.methods.first(where: { $0.method == report.method })?.trained,
      let redHit = other.otherRedHitRate
    {
      sentences.append(
        "The peak fell on red-painted pixels that are not blood (bone edges, calcifications) in "
          + "\(percent(redHit)) of images.")
    }
    sentences.append(
      "A model can be right for the wrong reasons: ask of any product where it looks, not only how often it is right."
    )
    return sentences.joined(separator: " ")
  }
}
