import HemoCore
import Testing

@testable import HemoTrain

/// ROC points, AUC and threshold metrics against hand-computed values and the Mann–Whitney U.
@Suite struct ROCCurveTests {
  /// Six images (P = hemorrhage, N = normal), one tie across classes at 0.7:
  ///   0.9 P, 0.8 N, 0.7 P, 0.7 N, 0.4 P, 0.2 N   → 3 positives, 3 negatives.
  /// Pairs (P beats N = 1, tie = ½): P0.9 beats all three N → 3; P0.7 loses to N0.8, ties N0.7,
  /// beats N0.2 → 1.5; P0.4 beats N0.2 only → 1. U = 5.5, AUC = 5.5 / 9 = 11/18 = 0.6111.
  /// Points (FPR, TPR): (0,0) ∞; (0,⅓) 0.9; (⅓,⅓) 0.8; (⅔,⅔) 0.7 (the tie: one diagonal step);
  /// (⅔,1) 0.4; (1,1) 0.2. Trapezoids: ⅓·⅓ + ⅓·½ + ⅓·1 = 1/9 + 1/6 + 1/3 = 11/18.
  /// Hanley–McNeil: Q1 = A/(2−A) = 0.44, Q2 = 2A²/(1+A) = 0.4636,
  /// SE² = (A(1−A) + 2(Q1−A²) + 2(Q2−A²)) / 9 = 0.061225, SE = 0.2474,
  /// A ± 1.96 SE = 0.1261 … 1.096 → clamped to 0.1261 … 1.
  static let scores = [0.9, 0.8, 0.7, 0.7, 0.4, 0.2]
  static let truth = [true, false, true, false, true, false]

  @Test func handComputedCase() {
    let roc = ROCCurve(scores: Self.scores, isPositive: Self.truth)
    #expect(roc.positives == 3 && roc.negatives == 3)
    #expect(abs(roc.auc - 11.0 / 18.0) < 1e-12)
    #expect(abs(roc.aucLower - 0.12614) < 1e-4)
    #expect(roc.aucUpper == 1)
    let third = 1.0 / 3.0
    let expected: [(Double, Double, Double)] = [
      (.infinity, 0, 0), (0.9, 0, third), (0.8, third, third), (0.7, 2 * third, 2 * third),
      (0.4, 2 * third, 1), (0.2, 1, 1),
    ]
    #expect(roc.points.count == expected.count)
    for (point, want) in zip(roc.points, expected) {
      #expect(point.threshold == want.0)
      #expect(abs(point.falsePositiveRate - want.1) < 1e-12)
      #expect(abs(point.truePositiveRate - want.2) < 1e-12)
    }
    #expect(roc.thresholds == [0.9, 0.8, 0.7, 0.4, 0.2])
  }

