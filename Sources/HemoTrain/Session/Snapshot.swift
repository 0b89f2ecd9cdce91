/// Where a training session is.
public enum SessionState: Sendable, Hashable {
  case idle, running, paused, finished, stopped
}

/// Loss and accuracy after one completed epoch. Train figures are averaged over the epoch's
/// batches (as Keras reports them); test figures use the weights at the end of the epoch (0 when
/// there is no test set).
public struct EpochRecord: Sendable, Hashable, Codable {
  public let epoch: Int
  public let trainLoss: Double
  public let trainAccuracy: Double
  public let testLoss: Double
  public let testAccuracy: Double

  public init(
    epoch: Int, trainLoss: Double, trainAccuracy: Double, testLoss: Double, testAccuracy: Double
  ) {
    self.epoch = epoch
    self.trainLoss = trainLoss
    self.trainAccuracy = trainAccuracy
    self.testLoss = testLoss
    self.testAccuracy = testAccuracy
  }
}

/// Everything a view needs about a training run at one moment; published after every batch.
///
/// `epoch` is the epoch in progress (1-based; 0 before the first batch) and `batch` the batches
/// done in it; at an epoch's end `batch == batchesPerEpoch`. Timing fields (`imagesPerSecond`,
/// `elapsed`, `estimatedRemaining`) count training time only, not pauses; all other fields are
/// reproducible from the seed.
public struct Snapshot: Sendable {
  public let state: SessionState
  public let epoch: Int
  public let totalEpochs: Int
  public let batch: Int
  public let batchesPerEpoch: Int
  public let imagesSeen: Int
  /// The loss of every training batch so far, in order.
  public let batchLosses: [Float]
  public let epochs: [EpochRecord]
  /// The test set under the weights of the latest evaluation: at each epoch end, and whenever the
  /// session pauses, stops or finishes (then under the current weights).
  public let evaluation: Evaluation?
  public let imagesPerSecond: Double
  public let elapsed: Double
  public let estimatedRemaining: Double?
  public let trainCounts: [Int]
  public let testCounts: [Int]
  /// The weights at the latest evaluation.
  public let model: Model?

  public init(
    state: SessionState, epoch: Int, totalEpochs: Int, batch: Int, batchesPerEpoch: Int,
    imagesSeen: Int, batchLosses: [Float], epochs: [EpochRecord], evaluation: Evaluation?,
    imagesPerSecond: Double, elapsed: Double, estimatedRemaining: Double?, trainCounts: [Int],
    testCounts: [Int], model: Model?
  ) {
    self.state = state
    self.epoch = epoch
    self.totalEpochs = totalEpochs
    self.batch = batch
    self.batchesPerEpoch = batchesPerEpoch
    self.imagesSeen = imagesSeen
    self.batchLosses = batchLosses
    self.epochs = epochs
    self.evaluation = evaluation
    self.imagesPerSecond = imagesPerSecond
    self.elapsed = elapsed
    self.estimatedRemaining = estimatedRemaining
    self.trainCounts = trainCounts
    self.testCounts = testCounts
    self.model = model
  }
}

extension Snapshot {
  /// How much of the planned training is done, 0…1 (1 once finished).
  public var fractionDone: Double {
    if state == .finished { return 1 }
    let total = max(1, totalEpochs * max(batchesPerEpoch, 1))
    let done = (max(epoch, 1) - 1) * batchesPerEpoch + batch
    return min(1, Double(done) / Double(total))
  }
}
