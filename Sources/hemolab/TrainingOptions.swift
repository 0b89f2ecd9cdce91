import ArgumentParser
import HemoLesson
import HemoTrain

extension BackboneMode: ExpressibleByArgument {}

/// The training settings a user may override on the command line.
struct TrainingOptions: ParsableArguments {
  @Option(help: "Seed for the split, starting weights and batch order (same seed, same numbers).")
  var seed: UInt64?

  @Option(help: "Number of passes over the training images.")
  var epochs: Int?

  @Option(name: .customLong("lr"), help: "Learning rate (step size of gradient descent).")
  var learningRate: Float?

  @Option(help: "Images per training step.")
  var batch: Int?

  @Option(help: "Compute threads: 1 or 2.")
  var threads: Int?

  @Flag(
    name: .customLong("class-weights"), inversion: .prefixedNo,
    help: "Weight each class's errors by the inverse of its frequency (the remedy for imbalance).")
  var classWeights: Bool?

  @Option(
    help: ArgumentHelp(
      "Start from the pretrained backbone: scratch, frozen (only the head trains) or finetune.",
      valueName: "scratch|frozen|finetune"))
  var backbone: BackboneMode?

  func validate() throws {
    if let epochs, !(1...1000).contains(epochs) { throw ValidationError("--epochs must be 1…1000") }
    if let batch, !(1...1024).contains(batch) { throw ValidationError("--batch must be 1…1024") }
    if let learningRate, !(learningRate > 0 && learningRate < 10) {
      throw ValidationError("--lr must be between 0 and 10")
    }
    if let threads, !(1...2).contains(threads) { throw ValidationError("--threads must be 1 or 2") }
  }

  var overrides: TrainingOverrides {
    TrainingOverrides(
      seed: seed, epochs: epochs, learningRate: learningRate, batchSize: batch, threads: threads,
      classWeighting: classWeights, backbone: backbone)
  }
}
