extension ExternalEvaluation {
  /// An evaluation from its two sides (the drop and the reading are computed from them).
  public init(
    experiment: Int, title: String, classes: [String], positiveClass: String?, seed: UInt64,
    externalGeneratorSeed: UInt64, externalDescription: String, internal: Side, external: Side
  ) {
    self.experiment = experiment
    self.title = title
    self.classes = classes
    self.positiveClass = positiveClass
    self.seed = seed
    self.externalGeneratorSeed = externalGeneratorSeed
    self.externalDescription = externalDescription
    self.internal = `internal`
    self.external = external
    accuracyDrop = `internal`.accuracy.estimate - external.accuracy.estimate
    reading = Self.reading(
      internal: `internal`, external: external, drop: accuracyDrop, positive: positiveClass)
  }
}
