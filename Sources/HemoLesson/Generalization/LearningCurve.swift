import Foundation
import HemoCore
import HemoTrain

/// Test accuracy against the number of training images: one experiment's network and recipe
/// trained on nested subsets of its training images (the first n of each class), every size
/// tested on the same held-out images, so "more data helps" is measured.
public struct LearningCurve: Sendable, Codable, Equatable {
  /// One training-set size and what it measured.
  public struct Point: Sendable, Codable, Equatable {
    /// Training images per class asked for.
    public var requestedPerClass: Int
    /// Training images actually used, per class (fewer when a class has fewer).
    public var trainPerClass: [Int]
    public var trainImages: Int
    public var epochs: Int
    public var accuracy: ExperimentResult.Interval
    public var sensitivity: ExperimentResult.Interval?
    public var specificity: ExperimentResult.Interval?
    /// Wall-clock training time (not reproducible; everything else is).
    public var seconds: Double

    public init(
      requestedPerClass: Int, trainPerClass: [Int], trainImages: Int, epochs: Int,
      accuracy: ExperimentResult.Interval, sensitivity: ExperimentResult.Interval?,
      specificity: ExperimentResult.Interval?, seconds: Double
    ) {
      self.requestedPerClass = requestedPerClass
      self.trainPerClass = trainPerClass
      self.trainImages = trainImages
      self.epochs = epochs
      self.accuracy = accuracy
      self.sensitivity = sensitivity
      self.specificity = specificity
      self.seconds = seconds
    }
  }

  public var experiment: Int
  public var title: String
  public var classes: [String]
  public var positiveClass: String?
  public var seed: UInt64
  /// Test images per class (the experiment's usual test split, the same for every size).
  public var testPerClass: [Int]
  /// Each size trains at least this many batches (more epochs for small sets).
  public var minimumBatches: Int
  public var points: [Point]
  /// What the curve shows, written from the numbers.
  public var reading: String

  /// The sizes the lesson asks for (per class).
  public static let defaultSizes = [30, 100, 300, 1000]
  /// Small sets get extra epochs up to this many batches, so a small set is not merely
  /// under-trained (the recipe's epochs alone would give 30 images 4 batches an epoch).
  public static let defaultMinimumBatches = 200

  /// The held-out test images (the experiment's own split: its test fraction and seed) and, for
  /// each size, the training images (first `n` of each class's training list, so each set
  /// contains the smaller ones). Sizes are sorted, and sizes that give the same sets as a
  /// smaller one are dropped.
  public static func plan(
    labels: [Int], classes: Int, sizes: [Int], testFraction: Double, seed: UInt64
  ) -> (test: [Int], train: [(requested: Int, indices: [Int])]) {
    let split = StratifiedSplit(labels: labels, testFraction: testFraction, seed: seed)
    var byClass = [[Int]](repeating: [], count: classes)
    for index in split.train where labels[index] < classes { byClass[labels[index]].append(index) }
    var sets: [(requested: Int, indices: [Int])] = []
    var previous: [Int] = []
    for size in Set(sizes.filter { $0 > 0 }).sorted() {
      let counts = byClass.map { min($0.count, size) }
      guard counts != previous else { continue }
      previous = counts
      sets.append((size, zip(byClass, counts).flatMap { $0.prefix($1) }))
    }
    return (split.test, sets)
  }

  /// Epochs for `trainImages` images: the recipe's, or more to reach `minimumBatches`.
  public static func epochs(
    trainImages: Int, batchSize: Int, recipe: Int, minimumBatches: Int
  ) -> Int {
    let perEpoch = max(1, (trainImages + max(batchSize, 1) - 1) / max(batchSize, 1))
    return max(recipe, min(100, (minimumBatches + perEpoch - 1) / perEpoch))
  }

