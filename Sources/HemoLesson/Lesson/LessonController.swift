import Foundation
import HemoCore
import HemoTrain
import Synchronization

/// The lesson's state outside the screen: the steps, each experiment's data and run, and every
/// finished run. Data is generated on a background thread; runs train on their own threads
/// through `runs`, the one run orchestrator. Every change is announced to observers as a
/// `LessonChange`; nothing needs polling.
public final class LessonController: Sendable {
  public let steps: [LessonStep]
  public let catalog: ExperimentCatalog
  /// Plans, trains, reads and records every run of the lesson and its lab.
  public let runs: RunOrchestrator
  let slots: Mutex<[Int: ExperimentSlot]>
  let threads: Int
  /// Step 8's background computations (seeds, other hospital, weighting, learning curve).
  public let generalization: GeneralizationLab
  /// The learner's own data being opened or in use (see LessonController+OpenData).
  let opening = Mutex<DataOpening?>(nil)
  private let observers = Mutex<(next: Int, all: [Int: @Sendable (LessonChange) -> Void])>(
    (0, [:]))

  public init(steps: [LessonStep], catalog: ExperimentCatalog, threads: Int = 2) {
    self.steps = steps
    self.catalog = catalog
    self.threads = threads
    runs = RunOrchestrator()
    generalization = GeneralizationLab(threads: threads)
    var slots: [Int: ExperimentSlot] = [:]
    for experiment in catalog.experiments {
      slots[experiment.id] = ExperimentSlot(experiment: experiment)
    }
    self.slots = Mutex(slots)
    generalization.onChange { [weak self] in self?.announce(.lab) }
  }

  /// The built-in lesson and experiments.
  public static func builtIn(threads: Int = 2) throws(HemoError) -> LessonController {
    LessonController(
      steps: try LessonStep.builtIn(), catalog: try ExperimentCatalog.builtIn(), threads: threads)
  }

  // MARK: Observing

  /// Calls `handler` with every change from now on (on the thread that made it; keep it short).
  /// Returns a token for `stopObserving`.
  @discardableResult
  public func observe(_ handler: @escaping @Sendable (LessonChange) -> Void) -> Int {
    observers.withLock { observers in
      observers.next += 1
      observers.all[observers.next] = handler
      return observers.next
    }
  }

  public func stopObserving(_ token: Int) {
    observers.withLock { _ = $0.all.removeValue(forKey: token) }
  }

  func announce(_ change: LessonChange) {
    let handlers = observers.withLock { Array($0.all.values) }
    for handler in handlers { handler(change) }
  }

  // MARK: Reading

  /// The current state of experiment `id`.
  public func slot(_ id: Int) -> ExperimentSlot? {
    slots.withLock { $0[id] }
  }

  /// Every finished run of the lesson, in the order they finished.
  public var history: [ExperimentResult] { runs.history.results }

  // MARK: Data

  /// Starts generating experiment `id`'s images in the background, unless they exist or are coming.
  public func prepare(_ id: Int) {
    let experiment: ExperimentDefinition? = slots.withLock { slots in
      guard var slot = slots[id], slot.data == nil, slot.preparing == nil else { return nil }
      slot.preparing = 0
      slots[id] = slot
      return slot.experiment
    }
    guard let experiment else { return }
    let threads = self.threads
    let thread = Thread { [self] in
      var reported = 0.0
      let data = ExperimentData.synthetic(experiment, threads: threads) { fraction in
        self.slots.withLock { if $0[id]?.data == nil { $0[id]?.preparing = fraction } }
        if fraction - reported >= 0.01 {
          reported = fraction
          self.announce(.data(id))
        }
      }
      let waiting: Pacing? = self.slots.withLock { slots in
        // The learner's own data may have arrived meanwhile: it wins.
        if slots[id]?.data == nil { slots[id]?.data = data }
        slots[id]?.preparing = nil
        return slots[id]?.trainWhenReady
      }
      self.announce(.data(id))
      if let waiting { self.train(id, pacing: waiting) }
    }
    thread.name = "HemoLab data \(id)"
    thread.start()
  }

