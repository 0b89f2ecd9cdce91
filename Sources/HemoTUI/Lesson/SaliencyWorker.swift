import Foundation
import HemoCore
import HemoLesson
import HemoTrain
import Synchronization

/// What a heatmap was computed for: an experiment's test image (or a file in the preview), the
/// explained class, the method and the weights (epochs, epoch, batch when computed).
public struct HeatmapKey: Sendable, Hashable {
  public var experiment: Int
  /// A test image's index in the experiment's data, or nil for the preview's file.
  public var image: Int?
  public var file: String?
  public var classIndex: Int
  public var method: SaliencyMethod
  public var weights: [Int]

  public init(
    experiment: Int, image: Int?, file: String? = nil, classIndex: Int,
    method: SaliencyMethod = SaliencyAnalysis.primaryMethod, weights: [Int]
  ) {
    self.experiment = experiment
    self.image = image
    self.file = file
    self.classIndex = classIndex
    self.method = method
    self.weights = weights
  }
}

/// Computes heatmaps on its own thread, one request at a time (the newest first), so the lesson
/// keeps drawing while a map is computed. The UI submits requests; each finished map is handed to
/// `onFinish` on the worker thread (the app posts it to its event loop).
public final class SaliencyWorker: Sendable {
  private struct Job: Sendable {
    var key: HeatmapKey
    var model: Model
    var input: [Float]
  }

  private struct Shared: Sendable {
    var queue: [Job] = []
    var busy: Set<HeatmapKey> = []
    var running = false
  }

  private let shared = Mutex(Shared())
  /// Called from the worker thread with each finished map.
  private let onFinish: @Sendable (HeatmapKey, SaliencyMap) -> Void

  public init(onFinish: @escaping @Sendable (HeatmapKey, SaliencyMap) -> Void) {
    self.onFinish = onFinish
  }

  /// Asks for the map of `key` for `input` under `model`, unless it is queued or computing.
  public func request(_ key: HeatmapKey, model: Model, input: [Float]) {
    let start = shared.withLock { state -> Bool in
      guard !state.busy.contains(key) else { return false }
      state.busy.insert(key)
      state.queue.append(Job(key: key, model: model, input: input))
      if state.running { return false }
      state.running = true
      return true
    }
    if start {
      let thread = Thread { [self] in work() }
      thread.name = "hemolab-saliency"
      thread.start()
    }
  }

  /// Whether `key` is queued or computing.
  public func isPending(_ key: HeatmapKey) -> Bool {
    shared.withLock { $0.busy.contains(key) }
  }

  private func work() {
    while true {
      let next = shared.withLock { state -> Job? in
        guard let job = state.queue.popLast() else {
          state.running = false
          return nil
        }
        return job
      }
      guard let job = next else { return }
      let map = try? SaliencyExplainer(model: job.model).map(
        job.input, method: job.key.method, classIndex: job.key.classIndex, seed: 1)
      shared.withLock { _ = $0.busy.remove(job.key) }
      if let map { onFinish(job.key, map) }
    }
  }
}
