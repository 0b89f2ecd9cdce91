import HemoCore

/// Where one training image came from, so a viewer can show it at full resolution without
/// keeping every slice in memory: synthetic slices are regenerated from their seed and index
/// (the generator is deterministic), real ones are kept.
public enum SampleOrigin: Sendable {
  case phantom(
    seed: UInt64, index: Int, request: HemorrhageRequest, size: Int, population: PhantomPopulation)
  case stored(Sample)

  /// The full-resolution sample, with its class label.
  public func sample(label: Int) -> Sample {
    switch self {
    case .phantom(let seed, let index, let request, let size, let population):
      return PhantomGenerator(seed: seed, size: size, population: population).slice(
        index: index, hemorrhage: request
      )
      .sample(label: label)
    case .stored(let sample):
      return sample
    }
  }

  /// A short description for a person: "synthetic #12 (seed 101)" or the file name.
  public var label: String {
    switch self {
    case .phantom(let seed, let index, _, _, _): "synthetic #\(index) (seed \(seed))"
    case .stored(let sample): sample.source
    }
  }
}
