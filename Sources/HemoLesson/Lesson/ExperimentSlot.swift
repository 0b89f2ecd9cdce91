import HemoCore
import HemoTrain

/// What the lesson knows about one experiment step at a moment: its data (once generated), its
/// settings, the training session (if one was started) and the last finished result.
public struct ExperimentSlot: Sendable {
  /// The experiment (its classes follow the learner's own data when that is in use).
  public internal(set) var experiment: ExperimentDefinition
  /// The images, once ready.
  public var data: ExperimentData?
  /// Where the images come from, for a person.
  public var dataDescription: String
  /// Fraction of the images generated so far, while generating.
  public var preparing: Double?
  /// Settings the learner changed (nil fields keep the experiment file's values).
  public var overrides: TrainingOverrides
  /// The current or last training session.
  public var session: TrainingSession?
  /// Results of this experiment's finished runs, oldest first.
  public var results: [ExperimentResult]
  /// Why the last action failed, when it did.
  public var failure: HemoError?
  /// Start training as soon as the data is ready, at this pace.
  var trainWhenReady: Pacing?

  init(experiment: ExperimentDefinition) {
    self.experiment = experiment
    dataDescription = ExperimentRunner.describeSynthetic(experiment)
    overrides = TrainingOverrides()
    results = []
    trainWhenReady = nil
  }

  /// The settings a new run would use.
  public var config: TrainingConfig { experiment.trainingConfig(overrides) }

  /// The latest snapshot of the current session, if any.
  public var snapshot: Snapshot? { session?.snapshot }

  /// The latest finished result.
  public var result: ExperimentResult? { results.last }
}