  /// Trains `experiment` once per size on `data` through `orchestrator` (results not
  /// recorded) and tests each on the same images. `progress` receives the index of the size in
  /// progress, the sizes' count and the latest snapshot; `finished` each point as it ends.
  /// Throws `CancellationError` when `isCancelled` turns true.
  public static func compute(
    _ experiment: ExperimentDefinition, data: ExperimentData, sizes: [Int] = defaultSizes,
    overrides: TrainingOverrides = TrainingOverrides(),
    minimumBatches: Int = defaultMinimumBatches,
    orchestrator: RunOrchestrator = RunOrchestrator(),
    progress: (Int, Int, Snapshot) -> Void = { _, _, _ in },
    finished: (Point) -> Void = { _ in },
    isCancelled: () -> Bool = { false }
  ) throws -> LearningCurve {
    let config = experiment.trainingConfig(overrides)
    let labels = data.dataset.labels
    let classes = data.classNames.count
    let plan = plan(
      labels: labels, classes: classes, sizes: sizes, testFraction: config.testFraction,
      seed: config.seed)
    guard !plan.train.isEmpty else { throw HemoError("give at least one size above 0") }
    var points: [Point] = []
    var testPerClass: [Int] = []
    for (index, item) in plan.train.enumerated() {
      var sized = overrides
      sized.epochs = epochs(
        trainImages: item.indices.count, batchSize: config.batchSize, recipe: config.epochs,
        minimumBatches: minimumBatches)
      let start = Date()
      let outcome = try orchestrator.run(
        RunRequest(
          experiment, data: data, dataDescription: "", overrides: sized,
          split: StratifiedSplit(train: item.indices, test: plan.test)),
        record: false, progress: { progress(index, plan.train.count, $0) },
        isCancelled: isCancelled)
      let result = outcome.result
      testPerClass = outcome.plan.testCounts
      let point = Point(
        requestedPerClass: item.requested, trainPerClass: outcome.plan.trainCounts,
        trainImages: item.indices.count, epochs: outcome.plan.config.epochs,
        accuracy: result.accuracy, sensitivity: result.sensitivity,
        specificity: result.specificity, seconds: Date().timeIntervalSince(start))
      finished(point)
      points.append(point)
    }
    return LearningCurve(
      experiment: experiment.id, title: experiment.title, classes: data.classNames,
      positiveClass: experiment.positiveClass, seed: config.seed,
      testPerClass: testPerClass,
      minimumBatches: minimumBatches, points: points)
  }

  public init(
    experiment: Int, title: String, classes: [String], positiveClass: String?, seed: UInt64,
    testPerClass: [Int], minimumBatches: Int, points: [Point]
  ) {
    self.experiment = experiment
    self.title = title
    self.classes = classes
    self.positiveClass = positiveClass
    self.seed = seed
    self.testPerClass = testPerClass
    self.minimumBatches = minimumBatches
    self.points = points
    reading = Self.reading(points)
  }

  static func points(_ value: Double) -> String { String(Int((value * 100).rounded())) }

  /// "From 60 to 1700 training images, test accuracy went from 61% to 83% …"
  static func reading(_ curve: [Point]) -> String {
    guard let first = curve.first, let last = curve.last, curve.count > 1 else {
      return "One size only: train more sizes to see a curve."
    }
    let gain = last.accuracy.estimate - first.accuracy.estimate
    let overlap =
      first.accuracy.upper >= last.accuracy.lower
      && last.accuracy.upper >= first.accuracy.lower
    var text =
      "From \(first.trainImages) to \(last.trainImages) training images, test accuracy went from \(points(first.accuracy.estimate))% to \(points(last.accuracy.estimate))%"
    if gain >= 0.03 {
      text +=
        overlap
        ? " (+\(points(gain)) points, though the two intervals still overlap)."
        : " (+\(points(gain)) points; the intervals do not overlap): more data helped."
    } else if gain <= -0.03 {
      text +=
        overlap
        ? " (−\(points(-gain)) points, within the intervals: chance, not harm from more data)."
        : " (−\(points(-gain)) points, beyond the intervals): unusual; try another seed."
    } else {
      text += ": about the same, so more of the same images did not help this model."
    }
    if curve.count > 2 {
      let previous = curve[curve.count - 2]
      let lastStep = last.accuracy.estimate - previous.accuracy.estimate
      text +=
        " The last step (\(previous.trainImages) → \(last.trainImages) images) changed it by \(lastStep >= 0 ? "+" : "−")\(points(abs(lastStep))) points"
      text +=
        abs(lastStep) < last.accuracy.halfWidth
        ? ", within one run's ±\(points(last.accuracy.halfWidth)): the curve is flattening or noise hides the rest."
        : "."
    }
    text += " Each point is one run with one seed; its 95% interval is the bar."
    return text
  }
}
