import Dispatch
import HemoCore
import HemoTrain

/// An experiment's images, ready for the trainer: the network inputs, the labels, and where each
/// image came from.
public struct ExperimentData: Sendable {
  public let dataset: Dataset
  /// One per image, in dataset order.
  public let origins: [SampleOrigin]
  public let preprocessing: Preprocessing
  /// Files that could not be used (real data only), each one line.
  public var problems: [HemoError]
  /// Images that only ever test: fresh patients drawn beyond each class's count
  /// (`data.freshTestPerClass` or `data.freshTestCounts`). Empty for real data.
  public var freshTest: [Int] = []

  /// The train/test split for `seed`: the usual stratified split of the class images, with the
  /// fresh test images added to the test side; nil when there are none (the trainer's default).
  public func split(seed: UInt64, testFraction: Double) -> StratifiedSplit? {
    guard !freshTest.isEmpty else { return nil }
    let fresh = Set(freshTest)
    let regular = dataset.labels.indices.filter { !fresh.contains($0) }
    let inner = StratifiedSplit(
      labels: regular.map { dataset.labels[$0] }, testFraction: testFraction, seed: seed)
    return StratifiedSplit(
      train: inner.train.map { regular[$0] }, test: inner.test.map { regular[$0] } + freshTest)
  }

  public var classNames: [String] { dataset.classNames }

  /// The full-resolution sample of image `index`.
  public func sample(_ index: Int) -> Sample {
    origins[index].sample(label: dataset.labels[index])
  }

  /// Generates the experiment's synthetic slices (deterministic in the definition's generator
  /// seed), preprocessing each as it is made so only the small network inputs stay in memory.
  /// `progress` receives the fraction done, from the calling thread. `population`, `seed` and
  /// `counts` (images per class) and `preprocessing` replace the definition's (for an external
  /// test set).
  public static func synthetic(
    _ experiment: ExperimentDefinition, population: PhantomPopulation? = nil,
    seed: UInt64? = nil, counts: [Int]? = nil, preprocessing: Preprocessing? = nil,
    threads: Int = 2, progress: (Double) -> Void = { _ in }
  ) -> ExperimentData {
    let preprocessing = preprocessing ?? experiment.preprocessing
    let size = experiment.data.sliceSize ?? 256
    let seed = seed ?? experiment.data.generatorSeed
    let population = population ?? experiment.population
    var origins: [SampleOrigin] = []
    var labels: [Int] = []
    var freshTest: [Int] = []
    for (classIndex, item) in experiment.classes.enumerated() {
      let fresh = counts == nil ? experiment.data.freshTest(classIndex: classIndex) : 0
      let count = counts?[classIndex] ?? item.count
      for image in 0..<(count + fresh) {
        if image >= count { freshTest.append(origins.count) }
        // Each class draws from its own index range, so adding images to one class never
        // changes another class's images.
        origins.append(
          .phantom(
            seed: seed, index: classIndex * 1_000_000 + image, request: item.draw.hemorrhageRequest,
            size: size, population: population))
        labels.append(classIndex)
      }
    }
    let allOrigins = origins
    let allLabels = labels
    let inputs = preprocessAll(
      origins.count, preprocessing: preprocessing, threads: threads, progress: progress
    ) { index in
      allOrigins[index].sample(label: allLabels[index]).pixels
    }
    let shape = TensorShape(
      channels: preprocessing.channels, height: preprocessing.inputSize,
      width: preprocessing.inputSize)
    return ExperimentData(
      dataset: Dataset(
        shape: shape, classNames: experiment.classes.map(\.name), images: inputs, labels: labels),
      origins: origins, preprocessing: preprocessing, problems: [], freshTest: freshTest)
  }

  /// Wraps real samples (a .tm project, a data folder) with the given preprocessing.
  public static func real(
    _ samples: SampleSet, preprocessing: Preprocessing, problems: [HemoError] = [],
    threads: Int = 2,
    progress: (Double) -> Void = { _ in }
  ) -> ExperimentData {
    let inputs = preprocessAll(
      samples.samples.count, preprocessing: preprocessing, threads: threads, progress: progress
    ) {
      samples.samples[$0].pixels
    }
    let shape = TensorShape(
      channels: preprocessing.channels, height: preprocessing.inputSize,
      width: preprocessing.inputSize)
    return ExperimentData(
      dataset: Dataset(
        shape: shape, classNames: samples.classNames, images: inputs,
        labels: samples.samples.map(\.label)),
      origins: samples.samples.map { .stored($0) }, preprocessing: preprocessing, problems: problems
    )
  }

  /// Preprocesses `count` images on up to `threads` threads into one contiguous buffer.
  private static func preprocessAll(
    _ count: Int, preprocessing: Preprocessing, threads: Int, progress: (Double) -> Void,
    pixels: @escaping @Sendable (Int) -> SamplePixels
  ) -> [Float] {
    let stride = preprocessing.valuesPerSample
    var inputs = [Float](repeating: 0, count: count * stride)
    let chunk = 64
    let chunks = (count + chunk - 1) / chunk
    let workers = max(1, min(threads, 8))
    inputs.withUnsafeMutableBufferPointer { buffer in
      let target = SendableBuffer(buffer)
      var next = 0
      while next < chunks {
        // A batch of chunks per round lets the caller report progress between rounds.
        let round = min(chunks - next, workers * 4)
        let first = next
        DispatchQueue.concurrentPerform(iterations: round) { offset in
          let start = (first + offset) * chunk
          for index in start..<min(count, start + chunk) {
            let input = preprocessing.input(pixels(index))
            target.write(input, at: index * stride)
          }
        }
        next += round
        progress(Double(min(count, next * chunk)) / Double(max(count, 1)))
      }
    }
    return inputs
  }
}

/// A buffer that parallel workers fill at disjoint offsets.
private struct SendableBuffer: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Float>
  init(_ buffer: UnsafeMutableBufferPointer<Float>) { self.buffer = buffer }

  func write(_ values: [Float], at offset: Int) {
    for (index, value) in values.enumerated() { buffer[offset + index] = value }
  }
}
