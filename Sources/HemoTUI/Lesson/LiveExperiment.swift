import HemoCore
import HemoLesson
import HemoTrain

/// One test image's outcome under the latest evaluation.
public struct TestImage: Sendable, Hashable {
  /// Index into the experiment's dataset.
  public var index: Int
  public var truth: Int
  public var predicted: Int
  public var probabilities: [Float]

  public init(index: Int, truth: Int, predicted: Int, probabilities: [Float]) {
    self.index = index
    self.truth = truth
    self.predicted = predicted
    self.probabilities = probabilities
  }
}

/// A training run as the screen shows it: the values of one `Snapshot`, copied out so rendering
/// stays a pure function of values.
public struct LiveRun: Sendable, Equatable {
  public var state: SessionState
  public var epoch: Int
  public var totalEpochs: Int
  public var batch: Int
  public var batchesPerEpoch: Int
  public var batchLosses: [Float]
  public var epochs: [EpochRecord]
  public var imagesPerSecond: Double
  public var estimatedRemaining: Double?
  public var trainCounts: [Int]
  public var testCounts: [Int]
  /// counts[true][predicted] of the latest evaluation.
  public var matrix: [[Int]]?
  public var accuracy: WilsonInterval?
  public var sensitivity: WilsonInterval?
  public var specificity: WilsonInterval?
  public var tests: [TestImage]
  /// First-layer kernels (each channels × 3 × 3) of the evaluated weights.
  public var filters: [[Float]]

  public init(
    state: SessionState, epoch: Int = 0, totalEpochs: Int, batch: Int = 0,
    batchesPerEpoch: Int, batchLosses: [Float] = [], epochs: [EpochRecord] = [],
    imagesPerSecond: Double = 0, estimatedRemaining: Double? = nil, trainCounts: [Int],
    testCounts: [Int], matrix: [[Int]]? = nil, accuracy: WilsonInterval? = nil,
    sensitivity: WilsonInterval? = nil, specificity: WilsonInterval? = nil,
    tests: [TestImage] = [], filters: [[Float]] = []
  ) {
    self.state = state
    self.epoch = epoch
    self.totalEpochs = totalEpochs
    self.batch = batch
    self.batchesPerEpoch = batchesPerEpoch
    self.batchLosses = batchLosses
    self.epochs = epochs
    self.imagesPerSecond = imagesPerSecond
    self.estimatedRemaining = estimatedRemaining
    self.trainCounts = trainCounts
    self.testCounts = testCounts
    self.matrix = matrix
    self.accuracy = accuracy
    self.sensitivity = sensitivity
    self.specificity = specificity
    self.tests = tests
    self.filters = filters
  }

  /// The values of `snapshot`; `labels` are the dataset's labels (for the test images' truth).
  public init(_ snapshot: Snapshot, labels: [Int]) {
    var tests: [TestImage] = []
    if let evaluation = snapshot.evaluation {
      let predicted = evaluation.predictions
      for (i, index) in evaluation.testIndices.enumerated() where index < labels.count {
        tests.append(
          TestImage(
            index: index, truth: labels[index], predicted: predicted[i],
            probabilities: evaluation.probabilities[i]))
      }
    }
    self.init(
      state: snapshot.state, epoch: snapshot.epoch, totalEpochs: snapshot.totalEpochs,
      batch: snapshot.batch, batchesPerEpoch: snapshot.batchesPerEpoch,
      batchLosses: snapshot.batchLosses, epochs: snapshot.epochs,
      imagesPerSecond: snapshot.imagesPerSecond, estimatedRemaining: snapshot.estimatedRemaining,
      trainCounts: snapshot.trainCounts, testCounts: snapshot.testCounts,
      matrix: snapshot.evaluation?.matrix.counts, accuracy: snapshot.evaluation?.matrix.accuracy,
      sensitivity: snapshot.evaluation?.sensitivity,
      specificity: snapshot.evaluation?.specificity, tests: tests,
      filters: snapshot.model?.firstLayerFilters ?? [])
  }

  /// True while the trainer thread is working or waiting between batches.
  public var isActive: Bool { state == .running || state == .paused }
  /// True when the matrix can be inspected (paused, finished or stopped with an evaluation).
  public var isInspectable: Bool { matrix != nil && state != .running }
}

/// What the screen knows about one experiment at a moment, copied from the controller's slot.
public struct LiveExperiment: Sendable, Equatable {
  /// Fraction of the images generated, while generating.
  public var preparing: Double?
  public var hasData: Bool
  public var dataDescription: String
  /// Images per class (from the data once it exists, else from the definition).
  public var classCounts: [Int]
  public var config: TrainingConfig
  public var overrides: TrainingOverrides
  public var run: LiveRun?
  /// The finished run's reading, written from its numbers.
  public var reading: String?
  public var pointShown: Bool?
  public var failure: String?
  /// Train and test images per class of the next (or current) run.
  public var trainCounts: [Int]?
  public var testCounts: [Int]?
  /// The first few dataset indices of each class (for the cards' thumbnail strips).
  public var classSamples: [[Int]]

  /// How many images per class the cards can show.
  public static let stripLength = 8

  public init(
    preparing: Double? = nil, hasData: Bool = false, dataDescription: String = "",
    classCounts: [Int], config: TrainingConfig, overrides: TrainingOverrides = TrainingOverrides(),
    run: LiveRun? = nil, reading: String? = nil, pointShown: Bool? = nil, failure: String? = nil,
    trainCounts: [Int]? = nil, testCounts: [Int]? = nil,
    classSamples: [[Int]] = []
  ) {
    self.preparing = preparing
    self.hasData = hasData
    self.dataDescription = dataDescription
    self.classCounts = classCounts
    self.config = config
    self.overrides = overrides
    self.run = run
    self.reading = reading
    self.pointShown = pointShown
    self.failure = failure
    self.trainCounts = trainCounts
    self.testCounts = testCounts
    self.classSamples = classSamples
  }

  /// The values of `slot`.
  public init(_ slot: ExperimentSlot) {
    let labels = slot.data?.dataset.labels ?? []
    var counts = slot.experiment.classes.map(\.count)
    if let data = slot.data {
      counts = [Int](repeating: 0, count: data.classNames.count)
      for label in labels where label < counts.count { counts[label] += 1 }
    }
    let run = slot.snapshot.map { LiveRun($0, labels: labels) }
    let finished = run?.state == .finished
    var samples = [[Int]](repeating: [], count: counts.count)
    for (index, label) in labels.enumerated()
    where label < samples.count && samples[label].count < Self.stripLength {
      samples[label].append(index)
    }
    var trainCounts = run?.trainCounts
    var testCounts = run?.testCounts
    if run == nil, slot.data != nil {
      (trainCounts, testCounts) = RunPlan.splitCounts(
        classCounts: counts, testFraction: slot.config.testFraction)
    }
    self.init(
      preparing: slot.preparing, hasData: slot.data != nil,
      dataDescription: slot.dataDescription, classCounts: counts, config: slot.config,
      overrides: slot.overrides, run: run, reading: finished ? slot.result?.reading : nil,
      pointShown: finished ? slot.result?.pointShown : nil,
      failure: slot.failure.map { "\($0)" }, trainCounts: trainCounts, testCounts: testCounts,
      classSamples: samples)
  }
}