  /// Experiment `id`'s images, generating them first when needed; blocks the calling thread (a
  /// background worker's) until they are ready. `progress` receives the fraction generated.
  public func data(for id: Int, progress: @escaping @Sendable (Double) -> Void = { _ in })
    throws(HemoError) -> (ExperimentData, ExperimentSlot)
  {
    let ready = DispatchSemaphore(value: 0)
    let token = observe { [self] change in
      guard change == .data(id) else { return }
      progress(slot(id)?.preparing ?? 1)
      ready.signal()
    }
    defer { stopObserving(token) }
    prepare(id)
    while true {
      guard let slot = slot(id) else { throw HemoError("no experiment \(id)") }
      if let data = slot.data { return (data, slot) }
      ready.wait()
    }
  }

  /// Uses the learner's own images for experiment `id` (a .tm project or a data folder).
  public func useData(_ data: ExperimentData, description: String, for id: Int) {
    slots.withLock { slots in
      guard var slot = slots[id] else { return }
      slot.reset(to: slot.experiment, description: description)
      slot.data = data
      slots[id] = slot
    }
    announce(.data(id))
  }

  // MARK: Training

  /// Changes the settings the next run of experiment `id` uses.
  public func setOverrides(_ overrides: TrainingOverrides, for id: Int) {
    slots.withLock { $0[id]?.overrides = overrides }
    announce(.training(id))
  }

  /// Starts a new run of experiment `id` (generating its images first when needed). Any other
  /// running run is paused, so the two do not share the CPU.
  public func train(_ id: Int, pacing: Pacing = .fullSpeed) {
    pauseRunning(except: id)
    let needsData: Bool = slots.withLock { slots in
      guard var slot = slots[id] else { return false }
      slot.failure = nil
      guard let data = slot.data else {
        slot.trainWhenReady = pacing
        slots[id] = slot
        return true
      }
      slot.run?.stop()
      slot.trainWhenReady = nil
      let request = RunRequest(
        slot.experiment, data: data, dataDescription: slot.dataDescription,
        overrides: slot.overrides)
      do throws(HemoError) {
        slot.run = try runs.start(request, pacing: pacing) { [weak self] update in
          self?.receive(update, for: id)
        }
      } catch {
        slot.failure = error
      }
      slots[id] = slot
      return false
    }
    if needsData { prepare(id) } else { announce(.training(id)) }
  }

  /// A run's report: a finished one joins the experiment's results.
  private func receive(_ update: RunUpdate, for id: Int) {
    switch update {
    case .progress, .stopped:
      announce(.training(id))
    case .finished(let outcome):
      slots.withLock { slots in
        guard slots[id]?.run?.id == outcome.id else { return }
        slots[id]?.results.append(outcome.result)
        slots[id]?.latest = outcome
      }
      announce(.finished(id))
    case .failed(let run, let error):
      slots.withLock { slots in
        if slots[id]?.run?.id == run { slots[id]?.failure = error }
      }
      announce(.training(id))
    }
  }

  public func pause(_ id: Int) { slot(id)?.run?.pause() }
  public func resume(_ id: Int) { slot(id)?.run?.resume() }
  public func stepBatch(_ id: Int) { slot(id)?.run?.stepBatch() }
  public func stepEpoch(_ id: Int) { slot(id)?.run?.stepEpoch() }
  public func stop(_ id: Int) { slot(id)?.run?.stop() }
  public func setPacing(_ pacing: Pacing, for id: Int) { slot(id)?.run?.setPacing(pacing) }

  /// Pauses every run that is training, except experiment `id`'s.
  public func pauseRunning(except id: Int? = nil) {
    let running = slots.withLock { slots in
      slots.filter { $0.key != id && $0.value.snapshot?.state == .running }.compactMap(\.value.run)
    }
    for run in running { run.pause() }
  }

  /// Stops every run and the lab (quitting).
  public func stopAll() {
    generalization.cancel()
    let active = slots.withLock { $0.values.compactMap(\.run) }
    for run in active { run.stop() }
  }
}
