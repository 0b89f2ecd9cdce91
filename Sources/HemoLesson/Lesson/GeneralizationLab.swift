import Foundation
import HemoCore
import HemoTrain
import Synchronization

/// Step 8's background computations: one experiment over several seeds, experiment 3's model at
/// "another hospital", class weighting against none, and a learning curve. One task at a time
/// runs on its own thread (as training does) and publishes `GeneralizationStatus` values through
/// a mutex; the screen reads them without ever waiting. It uses the lesson's own images of each
/// experiment (generating them through the controller when needed).
public final class GeneralizationLab: Sendable {
  private let published = Mutex(GeneralizationStatus())
  private let cancelled = Atomic<Bool>(false)
  private let threads: Int

  public init(threads: Int = 2) {
    self.threads = threads
  }

  /// The latest status (a brief lock).
  public var status: GeneralizationStatus { published.withLock { $0 } }

  /// Starts `task` unless one is running; returns whether it started. Training sessions of the
  /// lesson that are running are paused (two cores).
  @discardableResult
  public func start(_ task: GeneralizationTask, controller: LessonController) -> Bool {
    let started: Bool = published.withLock { status in
      guard !status.isRunning else { return false }
      status.task = task
      status.isRunning = true
      status.phase = "starting"
      status.fraction = 0
      status.elapsed = 0
      status.failure = nil
      return true
    }
    guard started else { return false }
    cancelled.store(false, ordering: .relaxed)
    for experiment in controller.catalog.experiments {
      if controller.slot(experiment.id)?.snapshot?.state == .running {
        controller.slot(experiment.id)?.session?.pause()
      }
    }
    let thread = Thread { [self] in self.work(task, controller: controller) }
    thread.name = "HemoLab step 8"
    thread.start()
    return true
  }

  /// Asks the running task to stop at the next batch; results so far stay.
  public func cancel() {
    cancelled.store(true, ordering: .relaxed)
  }

  private var shouldStop: Bool { cancelled.load(ordering: .relaxed) }

  private func update(_ change: (inout GeneralizationStatus) -> Void) {
    published.withLock { change(&$0) }
  }

  private func work(_ task: GeneralizationTask, controller: LessonController) {
    let start = Date()
    let clock: (inout GeneralizationStatus) -> Void = {
      $0.elapsed = Date().timeIntervalSince(start)
    }
    do {
      switch task {
      case .seeds(let id, let count): try seeds(id, count: count, controller, clock: clock)
      case .external(let id): try external(id, controller, clock: clock)
      case .weighting(let id): try weighting(id, controller, clock: clock)
      case .learningCurve(let id, let sizes): try curve(id, sizes: sizes, controller, clock: clock)
      }
      update {
        clock(&$0)
        $0.phase = self.shouldStop ? "stopped" : "done"
        $0.fraction = self.shouldStop ? $0.fraction : 1
      }
    } catch  where error == ExperimentRunner.stopped {
      update {
        clock(&$0)
        $0.phase = "stopped"
      }
    } catch {
      update {
        clock(&$0)
        $0.phase = "failed"
        $0.failure = "\(error)"
      }
    }
    update { $0.isRunning = false }
  }

  /// The lesson's images of experiment `id`, generating them through the controller if needed.
  private func data(
    _ id: Int, _ controller: LessonController, clock: (inout GeneralizationStatus) -> Void
  ) throws(HemoError) -> (
    ExperimentDefinition, ExperimentData, String, TrainingOverrides
  ) {
    guard let experiment = controller.catalog.experiment(id: id) else {
      throw HemoError("no experiment \(id)")
    }
    controller.prepare(id)
    while true {
      let slot = controller.slot(id)
      if let data = slot?.data {
        return (experiment, data, slot?.dataDescription ?? "", slot?.overrides ?? .init())
      }
      if shouldStop { throw ExperimentRunner.stopped }
      update {
        clock(&$0)
        $0.phase = "generating experiment \(id)'s images"
        $0.fraction = slot?.preparing ?? 0
      }
      Thread.sleep(forTimeInterval: 0.1)
    }
  }

  private func seeds(
    _ id: Int, count: Int, _ controller: LessonController,
    clock: (inout GeneralizationStatus) -> Void
  )
    throws(HemoError)
  {
    let (experiment, data, description, overrides) = try data(id, controller, clock: clock)
    let first = overrides.seed ?? experiment.training.seed
    let seeds = SeedVariability.seeds(count: max(1, count), from: first)
    // The other experiments' latest runs, to compare the spread with.
    var latest: [Int: ExperimentResult] = [:]
    for result in controller.history where result.experiment != id {
      latest[result.experiment] = result
    }
    let others = latest.keys.sorted().compactMap { latest[$0] }
    update { $0.seeds = nil }
    var results: [ExperimentResult] = []
    for (index, seed) in seeds.enumerated() {
      var seeded = overrides
      seeded.seed = seed
      let result = try ExperimentRunner.run(
        experiment, data: data, dataDescription: description, overrides: seeded,
        file: "experiment \(id)",
        progress: { snapshot in
          self.update {
            clock(&$0)
            $0.phase = "seed \(seed) (\(index + 1) of \(seeds.count))"
            $0.fraction = (Double(index) + snapshot.fractionDone) / Double(seeds.count)
          }
        }, shouldStop: { self.shouldStop })
      results.append(result)
      let summary = SeedVariability(results: results, others: others)
      update { $0.seeds = summary }
    }
  }

