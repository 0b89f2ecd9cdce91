import Foundation
import HemoCore

/// The epoch loop shared by `TrainingSession` and `train(dataset:network:config:split:progress:)`:
/// seeded batch order (with optional oversampling), class weights, optional augmentation of each
/// batch, per-batch steps, evaluation of the test set, and snapshots. Owned by one thread.
final class TrainingRun {
  let dataset: Dataset
  let network: NetworkSpec
  let config: TrainingConfig
  let split: StratifiedSplit
  let plan: NetworkPlan
  let engine: Engine
  let optimizer: Optimizer
  let classWeights: [Float]?
  let trainCounts: [Int]
  let testCounts: [Int]
  let imagesPerEpoch: Int
  let batchesPerEpoch: Int

  private(set) var epoch = 0
  private(set) var batchInEpoch = 0
  private(set) var imagesSeen = 0
  private(set) var batchLosses: [Float] = []
  private(set) var records: [EpochRecord] = []
  private(set) var evaluation: Evaluation?
  private(set) var model: Model?
  private var evaluatedAt = -1
  private var order: [Int] = []
  private var epochLoss = 0.0
  private var epochCorrect = 0
  private var epochImages = 0
  private var trainSeconds = 0.0
  /// The batch's mirrored and shifted images when `config.augmentation` is on.
  private var augmented: [Float] = []
  /// A frozen backbone's features of every image, when no shift is drawn (built on first use).
  private var frozenFeatures: FrozenFeatures?
  private var usesFrozenFeatures: Bool {
    config.transfer?.frozen == true && config.augmentation.maxShift == 0
  }
  private(set) var elapsed = 0.0

  init(dataset: Dataset, network: NetworkSpec, config: TrainingConfig, split: StratifiedSplit?) {
    let network = config.transfer?.network(for: network) ?? network
    let plan: NetworkPlan
    do {
      plan = try NetworkPlan(
        network: network, input: dataset.shape, classes: dataset.classNames.count)
    } catch {
      preconditionFailure("invalid network (check it with NetworkSpec.validate): \(error)")
    }
    var config = config
    config.batchSize = max(1, config.batchSize)
    config.epochs = max(0, config.epochs)
    config.threads = min(max(config.threads, 1), 2)
    let split =
      split
      ?? StratifiedSplit(
        labels: dataset.labels, testFraction: config.testFraction, seed: config.seed)
    self.dataset = dataset
    self.network = network
    self.config = config
    self.split = split
    self.plan = plan
    let classes = dataset.classNames.count
    var trainCounts = [Int](repeating: 0, count: classes)
    for i in split.train { trainCounts[dataset.labels[i]] += 1 }
    var testCounts = [Int](repeating: 0, count: classes)
    for i in split.test { testCounts[dataset.labels[i]] += 1 }
    self.trainCounts = trainCounts
    self.testCounts = testCounts
    let present = trainCounts.filter { $0 > 0 }
    if config.classWeighting, !present.isEmpty {
      let total = Float(split.train.count)
      classWeights = trainCounts.map { $0 > 0 ? total / (Float(present.count) * Float($0)) : 0 }
    } else {
      classWeights = nil
    }
    imagesPerEpoch = config.imagesPerEpoch(trainCounts: trainCounts)
    batchesPerEpoch = config.batchesPerEpoch(trainCounts: trainCounts)
    var parameters = plan.initialParameters(seed: config.seed, outputScale: config.outputInitScale)
    var frozenStages = 0
    if let transfer = config.transfer {
      do {
        try plan.load(backbone: transfer.backbone, into: &parameters)
      } catch {
        preconditionFailure("backbone does not fit (check it with NetworkSpec.validate): \(error)")
      }
      frozenStages = transfer.frozen ? transfer.backbone.stages.count : 0
    }
    engine = Engine(
      plan: plan, capacity: config.batchSize, threads: config.threads, parameters: parameters,
      frozenStages: frozenStages)
    optimizer = Optimizer(
      kind: config.optimizer, learningRate: config.learningRate, count: plan.parameterCount)
  }

