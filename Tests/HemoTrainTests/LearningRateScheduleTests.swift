import Foundation
import Testing

@testable import HemoTrain

/// The cosine schedule with its first-epoch warm-up, value by value.
@Suite struct LearningRateScheduleTests {
  @Test func constantWithoutDecay() {
    let config = TrainingConfig(epochs: 12, learningRate: 0.001)
    for (epoch, batch) in [(1, 0), (1, 50), (6, 3), (12, 99)] {
      #expect(config.learningRate(epoch: epoch, batch: batch, batches: 100) == 0.001)
    }
    #expect(config.learningRateSchedule == nil)
  }

  @Test func warmsUpThroughTheFirstEpochThenFollowsTheCosine() {
    let config = TrainingConfig(epochs: 12, learningRate: 0.001, learningRateDecay: true)
    #expect(config.learningRateSchedule == "cosine, warm-up over epoch 1")
    // Epoch 1 ramps linearly: 1/10, 5/10, 10/10 of the rate over its 10 batches.
    #expect(abs(config.learningRate(epoch: 1, batch: 0, batches: 10) - 0.0001) < 1e-9)
    #expect(abs(config.learningRate(epoch: 1, batch: 4, batches: 10) - 0.0005) < 1e-9)
    #expect(abs(config.learningRate(epoch: 1, batch: 9, batches: 10) - 0.001) < 1e-9)
    // Epoch e of 12 trains at ½(1 + cos(π(e − 1)/12)) of the rate, the same for every batch.
    let second = Float(0.001 * 0.5 * (1 + cos(Double.pi / 12)))
    #expect(abs(config.learningRate(epoch: 2, batch: 0, batches: 10) - second) < 1e-9)
    #expect(abs(config.learningRate(epoch: 2, batch: 9, batches: 10) - second) < 1e-9)
    #expect(abs(config.learningRate(epoch: 7, batch: 3, batches: 10) - 0.0005) < 1e-9)
    let last = config.learningRate(epoch: 12, batch: 0, batches: 10)
    #expect(last > 0 && last < 0.00002)
    // One batch per epoch: nothing to warm up over.
    #expect(config.learningRate(epoch: 1, batch: 0, batches: 1) == 0.001)
  }

  @Test func aDecayedRunStillLearns() {
    let data = Fixtures.blobs(count: 200)
    let config = TrainingConfig(
      epochs: 6, batchSize: 16, seed: 7, threads: 1, learningRateDecay: true)
    let (_, snapshot) = train(dataset: data, network: Fixtures.smallNetwork, config: config)
    let evaluation = try! #require(snapshot.evaluation)
    #expect(evaluation.matrix.accuracy.estimate >= 0.95)
    #expect(snapshot.epochs.last!.trainLoss < snapshot.epochs.first!.trainLoss)
  }
}