  private func external(
    _ id: Int, _ controller: LessonController, clock: (inout GeneralizationStatus) -> Void
  ) throws(HemoError) {
    let (experiment, data, description, overrides) = try data(id, controller, clock: clock)
    if case .stored = data.origins.first {
      // The other hospital comes from the generator: comparing a model trained on the learner's
      // own images with it would measure the jump from real to synthetic, not between sites.
      throw HemoError(
        "the other hospital is made by the built-in generator, so it is compared with models"
          + " trained on the built-in images (o, then Enter on an empty path, goes back to them)")
    }
    let slot = controller.slot(id)
    var trained: (ExperimentResult, Model)?
    // The learner's own finished run, when it is the latest session's.
    if let result = slot?.result, let snapshot = slot?.snapshot, snapshot.state == .finished,
      let model = snapshot.model, let session = slot?.session,
      result.sessionIdentity == ObjectIdentifier(session).hashValue
    {
      trained = (result, model)
    }
    if trained == nil {
      trained = try ExperimentRunner.runWithModel(
        experiment, data: data, dataDescription: description, overrides: overrides,
        file: "experiment \(id)",
        progress: { snapshot in
          self.update {
            clock(&$0)
            $0.phase = "training experiment \(id)"
            $0.fraction = 0.1 + 0.7 * snapshot.fractionDone
          }
        }, shouldStop: { self.shouldStop })
    }
    guard let (result, model) = trained else { return }
    let external = ExternalEvaluation.data(for: experiment, threads: threads) { fraction in
      self.update {
        clock(&$0)
        $0.phase = "generating the other hospital's images"
        $0.fraction = 0.8 + 0.2 * fraction
      }
    }
    if shouldStop { throw ExperimentRunner.stopped }
    let evaluation = try ExternalEvaluation(
      experiment: experiment, result: result, model: model, external: external)
    update { $0.external = evaluation }
  }

  private func weighting(
    _ id: Int, _ controller: LessonController, clock: (inout GeneralizationStatus) -> Void
  ) throws(HemoError) {
    let (experiment, data, description, overrides) = try data(id, controller, clock: clock)
    let comparison = try ClassWeightingComparison.run(
      experiment, data: data, dataDescription: description, overrides: overrides,
      progress: { index, snapshot in
        self.update {
          clock(&$0)
          $0.phase = index == 0 ? "training without weighting" : "training with class weighting"
          $0.fraction = (Double(index) + snapshot.fractionDone) / 2
        }
      }, shouldStop: { self.shouldStop })
    update { $0.weighting = comparison }
  }

  private func curve(
    _ id: Int, sizes: [Int], _ controller: LessonController,
    clock: (inout GeneralizationStatus) -> Void
  )
    throws(HemoError)
  {
    let (experiment, data, _, overrides) = try data(id, controller, clock: clock)
    update { $0.curve = nil }
    var points: [LearningCurve.Point] = []
    var testPerClass: [Int] = []
    let config = experiment.trainingConfig(overrides)
    let plan = LearningCurve.plan(
      labels: data.dataset.labels, classes: data.classNames.count, sizes: sizes,
      seed: config.seed)
    testPerClass = [Int](repeating: 0, count: data.classNames.count)
    for i in plan.test { testPerClass[data.dataset.labels[i]] += 1 }
    _ = try LearningCurve.compute(
      experiment, data: data, sizes: sizes, overrides: overrides,
      progress: { index, count, snapshot in
        self.update {
          clock(&$0)
          let size = index < plan.train.count ? plan.train[index].indices.count : 0
          $0.phase = "\(size) training images (\(index + 1) of \(count))"
          $0.fraction = (Double(index) + snapshot.fractionDone) / Double(max(count, 1))
        }
      },
      finished: { point in
        points.append(point)
        let partial = LearningCurve(
          experiment: id, title: experiment.title, classes: data.classNames,
          positiveClass: experiment.positiveClass, seed: config.seed,
          testPerClass: testPerClass, minimumBatches: LearningCurve.defaultMinimumBatches,
          points: points)
        self.update { $0.curve = partial }
      }, shouldStop: { self.shouldStop })
  }
}

/// What step 8 can compute in the background.
public enum GeneralizationTask: Sendable, Equatable {
  /// Experiment `id` trained with `count` seeds.
  case seeds(Int, count: Int)
  /// Experiment `id`'s model on its test split and at "another hospital".
  case external(Int)
  /// Experiment `id` with and without class weighting.
  case weighting(Int)
  /// Experiment `id` on training sets of these sizes per class.
  case learningCurve(Int, sizes: [Int])
}

/// The lab's progress and its latest result of each kind (kept when a task is stopped).
public struct GeneralizationStatus: Sendable, Equatable {
  public var task: GeneralizationTask?
  public var isRunning = false
  /// What the thread is doing, for a person ("seed 3 (3 of 5)").
  public var phase = ""
  /// Of the whole task, 0…1.
  public var fraction = 0.0
  /// Seconds since the task started.
  public var elapsed = 0.0
  public var failure: String?
  /// Filled in as each seed finishes.
  public var seeds: SeedVariability?
  public var external: ExternalEvaluation?
  public var weighting: ClassWeightingComparison?
  /// Filled in as each size finishes.
  public var curve: LearningCurve?

  public init() {}
}
