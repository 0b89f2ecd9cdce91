import Foundation
import HemoCore
import HemoTrain

/// After a run of experiment 3 or 5 on the built-in images finishes, the lesson measures in the
/// background where the model looked (HiResCAM against the known blood, and against the same
/// network with random weights), adds the measures to the run's result, whose reading then says
/// it, and announces the run again.
extension LessonController {
  /// Whether `experiment`'s finished runs get saliency measures in the lesson.
  static func measuresSaliency(_ experiment: ExperimentDefinition) -> Bool {
    experiment.teachingPoint == .balanced || experiment.teachingPoint == .colourCoding
  }

  /// Starts the measures of `outcome` (experiment `id`) on a background thread.
  func measureSaliency(id: Int, outcome: RunOutcome) {
    guard let data = slot(id)?.data, case .phantom = data.origins.first else { return }
    let thread = Thread { [self] in
      guard
        let report = try? SaliencyAnalysis.run(
          model: outcome.model, data: data, predictions: outcome.result.predictions,
          seed: outcome.result.settings.seed, methods: [SaliencyAnalysis.primaryMethod])
      else { return }
      slots.withLock { slots in
        guard let index = slots[id]?.results.lastIndex(where: { $0.run == outcome.id }) else {
          return
        }
        slots[id]?.results[index].saliency = report
      }
      runs.attach(report, to: outcome.id)
      announce(.finished(id))
    }
    thread.name = "hemolab-saliency-measures"
    thread.qualityOfService = .utility
    thread.start()
  }
}
