import HemoCore
import HemoLesson
import HemoTrain

/// Everything the lesson screen shows, as a value. `reduce` changes it from keys; the app copies
/// the controller's live values into `live`, `history` and the image stores once per frame, and
/// carries out `effects` (train, pause, …) that `reduce` asks for.
public struct LessonState: Sendable, Equatable {
  /// The smallest screen the lesson lays out on.
  public static let minimumSize = Size(width: 80, height: 24)

  public var steps: [LessonStep]
  public var experiments: [ExperimentDefinition]
  /// 0-based index into `steps`.
  public var step: Int
  /// First visible line of the step's text pane.
  public var textScroll: Int
  public var overlay: Overlay?
  /// A one-line notice in the footer, and the tick at which it goes away.
  public var notice: String?
  public var noticeUntil: Int
  /// The chart shows accuracy per epoch instead of the loss.
  public var chartShowsAccuracy: Bool
  /// Experiments whose training is slowed down to be watchable (by id).
  public var watchable: Set<Int>
  public var gallery: GalleryState
  /// Step 1's gradient descent playground.
  public var playground: PlaygroundState
  public var inspect: InspectState?
  /// The controller's values for each experiment, by id.
  public var live: [Int: LiveExperiment]
  /// Every finished run so far.
  public var history: [RecapRow]
  /// Step 8's threshold on the latest two-class run (nil = the run's own 0.5 rule).
  public var recapCut: RecapCut? = nil
  /// Step 8's views and the background lab's status (see GeneralizeState).
  public var generalize = GeneralizeState()
  public var images: ImageStore
  /// Requests for the app to carry out (drained after each event).
  public var effects: [LessonEffect]
  public var wantsQuit: Bool
  public var ticks: Int
  /// The learner's own data (`o`): being opened, in use, or the last attempt's error; nil while
  /// the experiments use the built-in images.
  public var opening: DataOpening? = nil

  public init(
    steps: [LessonStep], experiments: [ExperimentDefinition], step: Int = 0,
    gallery: GalleryState = GalleryState()
  ) {
    self.steps = steps
    self.experiments = experiments
    self.step = min(max(0, step), max(0, steps.count - 1))
    textScroll = 0
    overlay = nil
    notice = nil
    noticeUntil = 0
    chartShowsAccuracy = false
    watchable = Set(experiments.filter { Self.defaultWatchable($0) }.map(\.id))
    self.gallery = gallery
    playground = PlaygroundState()
    inspect = nil
    live = [:]
    for experiment in experiments {
      live[experiment.id] = LiveExperiment(
        classCounts: experiment.classes.map(\.count), config: experiment.trainingConfig())
    }
    history = []
    images = ImageStore()
    effects = []
    wantsQuit = false
    ticks = 0
  }

  /// Small experiments train slowly enough to watch (about five seconds or more).
  static func defaultWatchable(_ experiment: ExperimentDefinition) -> Bool {
    Pacing.lessonDelay(for: experiment.trainingConfig(), images: experiment.classes.map(\.count))
      != nil
  }

  public var currentStep: LessonStep? { steps.indices.contains(step) ? steps[step] : nil }

  /// The experiment shown by the current step, if it is an experiment step.
  public var currentExperiment: ExperimentDefinition? {
    guard case .experiment(let id) = currentStep?.kind else { return nil }
    return experiments.first { $0.id == id }
  }

  /// The live values of the current experiment.
  public var currentLive: LiveExperiment? { currentExperiment.flatMap { live[$0.id] } }

  /// The pause after each batch for experiment `id` at its current speed; nil at full speed.
  public func pacingDelay(_ id: Int) -> Double? {
    guard watchable.contains(id), let live = live[id] else { return nil }
    return Pacing.lessonDelay(for: live.config, images: live.classCounts) ?? 0.02
  }

  /// True while any experiment's trainer is running or paused mid-run.
  public var isTraining: Bool { live.values.contains { $0.run?.isActive == true } }
}

/// A modal layer over the screen.
public enum Overlay: Sendable, Equatable {
  case help(scroll: Int)
  case quitConfirm
  case settings(SettingsForm)
  /// The path modal (`o`; `o` in inspect's preview).
  case path(PathPrompt)
}

/// One finished run, for the recap table of step 8.
public struct RecapRow: Sendable, Equatable {
  public var experiment: Int
  public var title: String
  public var seed: UInt64
  public var epochs: Int
  public var classWeighting: Bool
  public var accuracy: ExperimentResult.Interval
  public var sensitivity: ExperimentResult.Interval?
  public var specificity: ExperimentResult.Interval?
  public var pointShown: Bool?
  /// Two-class runs: the scores behind the ROC curve of step 8.
  public var curve: RecapCurve?

  public init(_ result: ExperimentResult) {
    experiment = result.experiment
    title = result.title
    seed = result.settings.seed
    epochs = result.settings.epochs
    classWeighting = result.settings.classWeighting
    accuracy = result.accuracy
    sensitivity = result.sensitivity
    specificity = result.specificity
    pointShown = result.pointShown
    curve = RecapCurve(result)
  }
}

/// What the lesson asks the app to do (the reducer never touches the controller itself).
public enum LessonEffect: Sendable, Equatable {
  case prepare(Int)
  case train(Int, watchable: Bool)
  case pause(Int)
  case resume(Int)
  case stepBatch(Int)
  case stepEpoch(Int)
  case stop(Int)
  case setWatchable(Int, Bool)
  case setOverrides(Int, TrainingOverrides)
  /// Stop every session (quitting).
  case stopAll
  /// Step 8: start a background computation, or stop it.
  case generalize(GeneralizationTask)
  case cancelGeneralization
  /// Open the learner's own data at `path` for the experiments, experiment `first` first.
  case openData(path: String, first: Int?)
  /// Back to the built-in synthetic images.
  case useBuiltInData
  /// Complete the path modal's text (it needs the file system).
  case completePath
}

extension Pacing {
  /// The delay after each batch that makes a run of `config` on `images` last about five
  /// seconds, or nil when it takes that long anyway at full speed (big experiments).
  public static func lessonDelay(for config: TrainingConfig, images: [Int]) -> Double? {
    let batches = Double(RunPlan.totalBatches(classCounts: images, config: config))
    guard batches > 0 else { return nil }
    let delay = min(0.1, 5.0 / batches)
    return delay >= 0.01 ? delay : nil
  }
}
