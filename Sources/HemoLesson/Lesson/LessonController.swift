import Foundation
import HemoCore
import HemoTrain
import Synchronization

/// The lesson's state outside the screen: the steps, each experiment's data and training session,
/// and every finished run. Data is generated on a background thread; training runs on the
/// session's own thread. The screen calls `slot(_:)` to read and `update()` once per frame.
public final class LessonController: Sendable {
  public let steps: [LessonStep]
  public let catalog: ExperimentCatalog
  let slots: Mutex<[Int: ExperimentSlot]>
  let threads: Int
  /// Step 8's background computations (seeds, other hospital, weighting, learning curve).
  public let generalization: GeneralizationLab
  /// The learner's own data being opened or in use (see LessonController+OpenData).
  let opening = Mutex<DataOpening?>(nil)

  public init(steps: [LessonStep], catalog: ExperimentCatalog, threads: Int = 2) {
    self.steps = steps
    self.catalog = catalog
    self.threads = threads
    generalization = GeneralizationLab(threads: threads)
    var slots: [Int: ExperimentSlot] = [:]
    for experiment in catalog.experiments {
      slots[experiment.id] = ExperimentSlot(experiment: experiment)
    }
    self.slots = Mutex(slots)
  }

  /// The built-in lesson and experiments.
  public static func builtIn(threads: Int = 2) throws(HemoError) -> LessonController {
    LessonController(
      steps: try LessonStep.builtIn(), catalog: try ExperimentCatalog.builtIn(), threads: threads)
  }

  /// The current state of experiment `id`.
  public func slot(_ id: Int) -> ExperimentSlot? {
    slots.withLock { $0[id] }
  }

  /// Every finished run of every experiment, in the order they finished.
  public var history: [ExperimentResult] {
    slots.withLock { slots in
      slots.values.flatMap(\.results).sorted { $0.finishedOrder < $1.finishedOrder }
    }
  }

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
      let data = ExperimentData.synthetic(experiment, threads: threads) { fraction in
        self.slots.withLock { if $0[id]?.data == nil { $0[id]?.preparing = fraction } }
      }
      self.slots.withLock { slots in
        // The learner's own data may have arrived meanwhile: it wins.
        if slots[id]?.data == nil { slots[id]?.data = data }
        slots[id]?.preparing = nil
      }
      self.update()
    }
    thread.name = "HemoLab data \(id)"
    thread.start()
  }

  /// Uses the learner's own images for experiment `id` (a .tm project or a data folder).
  public func useData(_ data: ExperimentData, description: String, for id: Int) {
    slots.withLock { slots in
      guard var slot = slots[id] else { return }
      slot.session?.stop()
      slot.session = nil
      slot.data = data
      slot.dataDescription = description
      slot.preparing = nil
      slots[id] = slot
    }
  }

  /// Changes the settings the next run of experiment `id` uses.
  public func setOverrides(_ overrides: TrainingOverrides, for id: Int) {
    slots.withLock { $0[id]?.overrides = overrides }
  }

  /// Starts a new run of experiment `id` (generating its images first when needed). Any other
  /// running session is paused, so the two do not share the CPU.
  public func train(_ id: Int, pacing: Pacing = .fullSpeed) {
    let needsData: Bool = slots.withLock { slots in
      for (other, slot) in slots where other != id && slot.session?.snapshot.state == .running {
        slot.session?.pause()
      }
      guard var slot = slots[id] else { return false }
      slot.failure = nil
      guard let data = slot.data else {
        slot.trainWhenReady = pacing
        slots[id] = slot
        return true
      }
      slot.session?.stop()
      do {
        let network = try slot.experiment.networkSpec(file: "experiment \(id)")
        let config = try slot.experiment.checkedTrainingConfig(slot.overrides)
        try slot.experiment.validate(
          network: network, config: config, input: data.dataset.shape, file: "experiment \(id)")
        let session = TrainingSession(
          dataset: data.dataset, network: network, config: config,
          split: data.split(seed: config.seed, testFraction: config.testFraction))
        session.setPacing(pacing)
        session.start()
        slot.session = session
      } catch {
        slot.failure = (error as? HemoError) ?? HemoError("\(error)")
      }
      slot.trainWhenReady = nil
      slots[id] = slot
      return false
    }
    if needsData { prepare(id) }
  }

  /// Collects finished runs into results and starts runs that were waiting for their data. Cheap;
  /// call it once per frame.
  public func update() {
    let waiting: [(Int, Pacing)] = slots.withLock { slots in
      var waiting: [(Int, Pacing)] = []
      for (id, slot) in slots {
        if let pacing = slot.trainWhenReady, slot.data != nil { waiting.append((id, pacing)) }
        guard let session = slot.session, let data = slot.data else { continue }
        let snapshot = session.snapshot
        guard snapshot.state == .finished, let evaluation = snapshot.evaluation,
          slot.results.last?.sessionIdentity != ObjectIdentifier(session).hashValue
        else { continue }
        let previous = Self.comparison(for: slot.experiment, in: slots)
        var result = ExperimentResult(
          experiment: slot.experiment, data: data, dataDescription: slot.dataDescription,
          config: slot.config,
          snapshot: snapshot, evaluation: evaluation, comparedWith: previous)
        result.sessionIdentity = ObjectIdentifier(session).hashValue
        result.finishedOrder = Self.nextOrder(slots)
        slots[id]?.results.append(result)
      }
      return waiting
    }
    for (id, pacing) in waiting { train(id, pacing: pacing) }
  }

  /// The run an experiment's reading compares itself with: experiment 3 with the latest imbalance
  /// run, experiment 5 with the latest three-class run.
  static func comparison(for experiment: ExperimentDefinition, in slots: [Int: ExperimentSlot])
    -> ExperimentResult?
  {
    let wanted: TeachingPoint? =
      switch experiment.teachingPoint {
      case .balanced: .imbalance
      case .colourCoding: .multiclass
      default: nil
      }
    guard let wanted else { return nil }
    return slots.values.filter { $0.experiment.teachingPoint == wanted }.flatMap(\.results)
      .max { $0.finishedOrder < $1.finishedOrder }
  }

  private static func nextOrder(_ slots: [Int: ExperimentSlot]) -> Int {
    (slots.values.flatMap(\.results).map(\.finishedOrder).max() ?? 0) + 1
  }
}
