import Foundation
import HemoCore
import HemoTrain
import Synchronization

/// Step 8's background computations: one experiment over several seeds, experiment 3's model at
/// "another hospital", class weighting against none, a learning curve, and training from
/// scratch against starting from the pretrained backbone. One task at a time
/// runs on its own thread, training through the lesson's run orchestrator (its runs are not
/// recorded as the learner's), and publishes `GeneralizationStatus` values; every change is
/// announced through `onChange`. It uses the lesson's own images of each experiment.
public final class GeneralizationLab: Sendable {
  private let published = Mutex(GeneralizationStatus())
  private let cancelled = Atomic<Bool>(false)
  private let changed = Mutex<(@Sendable () -> Void)?>(nil)
  private let threads: Int

  public init(threads: Int = 2) {
    self.threads = threads
  }

  /// The latest status (a brief lock).
  public var status: GeneralizationStatus { published.withLock { $0 } }

  /// Calls `handler` after every change of the status (on the lab's thread).
  public func onChange(_ handler: @escaping @Sendable () -> Void) {
    changed.withLock { $0 = handler }
  }

  /// Starts `task` unless one is running; returns whether it started. Runs of the lesson that
  /// are training are paused (two cores).
  @discardableResult
  public func start(_ task: GeneralizationTask, controller: LessonController) -> Bool {
    let started: Bool = published.withLock { status in
      guard !status.isRunning else { return false }
      status.task = task
      status.progress = .running("starting")
      status.fraction = 0
      status.elapsed = 0
      return true
    }
    guard started else { return false }
    cancelled.store(false, ordering: .relaxed)
    controller.pauseRunning()
    notify()
    let thread = Thread { [self] in self.work(task, controller: controller) }
    thread.name = "HemoLab step 8"
    thread.start()
    return true
  }

  /// Asks the running task to stop at the next batch; results so far stay.
  public func cancel() {
    cancelled.store(true, ordering: .relaxed)
  }

  private var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

  private func notify() {
    changed.withLock { $0 }?()
  }

  private func update(_ change: (inout GeneralizationStatus) -> Void) {
    published.withLock { change(&$0) }
    notify()
  }

  /// Reports `phase` at `fraction` of the task.
  private func report(_ phase: String, _ fraction: Double, since start: Date) {
    update {
      $0.progress = .running(phase)
      $0.fraction = fraction
      $0.elapsed = Date().timeIntervalSince(start)
    }
  }

  private func work(_ task: GeneralizationTask, controller: LessonController) {
    let start = Date()
    let ending: GeneralizationStatus.Progress
    do {
      switch task {
      case .seeds(let id, let count): try seeds(id, count: count, controller, start)
      case .external(let id): try external(id, controller, start)
      case .weighting(let id): try weighting(id, controller, start)
      case .learningCurve(let id, let sizes): try curve(id, sizes: sizes, controller, start)
      case .backbones(let id): try backbones(id, controller, start)
      }
      ending = isCancelled ? .stopped : .done
    } catch is CancellationError {
      ending = .stopped
    } catch {
      ending = .failed("\(error)")
    }
    update {
      $0.elapsed = Date().timeIntervalSince(start)
      $0.progress = ending
      if ending == .done { $0.fraction = 1 }
    }
  }

  /// The lesson's images of experiment `id` and its slot, generating them when needed.
  private func data(_ id: Int, _ controller: LessonController, _ start: Date) throws -> (
    ExperimentData, ExperimentSlot
  ) {
    let (data, slot) = try controller.data(for: id) { fraction in
      self.report("generating experiment \(id)'s images", fraction, since: start)
    }
    if isCancelled { throw CancellationError() }
    return (data, slot)
  }

  private func seeds(_ id: Int, count: Int, _ controller: LessonController, _ start: Date) throws {
    let (data, slot) = try data(id, controller, start)
    let seeds = SeedVariability.seeds(
      count: max(1, count), from: slot.overrides.seed ?? slot.experiment.training.seed)
    // The other experiments' latest runs, to compare the spread with.
    var latest: [Int: ExperimentResult] = [:]
    for result in controller.history where result.experiment != id {
      latest[result.experiment] = result
    }
    let others = latest.keys.sorted().compactMap { latest[$0] }
    update { $0.seeds = nil }
    var results: [ExperimentResult] = []
    _ = try SeedVariability.run(
      slot.experiment, data: data, dataDescription: slot.dataDescription, seeds: seeds,
      overrides: slot.overrides, orchestrator: controller.runs,
      progress: { index, snapshot in
        self.report(
          "seed \(seeds[index]) (\(index + 1) of \(seeds.count))",
          (Double(index) + snapshot.fractionDone) / Double(seeds.count), since: start)
      },
      finished: { result in
        results.append(result)
        let summary = SeedVariability(results: results, others: others)
        self.update { $0.seeds = summary }
      }, isCancelled: { self.isCancelled })
  }

