import Foundation
import HemoCore
import Testing

@testable import HemoLesson

@Suite struct ExperimentCatalogTests {
  @Test func builtInExperimentsFollowTheCourse() throws {
    let catalog = try ExperimentCatalog.builtIn()
    #expect(catalog.experiments.map(\.id) == [1, 2, 3, 4, 5])
    let counts = catalog.experiments.map { $0.classes.map(\.count) }
    #expect(counts == [[30, 30], [30, 1000], [1000, 1000], [80, 80, 80], [80, 80, 80]])
    let four = try #require(catalog.experiment(id: 4))
    let five = try #require(catalog.experiment(id: 5))
    #expect(four.classes.map(\.name) == ["Normal", "Subdural", "Intraparenchymal"])
    #expect(four.classes == five.classes && four.data == five.data)
    #expect(four.training == five.training)
    // Experiments 2–5 warm up and decay; experiment 1, whose lesson is an unsteady model, does not.
    #expect(
      catalog.experiments.map(\.training.learningRateDecay) == [false, true, true, true, true])
    #expect(catalog.experiments.allSatisfy { $0.training.outputInitScale == 0.1 })
    #expect(ProjectRecipe.applied(to: four).training.outputInitScale == 1)
    #expect(!ProjectRecipe.applied(to: four).training.learningRateDecay)
    #expect(four.preprocessing.colourCoding == nil)
    #expect(five.preprocessing.colourCoding == ColourCoding(low: 50, high: 90))
    #expect(
      catalog.experiments.map(\.teachingPoint) == [
        .smallData, .imbalance, .balanced, .multiclass, .colourCoding,
      ])
    for experiment in catalog.experiments {
      let course = try #require(experiment.courseResult)
      #expect(course.matrix.count == experiment.classes.count)
    }
  }

  @Test func filesAreDecodedOnceIntoTypedValues() throws {
    let catalog = try ExperimentCatalog.builtIn()
    let four = try #require(catalog.experiment(id: 4))
    #expect(four.classes.map(\.draw) == [.normal, .only(.subdural), .only(.intraparenchymal)])
    #expect(four.classes.map(\.role) == [.normal, .finding, .finding])
    #expect(four.preprocessing.window == .brain)
    #expect(four.training.optimizer == .adam)
    #expect(four.network.last == .denseClasses)
    #expect(four.networkSpec.layers.last == .dense(units: 3))
    let two = try #require(catalog.experiment(id: 2))
    #expect(two.training.testFraction == 0.3 && two.training.augmentation.isActive)
  }

  /// Other branches add fields (a backbone, a test-set size): a file with fields this version
  /// does not know still loads, and an SGD recipe becomes the optimizer enum.
  @Test func unknownFieldsAreIgnoredAndSGDIsTyped() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-exp-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = try String(
      contentsOf: HemoAssetsLocator.experiment("1-small-data.json"), encoding: .utf8)
    let extended = source.replacingOccurrences(
      of: "\"epochs\":",
      with:
        "\"backbone\": \"frozen\", \"testSetSize\": 300, \"optimizer\": \"sgd\", \"momentum\": 0.8, \"epochs\":"
    )
    let file = folder.appendingPathComponent("extended.json")
    try extended.write(to: file, atomically: true, encoding: .utf8)
    let experiment = try ExperimentCatalog.load(file: file)
    #expect(experiment.training.optimizer == .sgd(momentum: 0.8))
    #expect(experiment.trainingConfig().optimizer == .sgd(momentum: 0.8))
    #expect(experiment.training.backbone == .frozen)
    let wrong = extended.replacingOccurrences(of: "\"frozen\"", with: "\"pretrained\"")
    try wrong.write(to: file, atomically: true, encoding: .utf8)
    do {
      _ = try ExperimentCatalog.load(file: file)
      Issue.record("an unknown backbone mode loaded")
    } catch {
      #expect(error.problem == "training.backbone must be one of scratch, frozen, finetune")
    }
  }

  @Test func positiveClassIsTheNamedOne() throws {
    let two = try #require(try ExperimentCatalog.builtIn().experiment(id: 2))
    #expect(two.positiveClassIndex == 0)
    #expect(two.classes[two.positiveClassIndex].name == "Hemorrhage")
  }

  @Test(arguments: [
    ("\"draw\": \"any\"", "\"draw\": \"blood\"", "classes[0].draw \"blood\" is not one of"),
    ("\"count\": 30,", "\"count\": \"thirty\",", "classes[0].count: expected a whole number"),
    ("\"epochs\": 15,", "", "missing field \"epochs\" in training"),
    (
      "\"window\": \"brain\"", "\"window\": \"lung\"", "preprocessing.window \"lung\" is not one of"
    ),
    (
      "\"teachingPoint\": \"smallData\"", "\"teachingPoint\": \"magic\"",
      "teachingPoint must be one of"
    ),
    ("{", "[", "not valid JSON"),
    ("\"bleedSizeScale\": 1.4", "\"bleedSizeScale\": 9", "data.population.bleedSizeScale must be"),
  ])
  func badFilesGiveOneClearLine(original: String, replacement: String, message: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-exp-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = try String(
      contentsOf: HemoAssetsLocator.experiment("1-small-data.json"), encoding: .utf8)
    let file = folder.appendingPathComponent("broken.json")
    let broken = source.replacingOccurrences(
      of: original, with: replacement, options: [], range: source.range(of: original))
    try broken.write(to: file, atomically: true, encoding: .utf8)
    do {
      _ = try ExperimentCatalog.load(file: file)
      Issue.record("expected an error for \(replacement)")
    } catch {
      #expect(error.file == file.path)
      #expect(error.description.contains(message), "\(error.description)")
      #expect(!error.description.contains("\n"))
    }
  }

  @Test func duplicateIdsAndEmptyFoldersAreRefused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-exp-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: HemoError.self) { try ExperimentCatalog.load(folder: folder) }
    let source = try Data(contentsOf: HemoAssetsLocator.experiment("1-small-data.json"))
    try source.write(to: folder.appendingPathComponent("a.json"))
    try source.write(to: folder.appendingPathComponent("b.json"))
    #expect {
      try ExperimentCatalog.load(folder: folder)
    } throws: { error in
      (error as? HemoError)?.problem.contains("already used") == true
    }
  }
}

/// Finds the built-in experiment files in the repository (tests read them as instructors would).
enum HemoAssetsLocator {
  static func experiment(_ name: String) -> URL {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Assets/experiments/\(name)")
  }
}
