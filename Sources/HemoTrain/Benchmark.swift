import Foundation
import HemoCore

/// Training throughput of the benchmark network on random data, measured as
/// `shared/bench/torch_reference.py` measures PyTorch: 20 warm-up steps, then the best of
/// `repeats` timed runs of `steps` batches of 16 (Adam, lr 1e-3, two classes).
public enum TrainingBenchmark {
  /// The outcome of one benchmark.
  public struct Result: Sendable {
    public let imagesPerSecond: Double
    public let parameterCount: Int
    public let secondsPerRun: [Double]
    /// Process CPU seconds of the fastest run (on a busy machine, wall time also counts the
    /// time other programs held the core; CPU time does not).
    public let cpuSecondsPerRun: [Double]
  }

  private static func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  public static func run(
    size: Int, channels: Int, threads: Int, steps: Int = 125, repeats: Int = 3,
    images: Int = 2000
  ) throws(HemoError) -> Result {
    let shape = TensorShape(channels: channels, height: size, width: size)
    let plan = try NetworkPlan(network: .benchmark(classes: 2), input: shape, classes: 2)
    var rng = SeededRNG(seed: 0)
    let pixels = (0..<(images * shape.count)).map { _ in Float(rng.normal()) }
    let labels = (0..<images).map { _ in rng.integer(in: 0..<2) }
    let batch = 16
    let engine = Engine(
      plan: plan, capacity: batch, threads: threads, parameters: plan.initialParameters(seed: 0))
    let optimizer = Optimizer(kind: .adam, learningRate: 1e-3, count: plan.parameterCount)
    func step(_ i: Int) {
      let start = (i * batch) % images
      let indices = Array(start..<min(start + batch, images))
      let batchLabels = indices.map { labels[$0] }
      pixels.withUnsafeBufferPointer { pixels in
        indices.withUnsafeBufferPointer { indices in
          batchLabels.withUnsafeBufferPointer { batchLabels in
            _ = engine.trainStep(
              images: pixels.baseAddress!, indices: indices, labels: batchLabels,
              classWeights: nil, optimizer: optimizer)
          }
        }
      }
    }
    for i in 0..<20 { step(i) }
    var seconds: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<max(repeats, 1) {
      let start = DispatchTime.now().uptimeNanoseconds
      let cpuStart = cpuSeconds()
      for i in 0..<steps { step(i) }
      seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      cpu.append(cpuSeconds() - cpuStart)
    }
    return Result(
      imagesPerSecond: Double(steps * batch) / seconds.min()!, parameterCount: plan.parameterCount,
      secondsPerRun: seconds, cpuSecondsPerRun: cpu)
  }
}
