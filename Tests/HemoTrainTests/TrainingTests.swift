import HemoCore
import Testing

@testable import HemoTrain

/// End-to-end training: learning a separable problem, determinism, imbalance remedies.
@Suite struct TrainingTests {
  @Test(arguments: [1, 2])
  func learnsSeparableBlobs(threads: Int) {
    let data = Fixtures.blobs(count: 200)
    let config = TrainingConfig(epochs: 6, batchSize: 16, seed: 7, threads: threads)
    let (model, snapshot) = train(dataset: data, network: Fixtures.smallNetwork, config: config)
    #expect(snapshot.state == .finished)
    #expect(snapshot.epochs.count == 6)
    #expect(snapshot.testCounts == [15, 15])
    #expect(snapshot.trainCounts == [85, 85])
    let evaluation = try! #require(snapshot.evaluation)
    #expect(evaluation.matrix.total == 30)
    #expect(evaluation.matrix.accuracy.estimate >= 0.95)
    #expect(snapshot.epochs.last!.trainLoss < snapshot.epochs.first!.trainLoss)
    // The model predicts what the evaluation saw.
    let first = evaluation.testIndices[0]
    let pixels = Array(data.images[(first * 256)..<((first + 1) * 256)])
    #expect(model.predict(pixels, count: 1)[0] == evaluation.probabilities[0])
  }

  @Test func sameSeedSameThreadsIsBitIdentical() {
    let data = Fixtures.blobs(count: 120)
    for threads in [1, 2] {
      let config = TrainingConfig(epochs: 2, batchSize: 10, seed: 3, threads: threads)
      let a = train(dataset: data, network: Fixtures.smallNetwork, config: config)
      let b = train(dataset: data, network: Fixtures.smallNetwork, config: config)
      #expect(a.snapshot.batchLosses == b.snapshot.batchLosses)
      #expect(a.snapshot.epochs == b.snapshot.epochs)
      #expect(a.model.parameters == b.model.parameters)
      #expect(a.snapshot.evaluation!.probabilities == b.snapshot.evaluation!.probabilities)
      var other = config
      other.seed = 4
      let c = train(dataset: data, network: Fixtures.smallNetwork, config: other)
      #expect(c.model.parameters != a.model.parameters)
    }
  }

  @Test func oversamplingBalancesEachEpoch() {
    // 60 of class 0, 30 of class 1 → train 51 + 25; oversampled epochs have 2 × 51 images.
    let data = Fixtures.blobs(count: 60)
    var labels = data.labels
    var images = data.images
    for i in 0..<60 where labels[i] == 0 {
      labels.append(0)
      images += data.images[(i * 256)..<((i + 1) * 256)]
    }
    let skewed = Dataset(
      shape: data.shape, classNames: data.classNames, images: images, labels: labels)
    #expect(skewed.classCounts == [60, 30])
    var config = TrainingConfig(epochs: 1, batchSize: 8, seed: 2, oversampling: true)
    let run = TrainingRun(
      dataset: skewed, network: Fixtures.smallNetwork, config: config, split: nil)
    #expect(run.trainCounts == [51, 25])
    #expect(run.imagesPerEpoch == 102)
    #expect(run.batchesPerEpoch == 13)
    config.oversampling = false
    config.classWeighting = true
    let weighted = TrainingRun(
      dataset: skewed, network: Fixtures.smallNetwork, config: config, split: nil)
    #expect(weighted.imagesPerEpoch == 76)
    let w = weighted.classWeights!
    #expect(abs(w[0] - 76 / (2 * 51)) < 1e-6 && abs(w[1] - 76 / (2 * 25)) < 1e-6)
  }

  @Test func fixedSplitIsUsedAsGiven() {
    let data = Fixtures.blobs(count: 40)
    let split = StratifiedSplit(train: Array(0..<30), test: Array(30..<40))
    let (_, snapshot) = train(
      dataset: data, network: Fixtures.smallNetwork, config: TrainingConfig(epochs: 1, seed: 1),
      split: split)
    #expect(snapshot.evaluation!.testIndices == Array(30..<40))
    #expect(snapshot.imagesSeen == 30)
    #expect(snapshot.batchesPerEpoch == 2)
  }
}
