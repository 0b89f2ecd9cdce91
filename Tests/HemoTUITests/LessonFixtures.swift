import HemoCore
import HemoLesson
import HemoTrain

@testable import HemoTUI

/// Lesson states built by hand for golden screens and reducer tests (no threads, no timing).
enum LessonFixtures {
  static func state(step: Int) throws -> LessonState {
    LessonState(
      steps: try LessonStep.builtIn(), experiments: try ExperimentCatalog.builtIn().experiments,
      step: step)
  }

  /// A CT-like head: air, skull ring, brain, and a bright bleed when `blood`.
  static func sample(size: Int = 32, blood: Bool) -> Sample {
    var image = HUImage(width: size, height: size)
    var mask = PixelMask(width: size, height: size)
    let c = Double(size - 1) / 2
    for y in 0..<size {
      for x in 0..<size {
        let r =
          ((Double(x) - c) * (Double(x) - c) + (Double(y) - c) * (Double(y) - c))
          .squareRoot() / (Double(size) / 2)
        var hu: Float = -1000
        if r < 0.8 { hu = 35 }
        if r >= 0.8 && r < 0.95 { hu = 1200 }
        let bx = Double(x) - c * 1.4
        let by = Double(y) - c * 0.8
        if blood, (bx * bx + by * by).squareRoot() < Double(size) / 8 {
          hu = 70
          mask.bits[y * size + x] = true
        }
        image.pixels[y * size + x] = hu
      }
    }
    let labels = blood ? HemorrhageLabels([.subdural]) : HemorrhageLabels.normal
    return Sample(
      pixels: .hounsfield(image), label: blood ? 1 : 0, source: "test", hemorrhage: labels,
      bloodMask: mask)
  }

  /// Step 2 with every gallery thumbnail and the selected sample present.
  static func gallery() throws -> LessonState {
    var state = try state(step: 1)
    state.gallery.selection = 13
    for i in 0..<GalleryState.count {
      let blood = i >= GalleryState.perClass
      let s = sample(blood: blood)
      state.images.thumbnails[.gallery(i)] = Preprocessing().display(s.pixels)
      if i == 13 { state.images.samples[.gallery(i)] = s }
    }
    return state
  }

  /// Experiment 2's test set: 5 hemorrhages then 150 normals (dataset indices 1000…).
  static let testLabels: [Int] = Array(repeating: 0, count: 5) + Array(repeating: 1, count: 150)

  /// A snapshot of experiment 2 built by hand: `epochs` epochs done of 8, the model calling
  /// `found` of the 5 hemorrhages and all but `falseAlarms` normals correctly.
  static func snapshot(
    state: SessionState, epoch: Int, batch: Int, found: Int, falseAlarms: Int
  ) -> Snapshot {
    var probabilities: [[Float]] = []
    for (i, label) in testLabels.enumerated() {
      let right = label == 0 ? i < found : i - 5 >= falseAlarms
      let p: Float = right ? 0.9 : 0.3
      probabilities.append(label == 0 ? [p, 1 - p] : [1 - p, p])
    }
    let indices = testLabels.indices.map { $0 < 5 ? $0 : 1000 + $0 }
    let evaluation = Evaluation(
      classNames: ["Hemorrhage", "Normal"], testIndices: indices, labels: testLabels,
      probabilities: probabilities, positiveClass: 0)
    let done = state == .finished ? 8 : epoch - 1
    var records: [EpochRecord] = []
    for e in 0..<done {
      let n = Double(e + 1)
      let trainAccuracy: Double = 0.95 + Double(e) * 0.005
      let testLoss: Double = 0.3 / n + 0.05
      records.append(
        EpochRecord(
          epoch: e + 1, trainLoss: 0.4 / n, trainAccuracy: trainAccuracy, testLoss: testLoss,
          testAccuracy: 0.96))
    }
    var losses: [Float] = []
    for i in 0..<(done * 55 + batch) { losses.append(Float(0.7 / (1 + Double(i) / 20))) }
    return Snapshot(
      state: state, epoch: epoch, totalEpochs: 8, batch: batch, batchesPerEpoch: 55,
      imagesSeen: losses.count * 16, batchLosses: losses, epochs: records,
      evaluation: evaluation, imagesPerSecond: 412, elapsed: 12,
      estimatedRemaining: state == .finished ? 0 : 21, trainCounts: [25, 850],
      testCounts: [5, 150], model: nil)
  }

  /// Experiment 2's step with a run in `snapshot`.
  static func experiment2(_ snapshot: Snapshot, reading: String? = nil) throws -> LessonState {
    var state = try state(step: 3)
    let labels = (0..<1030).map { $0 < 30 ? 0 : 1 }
    var live = state.live[2]!
    live.hasData = true
    live.classCounts = [30, 1000]
    live.run = LiveRun(snapshot, labels: labels)
    live.trainCounts = snapshot.trainCounts
    live.testCounts = snapshot.testCounts
    live.reading = reading
    state.live[2] = live
    state.watchable = []
    return state
  }
}
