import HemoCore
import HemoTrain

/// What to train: an experiment, its images, and the learner's or the command line's changes.
/// A new run option (a backbone, say) is a field here, read in `RunPlan`.
public struct RunRequest: Sendable {
  public var experiment: ExperimentDefinition
  public var data: ExperimentData
  /// Where the images come from, for a person.
  public var dataDescription: String
  public var overrides: TrainingOverrides
  /// The training and test images, when the caller fixes them (the learning curve's nested
  /// sets); nil takes the experiment's stratified split for the run's seed.
  public var split: StratifiedSplit?
  /// Names the experiment in error messages ("experiment 3", a file path).
  public var file: String

  public init(
    _ experiment: ExperimentDefinition, data: ExperimentData, dataDescription: String,
    overrides: TrainingOverrides = TrainingOverrides(), split: StratifiedSplit? = nil,
    file: String? = nil
  ) {
    self.experiment = experiment
    self.data = data
    self.dataDescription = dataDescription
    self.overrides = overrides
    self.split = split
    self.file = file ?? "experiment \(experiment.id)"
  }
}
