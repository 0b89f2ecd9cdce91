import Testing

@testable import HemoTrain

/// `Snapshot.fractionDone`, the one progress measure the command line and the lesson share.
@Suite struct SnapshotProgressTests {
  func snapshot(_ state: SessionState, epoch: Int, batch: Int) -> Snapshot {
    Snapshot(
      state: state, epoch: epoch, totalEpochs: 4, batch: batch, batchesPerEpoch: 10,
      imagesSeen: 0, batchLosses: [], epochs: [], evaluation: nil, imagesPerSecond: 0, elapsed: 0,
      estimatedRemaining: nil, trainCounts: [], testCounts: [], model: nil)
  }

  @Test func countsBatchesOfEveryEpoch() {
    #expect(snapshot(.idle, epoch: 0, batch: 0).fractionDone == 0)
    #expect(snapshot(.running, epoch: 1, batch: 5).fractionDone == 5.0 / 40)
    #expect(snapshot(.running, epoch: 2, batch: 5).fractionDone == 15.0 / 40)
    #expect(snapshot(.stopped, epoch: 3, batch: 10).fractionDone == 30.0 / 40)
  }

  @Test func finishedIsWhole() {
    #expect(snapshot(.finished, epoch: 4, batch: 10).fractionDone == 1)
    #expect(snapshot(.finished, epoch: 2, batch: 3).fractionDone == 1)
  }
}
