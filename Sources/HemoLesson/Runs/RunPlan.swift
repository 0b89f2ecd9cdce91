import HemoCore
import HemoTrain

/// A run decided before it trains: its settings, network, split, images per class on each side
/// and batches per epoch. The one place this arithmetic is done; the lesson, the lab, the
/// learning curve and the command line all read it from here.
public struct RunPlan: Sendable {
  public let config: TrainingConfig
  public let network: NetworkSpec
  public let split: StratifiedSplit
  public let trainCounts: [Int]
  public let testCounts: [Int]
  public let batchesPerEpoch: Int

  /// Plans `request`, or says why its network does not fit its images.
  public init(_ request: RunRequest) throws(HemoError) {
    let experiment = request.experiment
    let data = request.data
    config = experiment.trainingConfig(request.overrides)
    network = experiment.networkSpec
    do {
      try network.validate(input: data.dataset.shape, classes: data.classNames.count)
    } catch {
      throw HemoError(file: request.file, error.problem)
    }
    let labels = data.dataset.labels
    split =
      request.split
      ?? StratifiedSplit(labels: labels, testFraction: config.testFraction, seed: config.seed)
    var train = [Int](repeating: 0, count: data.classNames.count)
    var test = train
    for i in split.train where labels[i] < train.count { train[labels[i]] += 1 }
    for i in split.test where labels[i] < test.count { test[labels[i]] += 1 }
    trainCounts = train
    testCounts = test
    batchesPerEpoch = config.batchesPerEpoch(trainCounts: train)
  }

  /// The images per class each side of the stratified split gets, from the class sizes alone
  /// (before the images exist): `ceil(testFraction × n)` of each class is held out.
  public static func splitCounts(classCounts: [Int], testFraction: Double) -> (
    train: [Int], test: [Int]
  ) {
    let test = classCounts.map { StratifiedSplit.heldOut(count: $0, testFraction: testFraction) }
    return (zip(classCounts, test).map { $0 - $1 }, test)
  }

  /// Batches a whole run of `config` trains on classes of `classCounts` images.
  public static func totalBatches(classCounts: [Int], config: TrainingConfig) -> Int {
    let train = splitCounts(classCounts: classCounts, testFraction: config.testFraction).train
    return config.batchesPerEpoch(trainCounts: train) * max(0, config.epochs)
  }
}
