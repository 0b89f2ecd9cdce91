import HemoCore
import HemoTrain

/// What the lesson knows about one experiment step at a moment: its data (once generated), its
/// settings, the run training now (if any) and the finished runs.
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
  /// The current or last run started from the screen.
  public var run: ActiveRun?
  /// The latest finished run's outcome (result and trained model).
  public var latest: RunOutcome?
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

  /// The latest snapshot of the current run, if any.
  public var snapshot: Snapshot? { run?.snapshot }

  /// The latest finished result.
  public var result: ExperimentResult? { results.last }

  /// The outcome of the current run, once it finished (nil while another run is newer).
  public var finishedOutcome: RunOutcome? {
    guard let latest, latest.id == run?.id else { return nil }
    return latest
  }

  /// Forgets the data and the current run (the data changed); finished results stay.
  mutating func reset(to experiment: ExperimentDefinition, description: String) {
    run?.stop()
    run = nil
    self.experiment = experiment
    data = nil
    dataDescription = description
    preparing = nil
    failure = nil
    trainWhenReady = nil
  }
}
