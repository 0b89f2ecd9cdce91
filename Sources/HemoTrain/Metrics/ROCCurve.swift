/// The receiver operating characteristic of a two-class score: every threshold's true- and
/// false-positive rate, the area under the curve with a 95 % interval, and the confusion counts,
/// sensitivity, specificity, PPV and NPV at any threshold.
///
/// An image is called positive when its score is at or above the threshold.
public struct ROCCurve: Sendable, Equatable {
  /// One corner of the curve: calling positive every image scoring at or above `threshold`.
  public struct Point: Sendable, Equatable {
    /// +∞ for the first point (nothing called positive).
    public let threshold: Double
    public let falsePositiveRate: Double
    public let truePositiveRate: Double
  }

  /// From (0, 0) (threshold +∞) to (1, 1) (the lowest score), one point per distinct score.
  public let points: [Point]
  public let positives: Int
  public let negatives: Int
  /// Area under the curve by the trapezoid rule: the probability that a random positive image
  /// scores above a random negative one, ties counted half (the Mann–Whitney U / (n₁ n₀)).
  /// 0.5 when either class is empty.
  public let auc: Double
  /// 95 % interval of the AUC (Hanley & McNeil 1982 standard error, clamped to 0…1).
  public let aucLower: Double
  public let aucUpper: Double
  /// The scores and truths, in the order given.
  public let scores: [Double]
  public let isPositive: [Bool]

  public init(scores: [Double], isPositive: [Bool]) {
    precondition(scores.count == isPositive.count)
    self.scores = scores
    self.isPositive = isPositive
    let positives = isPositive.filter { $0 }.count
    let negatives = isPositive.count - positives
    self.positives = positives
    self.negatives = negatives
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    var points = [Point(threshold: .infinity, falsePositiveRate: 0, truePositiveRate: 0)]
    var truePositives = 0
    var falsePositives = 0
    var area = 0.0
    var position = 0
    while position < order.count {
      // Every image with the same score crosses the threshold together: one diagonal step.
      let score = scores[order[position]]
      let (lastTP, lastFP) = (truePositives, falsePositives)
      while position < order.count && scores[order[position]] == score {
        if isPositive[order[position]] { truePositives += 1 } else { falsePositives += 1 }
        position += 1
      }
      // Trapezoid in count units: width ΔFP, mean height of TP.
      area += Double(falsePositives - lastFP) * Double(truePositives + lastTP) / 2
      points.append(
        Point(
          threshold: score,
          falsePositiveRate: negatives > 0 ? Double(falsePositives) / Double(negatives) : 0,
          truePositiveRate: positives > 0 ? Double(truePositives) / Double(positives) : 0))
    }
    self.points = points
    guard positives > 0, negatives > 0 else {
      (auc, aucLower, aucUpper) = (0.5, 0, 1)
      return
    }
    let a = area / (Double(positives) * Double(negatives))
    auc = a
    let q1 = a / (2 - a)
    let q2 = 2 * a * a / (1 + a)
    let variance =
      (a * (1 - a) + Double(positives - 1) * (q1 - a * a) + Double(negatives - 1) * (q2 - a * a))
      / (Double(positives) * Double(negatives))
    let half = 1.959964 * max(variance, 0).squareRoot()
    aucLower = max(0, a - half)
    aucUpper = min(1, a + half)
  }

  /// The curve of a classifier's probabilities: the score is each image's probability of
  /// `positiveClass`.
  public init(probabilities: [[Float]], labels: [Int], positiveClass: Int) {
    self.init(
      scores: probabilities.map { Double($0[positiveClass]) },
      isPositive: labels.map { $0 == positiveClass })
  }

  /// The counts and rates when every image scoring at or above `threshold` is called positive.
  public func metrics(at threshold: Double) -> ThresholdMetrics {
    var tp = 0
    var fp = 0
    for (score, positive) in zip(scores, isPositive) where score >= threshold {
      if positive { tp += 1 } else { fp += 1 }
    }
    return ThresholdMetrics(
      threshold: threshold, truePositives: tp, falsePositives: fp,
      trueNegatives: negatives - fp, falseNegatives: positives - tp)
  }

  /// The distinct scores, highest first: the thresholds at which the counts change.
  public var thresholds: [Double] { points.dropFirst().map(\.threshold) }
}

/// Confusion counts at one threshold, with sensitivity and specificity (Wilson intervals) and the
/// predictive values at a chosen prevalence.
public struct ThresholdMetrics: Sendable, Equatable {
  public let threshold: Double
  public let truePositives: Int
  public let falsePositives: Int
  public let trueNegatives: Int
  public let falseNegatives: Int

  public init(
    threshold: Double, truePositives: Int, falsePositives: Int, trueNegatives: Int,
    falseNegatives: Int
  ) {
    self.threshold = threshold
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.trueNegatives = trueNegatives
    self.falseNegatives = falseNegatives
  }

  /// Of the positive images, the share called positive.
  public var sensitivity: WilsonInterval {
    WilsonInterval(successes: truePositives, trials: truePositives + falseNegatives)
  }

  /// Of the negative images, the share called negative.
  public var specificity: WilsonInterval {
    WilsonInterval(successes: trueNegatives, trials: trueNegatives + falsePositives)
  }

  public var accuracy: WilsonInterval {
    WilsonInterval(
      successes: truePositives + trueNegatives,
      trials: truePositives + trueNegatives + falsePositives + falseNegatives)
  }

  /// The share of the test set that is positive.
  public var testPrevalence: Double {
    let total = truePositives + trueNegatives + falsePositives + falseNegatives
    return total > 0 ? Double(truePositives + falseNegatives) / Double(total) : 0
  }

  /// Positive predictive value at `prevalence` (Bayes from sensitivity and specificity):
  /// of the images called positive, the share truly positive. Nil when nothing would be called
  /// positive.
  public func positivePredictiveValue(prevalence: Double) -> Double? {
    let sensitivity = sensitivity.estimate
    let specificity = specificity.estimate
    let called = sensitivity * prevalence + (1 - specificity) * (1 - prevalence)
    return called > 0 ? sensitivity * prevalence / called : nil
  }

  /// Negative predictive value at `prevalence`: of the images called negative, the share truly
  /// negative. Nil when nothing would be called negative.
  public func negativePredictiveValue(prevalence: Double) -> Double? {
    let sensitivity = sensitivity.estimate
    let specificity = specificity.estimate
    let called = specificity * (1 - prevalence) + (1 - sensitivity) * prevalence
    return called > 0 ? specificity * (1 - prevalence) / called : nil
  }
}
