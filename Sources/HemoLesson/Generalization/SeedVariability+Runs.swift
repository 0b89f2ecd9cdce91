extension SeedVariability {
  /// Summarizes runs given as numbers (at least one), e.g. while the seeds are still coming in.
  public init(
    experiment: Int, title: String, positiveClass: String?, runs: [Run],
    comparisons: [Comparison] = []
  ) {
    precondition(!runs.isEmpty)
    self.experiment = experiment
    self.title = title
    self.positiveClass = positiveClass
    self.runs = runs
    accuracy = Spread(runs.map(\.accuracy))!
    sensitivity = Spread(runs.compactMap(\.sensitivity))
    specificity = Spread(runs.compactMap(\.specificity))
    self.comparisons = comparisons
    reading = Self.reading(
      runs: runs.count, accuracy: accuracy, sensitivity: sensitivity, specificity: specificity,
      comparisons: comparisons, positive: positiveClass)
  }
}