  /// At 0.9: TP 1, FP 0, TN 3, FN 2 → sensitivity ⅓, specificity 1; PPV = 1 at any prevalence;
  /// NPV at 50 % = 1·0.5 / (1·0.5 + ⅔·0.5) = 0.6.
  /// At 0.4: TP 3, FP 2, TN 1, FN 0 → sensitivity 1, specificity ⅓;
  /// PPV at 20 % = 0.2 / (0.2 + ⅔·0.8) = 3/11; NPV = 1.
  @Test func thresholdMetricsHandComputed() {
    let roc = ROCCurve(scores: Self.scores, isPositive: Self.truth)
    let high = roc.metrics(at: 0.9)
    #expect(
      [high.truePositives, high.falsePositives, high.trueNegatives, high.falseNegatives] == [
        1, 0, 3, 2,
      ])
    #expect(abs(high.sensitivity.estimate - 1.0 / 3.0) < 1e-12 && high.specificity.estimate == 1)
    #expect(high.positivePredictiveValue(prevalence: 0.07) == 1)
    #expect(abs((high.negativePredictiveValue(prevalence: 0.5) ?? 0) - 0.6) < 1e-12)
    let low = roc.metrics(at: 0.4)
    #expect(
      [low.truePositives, low.falsePositives, low.trueNegatives, low.falseNegatives] == [
        3, 2, 1, 0,
      ])
    #expect(abs((low.positivePredictiveValue(prevalence: 0.2) ?? 0) - 3.0 / 11.0) < 1e-12)
    #expect(low.negativePredictiveValue(prevalence: 0.2) == 1)
    #expect(low.testPrevalence == 0.5)
    // Above every score nothing is called positive: PPV undefined, NPV = 1 − prevalence.
    let none = roc.metrics(at: 2)
    #expect(none.positivePredictiveValue(prevalence: 0.3) == nil)
    #expect(abs((none.negativePredictiveValue(prevalence: 0.3) ?? 0) - 0.7) < 1e-12)
  }

  /// U by brute force over all (positive, negative) pairs, ties ½, on seeded random scores
  /// rounded to two decimals (so ties happen).
  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func aucEqualsMannWhitney(seed: UInt64) {
    var rng = SeededRNG(seed: seed)
    let count = 40 + rng.integer(in: 0...60)
    var scores: [Double] = []
    var truth: [Bool] = []
    for _ in 0..<count {
      let positive = rng.chance(0.4)
      let raw = rng.normal() + (positive ? 0.8 : 0)
      scores.append((raw * 4).rounded() / 4)
      truth.append(positive)
    }
    var u = 0.0
    var pairs = 0
    for i in scores.indices where truth[i] {
      for j in scores.indices where !truth[j] {
        pairs += 1
        if scores[i] > scores[j] { u += 1 } else if scores[i] == scores[j] { u += 0.5 }
      }
    }
    let roc = ROCCurve(scores: scores, isPositive: truth)
    #expect(pairs == roc.positives * roc.negatives)
    #expect(abs(roc.auc - u / Double(pairs)) < 1e-12)
    #expect(roc.aucLower <= roc.auc && roc.auc <= roc.aucUpper)
    // The curve is monotone from (0,0) to (1,1).
    #expect(roc.points.first?.truePositiveRate == 0 && roc.points.last?.truePositiveRate == 1)
    for (a, b) in zip(roc.points, roc.points.dropFirst()) {
      #expect(
        a.falsePositiveRate <= b.falsePositiveRate && a.truePositiveRate <= b.truePositiveRate)
    }
  }

  @Test func aucIntervalNarrowsWithMoreImages() {
    // The same pattern repeated: same AUC, 10× the images.
    let small = ROCCurve(scores: Self.scores, isPositive: Self.truth)
    let big = ROCCurve(
      scores: Array([[Double]](repeating: Self.scores, count: 10).joined()),
      isPositive: Array([[Bool]](repeating: Self.truth, count: 10).joined()))
    #expect(abs(big.auc - small.auc) < 1e-12)
    #expect(big.aucLower > small.aucLower && big.aucUpper < small.aucUpper)
    #expect(big.aucLower < big.auc && big.auc < big.aucUpper)
    // Perfect separation and chance.
    let perfect = ROCCurve(scores: [0.9, 0.8, 0.2, 0.1], isPositive: [true, true, false, false])
    #expect(perfect.auc == 1 && perfect.aucUpper == 1)
    let chance = ROCCurve(scores: [0.5, 0.5, 0.5, 0.5], isPositive: [true, false, true, false])
    #expect(chance.auc == 0.5 && chance.points.count == 2)
    let oneClass = ROCCurve(scores: [0.1, 0.2], isPositive: [true, true])
    #expect(oneClass.auc == 0.5 && oneClass.aucLower == 0 && oneClass.aucUpper == 1)
  }

  @Test func fromProbabilitiesUsesThePositiveColumn() {
    let roc = ROCCurve(
      probabilities: [[0.2, 0.8], [0.7, 0.3], [0.4, 0.6]], labels: [1, 0, 0], positiveClass: 1)
    #expect(roc.positives == 1 && roc.negatives == 2)
    #expect(abs(roc.scores[0] - 0.8) < 1e-6 && roc.auc == 1)
  }
}
