/// Samples loaded from a data source, with the problems met on the way (files skipped, classes
/// short of the requested count). Each problem is one line naming the file.
public struct DataSourceResult: Sendable {
  public var samples: SampleSet
  public var problems: [HemoError]

  public init(samples: SampleSet, problems: [HemoError] = []) {
    self.samples = samples
    self.problems = problems
  }
}