  private func external(_ id: Int, _ controller: LessonController, _ start: Date) throws {
    let (data, slot) = try data(id, controller, start)
    if case .stored = data.origins.first {
      // The other hospital comes from the generator: comparing a model trained on the learner's
      // own images with it would measure the jump from real to synthetic, not between sites.
      throw HemoError(
        "the other hospital is made by the built-in generator, so it is compared with models"
          + " trained on the built-in images (o, then Enter on an empty path, goes back to them)")
    }
    // The learner's own finished run when it is the latest one; otherwise a new run.
    let outcome =
      try slot.finishedOutcome
      ?? controller.runs.run(
        RunRequest(
          slot.experiment, data: data, dataDescription: slot.dataDescription,
          overrides: slot.overrides),
        record: false,
        progress: { snapshot in
          self.report("training experiment \(id)", 0.1 + 0.7 * snapshot.fractionDone, since: start)
        }, isCancelled: { self.isCancelled })
    let external = ExternalEvaluation.data(for: slot.experiment, threads: threads) { fraction in
      self.report("generating the other hospital's images", 0.8 + 0.2 * fraction, since: start)
    }
    if isCancelled { throw CancellationError() }
    let evaluation = try ExternalEvaluation(
      experiment: slot.experiment, result: outcome.result, model: outcome.model,
      external: external)
    update { $0.external = evaluation }
  }

  private func weighting(_ id: Int, _ controller: LessonController, _ start: Date) throws {
    let (data, slot) = try data(id, controller, start)
    let comparison = try ClassWeightingComparison.run(
      slot.experiment, data: data, dataDescription: slot.dataDescription,
      overrides: slot.overrides, orchestrator: controller.runs,
      progress: { index, snapshot in
        self.report(
          index == 0 ? "training without weighting" : "training with class weighting",
          (Double(index) + snapshot.fractionDone) / 2, since: start)
      }, isCancelled: { self.isCancelled })
    update { $0.weighting = comparison }
  }

  private func backbones(_ id: Int, _ controller: LessonController, _ start: Date) throws {
    let (data, slot) = try data(id, controller, start)
    update { $0.backbones = nil }
    let modes = BackboneMode.allCases
    var results: [ExperimentResult] = []
    _ = try BackboneComparison.run(
      slot.experiment, data: data, dataDescription: slot.dataDescription, modes: modes,
      overrides: slot.overrides, file: "experiment \(id)", orchestrator: controller.runs,
      progress: { mode, snapshot in
        let index = modes.firstIndex(of: mode) ?? 0
        self.report(
          "\(Self.phase(mode)) (\(index + 1) of \(modes.count))",
          (Double(index) + snapshot.fractionDone) / Double(modes.count), since: start)
      },
      finished: { result in
        results.append(result)
        let partial = BackboneComparison(results: results)
        self.update { $0.backbones = partial }
      }, isCancelled: { self.isCancelled })
  }

  /// "pretrained, frozen": short enough for the progress line at 80 columns.
  static func phase(_ mode: BackboneMode) -> String {
    switch mode {
    case .scratch: "from scratch"
    case .frozen: "pretrained, frozen"
    case .finetune: "pretrained, fine-tuned"
    }
  }

  private func curve(_ id: Int, sizes: [Int], _ controller: LessonController, _ start: Date)
    throws
  {
    let (data, slot) = try data(id, controller, start)
    update { $0.curve = nil }
    var points: [LearningCurve.Point] = []
    let config = slot.config
    let plan = LearningCurve.plan(
      labels: data.dataset.labels, classes: data.classNames.count, sizes: sizes,
      testFraction: config.testFraction, seed: config.seed)
    var testPerClass = [Int](repeating: 0, count: data.classNames.count)
    for i in plan.test { testPerClass[data.dataset.labels[i]] += 1 }
    _ = try LearningCurve.compute(
      slot.experiment, data: data, sizes: sizes, overrides: slot.overrides,
      orchestrator: controller.runs,
      progress: { index, count, snapshot in
        let size = index < plan.train.count ? plan.train[index].indices.count : 0
        self.report(
          "\(size) training images (\(index + 1) of \(count))",
          (Double(index) + snapshot.fractionDone) / Double(max(count, 1)), since: start)
      },
      finished: { point in
        points.append(point)
        let partial = LearningCurve(
          experiment: id, title: slot.experiment.title, classes: data.classNames,
          positiveClass: slot.experiment.positiveClass, seed: config.seed,
          testPerClass: testPerClass, minimumBatches: LearningCurve.defaultMinimumBatches,
          points: points)
        self.update { $0.curve = partial }
      }, isCancelled: { self.isCancelled })
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
  /// Experiment `id` from scratch, from the pretrained backbone frozen, and fine-tuned.
  case backbones(Int)
}

/// The lab's progress and its latest result of each kind (kept when a task is stopped).
public struct GeneralizationStatus: Sendable, Equatable {
  /// Where the lab's task is.
  public enum Progress: Sendable, Equatable {
    /// Nothing has run yet.
    case idle
    /// Working; what it is doing, for a person ("seed 3 (3 of 5)").
    case running(String)
    /// The task finished.
    case done
    /// The task was stopped on request; results so far stay.
    case stopped
    /// The task could not run (one line saying why).
    case failed(String)
  }

  public var task: GeneralizationTask?
  public var progress = Progress.idle
  /// Of the whole task, 0…1.
  public var fraction = 0.0
  /// Seconds since the task started.
  public var elapsed = 0.0
  /// Filled in as each seed finishes.
  public var seeds: SeedVariability?
  public var external: ExternalEvaluation?
  public var weighting: ClassWeightingComparison?
  /// Filled in as each size finishes.
  public var curve: LearningCurve?
  /// Filled in as each backbone's run finishes.
  public var backbones: BackboneComparison?

  public init() {}

  /// True while a task is working.
  public var isRunning: Bool {
    if case .running = progress { return true }
    return false
  }

  /// What the task is doing, for a person ("" when not running).
  public var phase: String {
    if case .running(let phase) = progress { return phase }
    return ""
  }

  /// Why the task could not run, when it could not.
  public var failure: String? {
    if case .failed(let reason) = progress { return reason }
    return nil
  }
}
