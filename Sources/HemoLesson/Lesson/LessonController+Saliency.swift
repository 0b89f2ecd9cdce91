import Foundation
import HemoCore
import HemoTrain

/// After a run of experiment 3 or 5 on the built-in images finishes, the lesson measures in the
/// background where the model looked (HiResCAM against the known blood, and against the same
/// network with random weights) and adds the result to the run, whose reading then says it.
extension LessonController {
  /// Whether `experiment`'s finished runs get saliency measures in the lesson.
  static func measuresSaliency(_ experiment: ExperimentDefinition) -> Bool {
    experiment.teachingPoint == .balanced || experiment.teachingPoint == .colourCoding
  }

  /// Starts the measures of the run `session` of experiment `id` on a background thread.
  func measureSaliency(id: Int, session: Int, model: Model, data: ExperimentData, seed: UInt64) {
    guard case .phantom = data.origins.first else { return }
    let thread = Thread { [self] in
      let predictions = slots.withLock { slots in
        slots[id]?.results.last { $0.sessionIdentity == session }?.predictions
      }
      guard let predictions,
        let report = try? SaliencyAnalysis.run(
          model: model, data: data, predictions: predictions, seed: seed,
          methods: [SaliencyAnalysis.primaryMethod])
      else { return }
      slots.withLock { slots in
        guard let index = slots[id]?.results.lastIndex(where: { $0.sessionIdentity == session })
        else { return }
        slots[id]?.results[index].saliency = report
      }
    }
    thread.name = "hemolab-saliency-measures"
    thread.qualityOfService = .utility
    thread.start()
  }
}
