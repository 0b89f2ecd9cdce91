import ArgumentParser
import HemoLesson

/// `hemolab run` options for lesson step 8: several seeds, or an external test set.
struct GeneralizationOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Train the experiment this many times (seeds --seed, --seed+1, …) on the same images and show how much the result moves.",
      valueName: "n"))
  var seeds: Int?

  @Flag(
    help:
      "With \"all\" and --seeds N: judge every teaching point on N seeds drawn at random (from --seed if given, else the clock) and report on how many each held."
  )
  var summary = false

  @Flag(
    name: .customLong("compare-backbones"),
    help:
      "Train from scratch, from the frozen pretrained backbone and fine-tuned from it, on the same split, side by side."
  )
  var compareBackbones = false

  @Flag(
    help:
      "Also test the trained model on images from \"another hospital\" (another scanner, another patient mix)."
  )
  var external = false

  @Option(
    name: .customLong("external-count"),
    help: ArgumentHelp(
      "Number of external images, split in the experiment's class proportions.", valueName: "n"))
  var externalCount: Int = ExternalEvaluation.defaultCount

  @Flag(
    name: .customLong("learning-curve"),
    help:
      "Train on more and more of the images (--sizes per class) and test each on the same held-out images: does more data help?"
  )
  var learningCurve = false

  @Option(
    help: ArgumentHelp(
      "Training images per class for --learning-curve, comma-separated (capped at what each class has).",
      valueName: "list"))
  var sizes: String = "30,100,300,1000"

  /// The parsed --sizes.
  var sizeList: [Int] {
    sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
  }

  var isRequested: Bool { seeds != nil || external || learningCurve }

  func validate() throws {
    if let seeds, !(1...50).contains(seeds) { throw ValidationError("--seeds must be 1…50") }
    if !(10...5000).contains(externalCount) {
      throw ValidationError("--external-count must be 10…5000")
    }
    if [seeds != nil, external, learningCurve].filter({ $0 }).count > 1 {
      throw ValidationError("use one of --seeds, --external or --learning-curve in one run")
    }
    let parts = sizes.split(separator: ",")
    if parts.isEmpty || parts.count > 12 || sizeList.count != parts.count
      || !sizeList.allSatisfy({ (1...100_000).contains($0) })
    {
      throw ValidationError("--sizes takes 1–12 whole numbers 1…100000, e.g. 30,100,300,1000")
    }
  }
}
