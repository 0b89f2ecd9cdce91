import Foundation
import HemoCore
import HemoLesson
import HemoTrain

/// `hemolab bench --saliency`: the time to compute one map of each method with experiment 3's
/// network (untrained weights: the time does not depend on them), one thread.
enum SaliencyBenchmark {
  static func run(maps: Int) throws {
    let catalog = try ExperimentCatalog.builtIn()
    guard let experiment = catalog.experiment(id: 3) else { return }
    let preprocessing = experiment.preprocessing
    let shape = TensorShape(
      channels: preprocessing.channels, height: preprocessing.inputSize,
      width: preprocessing.inputSize)
    let model = try Model(
      network: experiment.networkSpec, input: shape,
      classNames: experiment.classes.map(\.name), seed: 1)
    let explainer = try SaliencyExplainer(model: model)
    var rng = SeededRNG(seed: 2)
    let images = (0..<maps).map { _ in (0..<shape.count).map { _ in Float(rng.unit()) } }
    let clock = ContinuousClock()
    print("experiment 3's network, input \(shape), \(maps) maps per method, one thread:")
    for method in SaliencyMethod.allCases {
      _ = explainer.map(images[0], method: method)
      let start = clock.now
      for image in images { _ = explainer.map(image, method: method, seed: 1) }
      let seconds = (clock.now - start).seconds / Double(maps)
      let note =
        method == .smoothGrad ? " (\(SaliencyExplainer.smoothGradSamples) noisy passes)" : ""
      print(
        "  " + method.title.padding(toLength: 18, withPad: " ", startingAt: 0)
          + String(format: "%8.2f ms per map", seconds * 1000) + note)
    }
  }
}

extension Duration {
  fileprivate var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}
