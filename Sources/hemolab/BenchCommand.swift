import ArgumentParser
import Foundation
import HemoCore
import HemoTrain

/// `hemolab bench`: how fast this computer trains the benchmark network.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure how many images per second this computer trains.",
    discussion: """
      Trains the benchmark network (three 3×3 convolution blocks with 8, 16 and 32 filters, \
      then 64 dense units and 2 classes; batch 16, Adam) on random images and prints the speed. \
      The same network in PyTorch is in shared/bench/torch_reference.py for comparison.

      Examples:
        hemolab bench --threads 1 --size 64 --channels 1
        hemolab bench --lesson --threads 2      time the five experiments
        hemolab bench --saliency                time one saliency map of each method
      """
  )

  @Option(help: "Compute threads: 1 or 2.")
  var threads = 1

  @Option(help: "Image side in pixels (divisible by 8).")
  var size = 64

  @Option(help: "Image channels: 1 (grey) or 3 (colour).")
  var channels = 1

  @Option(help: "Batches per timed run.")
  var steps = 125

  @Flag(help: "Time the five experiments of the lesson at their default settings instead.")
  var lesson = false

  @Flag(help: "Time one saliency map of each method instead.")
  var saliency = false

  func validate() throws {
    guard (1...2).contains(threads) else { throw ValidationError("--threads must be 1 or 2") }
    guard (8...512).contains(size), size % 8 == 0 else {
      throw ValidationError("--size must be 8–512 and divisible by 8")
    }
    guard [1, 3].contains(channels) else { throw ValidationError("--channels must be 1 or 3") }
    guard (1...10_000).contains(steps) else { throw ValidationError("--steps must be 1–10000") }
  }

  func run() throws {
    if saliency {
      try SaliencyBenchmark.run(maps: steps)
      return
    }
    if lesson {
      try LessonBenchmark.run(threads: threads)
      return
    }
    let result = try TrainingBenchmark.run(
      size: size, channels: channels, threads: threads, steps: steps)
    let runs = result.secondsPerRun.map { String(format: "%.3f s", $0) }.joined(separator: ", ")
    print("benchmark network, \(result.parameterCount) parameters, batch 16, Adam; runs: \(runs)")
    let cpuRate = Double(steps * 16) / result.cpuSecondsPerRun.min()!
    print(
      "CPU time per image: \(String(format: "%.0f", 1e6 / cpuRate)) µs "
        + "(\(String(format: "%.0f", cpuRate)) img per CPU-second, all threads)")
    print(
      "hemolab threads=\(threads) input=\(channels)x\(size)x\(size) "
        + "train \(String(format: "%.0f", result.imagesPerSecond)) img/s")
  }
}
