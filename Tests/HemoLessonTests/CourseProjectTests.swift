import Foundation
import HemoCore
import HemoTestSupport
import Testing

@testable import HemoLesson

/// Experiments 4 and 5 on the course's own Teachable Machine projects (real RSNA slices, grey and
/// colour-coded by the course), with HemoLab's from-scratch network: colour-coding must beat grey
/// by 0.10 mean accuracy over three seeds, as on the synthetic data.
@Suite(
  .enabled(if: Calibration.isEnabled, Calibration.skipNote),
  .enabled(if: SharedData.isAvailable, SharedData.skipNote))
struct CourseProjectTests {
  @Test func colourCodingBeatsGreyOnTheCourseImages() throws {
    let catalog = try ExperimentCatalog.builtIn()
    var means: [Int: Double] = [:]
    for id in [4, 5] {
      let template = try #require(catalog.experiment(id: id))
      let loaded = try RealData.project(
        SharedData.url("spotlight-tm/experiment\(id).tm"), template: template, catalog: catalog)
      #expect(loaded.data.dataset.count == 240)
      #expect(loaded.data.preprocessing.channels == template.preprocessing.channels)
      var accuracies: [Double] = []
      for seed: UInt64 in [1, 2, 3] {
        let result = try ExperimentRunner.run(
          loaded.experiment, data: loaded.data, dataDescription: loaded.description,
          overrides: TrainingOverrides(seed: seed))
        accuracies.append(result.accuracy.estimate)
      }
      print("course project \(id): accuracies \(accuracies)")
      means[id] = accuracies.reduce(0, +) / Double(accuracies.count)
    }
    let grey = try #require(means[4])
    let colour = try #require(means[5])
    #expect(colour >= grey + 0.10, "grey \(grey), colour-coded \(colour)")
  }
}