  var isFinished: Bool {
    batchesPerEpoch == 0 || (epoch >= config.epochs && batchInEpoch == batchesPerEpoch)
  }

  /// Trains one batch (starting a new epoch when needed); at an epoch's end also evaluates the
  /// test set and records the epoch. Returns true when this batch ended an epoch.
  @discardableResult
  func runBatch() -> Bool {
    precondition(!isFinished)
    let start = DispatchTime.now().uptimeNanoseconds
    defer { elapsed += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    if epoch == 0 || batchInEpoch == batchesPerEpoch {
      epoch += 1
      batchInEpoch = 0
      order = epochOrder(epoch)
      (epochLoss, epochCorrect, epochImages) = (0, 0, 0)
    }
    optimizer.learningRate = config.learningRate(
      epoch: epoch, batch: batchInEpoch, batches: batchesPerEpoch)
    let lower = batchInEpoch * config.batchSize
    let indices = Array(order[lower..<min(lower + config.batchSize, order.count)])
    let labels = indices.map { dataset.labels[$0] }
    let stepStart = DispatchTime.now().uptimeNanoseconds
    let (loss, correct) =
      usesFrozenFeatures
      ? frozenStep(indices: indices, labels: labels)
      : config.augmentation.isActive
        ? augmentedStep(indices: indices, labels: labels)
        : plainStep(indices: indices, labels: labels)
    trainSeconds += Double(DispatchTime.now().uptimeNanoseconds - stepStart) / 1e9
    batchLosses.append(Float(loss))
    epochLoss += loss * Double(indices.count)
    epochCorrect += correct
    epochImages += indices.count
    imagesSeen += indices.count
    batchInEpoch += 1
    guard batchInEpoch == batchesPerEpoch else { return false }
    evaluate()
    let test = evaluation!
    records.append(
      EpochRecord(
        epoch: epoch, trainLoss: epochLoss / Double(epochImages),
        trainAccuracy: Double(epochCorrect) / Double(epochImages), testLoss: test.loss,
        testAccuracy: test.matrix.accuracy.estimate))
    return true
  }

  /// One training step on the images `indices` as they are.
  private func plainStep(indices: [Int], labels: [Int]) -> (loss: Double, correct: Int) {
    dataset.images.withUnsafeBufferPointer { images in
      indices.withUnsafeBufferPointer { indices in
        labels.withUnsafeBufferPointer { labels in
          engine.trainStep(
            images: images.baseAddress!, indices: indices, labels: labels,
            classWeights: classWeights, optimizer: optimizer)
        }
      }
    }
  }

  /// The frozen backbone's features, computed on first use.
  private func cachedFeatures() -> FrozenFeatures {
    if let frozenFeatures { return frozenFeatures }
    let cache = FrozenFeatures(
      engine: engine, dataset: dataset, mirrored: config.augmentation.mirror)
    frozenFeatures = cache
    return cache
  }

  /// One training step of the head on cached features; the mirror draws are the ones
  /// `augmentedStep` would make, so both paths see the same images.
  private func frozenStep(indices: [Int], labels: [Int]) -> (loss: Double, correct: Int) {
    let cache = cachedFeatures()
    var rows = indices
    if config.augmentation.mirror {
      var rng = SeededRNG(
        seed: config.seed, stream: 0xA6_0000_0000 &+ UInt64(epoch) << 20 &+ UInt64(batchInEpoch))
      for slot in rows.indices {
        let flip = rng.chance(0.5)
        _ = rng.integer(in: 0...0)
        _ = rng.integer(in: 0...0)
        if flip { rows[slot] += cache.count }
      }
    }
    cache.load(rows, into: engine)
    return labels.withUnsafeBufferPointer {
      engine.stepFromFeatures(labels: $0, classWeights: classWeights, optimizer: optimizer)
    }
  }

  /// One training step on mirrored and shifted copies of the images `indices`. The draws come
  /// from a stream of the seed, epoch and batch, so they do not depend on the thread count.
  private func augmentedStep(indices: [Int], labels: [Int]) -> (loss: Double, correct: Int) {
    let size = dataset.shape.count
    if augmented.count < config.batchSize * size {
      augmented = [Float](repeating: 0, count: config.batchSize * size)
    }
    var rng = SeededRNG(
      seed: config.seed, stream: 0xA6_0000_0000 &+ UInt64(epoch) << 20 &+ UInt64(batchInEpoch))
    let slots = Array(0..<indices.count)
    return dataset.images.withUnsafeBufferPointer { images in
      augmented.withUnsafeMutableBufferPointer { target in
        indices.withUnsafeBufferPointer { indices in
          config.augmentation.apply(
            images: images.baseAddress!, indices: indices, shape: dataset.shape,
            into: target.baseAddress!, rng: &rng)
        }
        return slots.withUnsafeBufferPointer { slots in
          labels.withUnsafeBufferPointer { labels in
            engine.trainStep(
              images: UnsafePointer(target.baseAddress!), indices: slots, labels: labels,
              classWeights: classWeights, optimizer: optimizer)
          }
        }
      }
    }
  }

  /// Evaluates the test set under the current weights (once per weight state).
  func evaluate() {
    guard evaluatedAt != imagesSeen || evaluation == nil else { return }
    let probabilities =
      usesFrozenFeatures
      ? engine.predict(cache: cachedFeatures(), rows: split.test)
      : dataset.images.withUnsafeBufferPointer {
        engine.predict(images: $0.baseAddress!, indices: split.test)
      }
    evaluation = Evaluation(
      classNames: dataset.classNames, testIndices: split.test,
      labels: split.test.map { dataset.labels[$0] }, probabilities: probabilities,
      positiveClass: config.positiveClass)
    model = Model(
      network: network, input: dataset.shape, classNames: dataset.classNames,
      metadata: [
        "seed": "\(config.seed)",
        "epochs": "\(records.count + (batchInEpoch == batchesPerEpoch ? 1 : 0))",
        "images_seen": "\(imagesSeen)",
      ],
      parameters: engine.parameterArray)
    evaluatedAt = imagesSeen
  }

  func snapshot(state: SessionState) -> Snapshot {
    let rate = trainSeconds > 0 ? Double(imagesSeen) / trainSeconds : 0
    let planned = imagesPerEpoch * config.epochs
    let remaining = rate > 0 ? Double(max(planned - imagesSeen, 0)) / rate : nil
    return Snapshot(
      state: state, epoch: epoch, totalEpochs: config.epochs, batch: batchInEpoch,
      batchesPerEpoch: batchesPerEpoch, imagesSeen: imagesSeen, batchLosses: batchLosses,
      epochs: records, evaluation: evaluation, imagesPerSecond: rate, elapsed: elapsed,
      estimatedRemaining: remaining, trainCounts: trainCounts, testCounts: testCounts, model: model)
  }

  /// This epoch's training indices: oversampled if asked, shuffled with a per-epoch stream.
  private func epochOrder(_ epoch: Int) -> [Int] {
    var rng = SeededRNG(seed: config.seed, stream: 0xE0_0000 + UInt64(epoch))
    var indices = split.train
    if config.oversampling {
      var byClass = [[Int]](repeating: [], count: dataset.classNames.count)
      for i in split.train { byClass[dataset.labels[i]].append(i) }
      let target = byClass.map(\.count).max() ?? 0
      for members in byClass where !members.isEmpty {
        for _ in members.count..<target {
          indices.append(members[rng.integer(in: 0..<members.count)])
        }
      }
    }
    indices.shuffle(using: &rng)
    return indices
  }
}
