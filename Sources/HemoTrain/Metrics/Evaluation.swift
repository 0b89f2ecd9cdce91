import Foundation

/// The test set under one set of weights: confusion matrix, two-class sensitivity/specificity,
/// and every test image's class probabilities (for "which were wrong" views and ROC curves).
public struct Evaluation: Sendable {
  public let matrix: ConfusionMatrix
  /// Two classes only: recall of the positive class.
  public let sensitivity: WilsonInterval?
  /// Two classes only: recall of the negative class.
  public let specificity: WilsonInterval?
  /// Indices into the Dataset, in the order of `probabilities`.
  public let testIndices: [Int]
  /// Per test image, per class (softmax).
  public let probabilities: [[Float]]
  /// Mean cross-entropy over the test images (unweighted; 0 for an empty test set).
  public let loss: Double

  public init(
    classNames: [String], testIndices: [Int], labels: [Int], probabilities: [[Float]],
    positiveClass: Int
  ) {
    var predicted: [Int] = []
    var loss = 0.0
    for (row, label) in zip(probabilities, labels) {
      predicted.append(row.indices.max { row[$0] < row[$1] } ?? 0)
      loss -= log(max(Double(row[label]), 1e-38))
    }
    matrix = ConfusionMatrix(classNames: classNames, truth: labels, predicted: predicted)
    let pair = matrix.sensitivitySpecificity(positive: positiveClass)
    sensitivity = pair?.0
    specificity = pair?.1
    self.testIndices = testIndices
    self.probabilities = probabilities
    self.loss = labels.isEmpty ? 0 : loss / Double(labels.count)
  }

  /// The predicted class of each test image (highest probability, first on ties).
  public var predictions: [Int] {
    probabilities.map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }
  }
}
