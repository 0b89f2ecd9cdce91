import ArgumentParser

/// `hemolab run` options for lesson step 8: several seeds, or an external test set.
struct GeneralizationOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Train the experiment this many times (seeds --seed, --seed+1, …) on the same images and show how much the result moves.",
      valueName: "n"))
  var seeds: Int?

  @Flag(
    help:
      "Also test the trained model on images from \"another hospital\" (another scanner, older patients)."
  )
  var external = false

  @Option(
    name: .customLong("external-count"),
    help: ArgumentHelp(
      "Number of external images, split in the experiment's class proportions.", valueName: "n"))
  var externalCount: Int = 300

  var isRequested: Bool { seeds != nil || external }

  func validate() throws {
    if let seeds, !(1...50).contains(seeds) { throw ValidationError("--seeds must be 1…50") }
    if !(10...5000).contains(externalCount) {
      throw ValidationError("--external-count must be 10…5000")
    }
    if seeds != nil && external {
      throw ValidationError("use --seeds or --external, not both in one run")
    }
  }
}
