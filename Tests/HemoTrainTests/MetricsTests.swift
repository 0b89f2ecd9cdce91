import Foundation
import Testing

@testable import HemoTrain

/// Wilson intervals and the confusion matrix against known values.
@Suite struct MetricsTests {
  @Test func wilsonIntervalKnownValues() {
    let six = WilsonInterval(successes: 6, trials: 10)
    #expect(six.estimate == 0.6)
    #expect(abs(six.lower - 0.3127) < 5e-4 && abs(six.upper - 0.8318) < 5e-4)
    let all = WilsonInterval(successes: 10, trials: 10)
    #expect(abs(all.upper - 1) < 1e-12 && abs(all.lower - 0.7225) < 5e-4)
    let none = WilsonInterval(successes: 0, trials: 20)
    #expect(none.lower == 0 && abs(none.upper - 0.1611) < 5e-4)
    let big = WilsonInterval(successes: 450, trials: 500)
    #expect(abs(big.lower - 0.8707) < 5e-4 && abs(big.upper - 0.9233) < 5e-4)
    let empty = WilsonInterval(successes: 0, trials: 0)
    #expect(empty.lower == 0 && empty.upper == 1)
  }

  @Test func confusionMatrixCountsAndRates() {
    // Truth: 4 × class 0, 3 × class 1, 1 × class 2.
    let truth = [0, 0, 0, 0, 1, 1, 1, 2]
    let predicted = [0, 0, 1, 2, 1, 1, 0, 2]
    let matrix = ConfusionMatrix(classNames: ["a", "b", "c"], truth: truth, predicted: predicted)
    #expect(matrix.counts == [[2, 1, 1], [1, 2, 0], [0, 0, 1]])
    #expect(matrix.total == 8 && matrix.correct == 5)
    #expect(matrix.recall(0).estimate == 0.5 && matrix.recall(1).trials == 3)
    #expect(matrix.precision(0).successes == 2 && matrix.precision(0).trials == 3)
    #expect(matrix.precision(2).estimate == 0.5)
    #expect(matrix.sensitivitySpecificity(positive: 0) == nil)
  }

  @Test func twoClassSensitivityAndSpecificity() {
    let evaluation = Evaluation(
      classNames: ["bleed", "normal"], testIndices: [4, 5, 6, 7, 8],
      labels: [0, 0, 0, 1, 1],
      probabilities: [[0.9, 0.1], [0.4, 0.6], [0.7, 0.3], [0.2, 0.8], [0.6, 0.4]], positiveClass: 0)
    #expect(evaluation.predictions == [0, 1, 0, 1, 0])
    #expect(evaluation.sensitivity?.successes == 2 && evaluation.sensitivity?.trials == 3)
    #expect(evaluation.specificity?.successes == 1 && evaluation.specificity?.trials == 2)
    let expectedLoss = -(log(0.9) + log(0.4) + log(0.7) + log(0.8) + log(0.4)) / 5
    #expect(abs(evaluation.loss - expectedLoss) < 1e-6)
  }
}
