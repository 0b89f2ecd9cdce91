import HemoCore
import HemoTrain
import Testing

@testable import HemoLesson
@testable import HemoTUI

/// Step 8's views (seeds, other hospital, weighting, learning curve, threshold) and their keys,
/// on hand-made lab results (no threads).
@Suite struct GeneralizeScreenTests {
  static func interval(_ k: Int, _ n: Int) -> ExperimentResult.Interval {
    ExperimentResult.Interval(WilsonInterval(successes: k, trials: n))
  }

  static func state(_ view: GeneralizeView) throws -> LessonState {
    var state = try LessonFixtures.state(step: 0)
    state.step = try #require(state.steps.firstIndex { $0.kind == .generalize })
    state.generalize.view = view
    return state
  }

  /// Five seeds of experiment 3 on 300 test images (150 a class).
  static let seeds = SeedVariability(
    experiment: 3, title: "Balanced data", positiveClass: "Hemorrhage",
    runs: [
      (1, 240, 118, 122), (2, 222, 100, 122), (3, 251, 124, 127), (4, 231, 120, 111),
      (5, 244, 121, 123),
    ].map { seed, correct, found, cleared in
      SeedVariability.Run(
        seed: seed, accuracy: interval(correct, 300), sensitivity: interval(found, 150),
        specificity: interval(cleared, 150))
    })

  static let external = ExternalEvaluation(
    experiment: 3, title: "Balanced data", classes: ["Hemorrhage", "Normal"],
    positiveClass: "Hemorrhage", seed: 1, externalGeneratorSeed: 99,
    externalDescription: "another scanner (noise 6.0–8.0 HU), images windowed 90/35",
    internal: side("internal test split", found: 120, alarms: 30),
    external: side("external", found: 96, alarms: 45))

  /// 150 hemorrhages (the first `found` scored 0.9, the rest 0.2) and 150 normals (the first
  /// `alarms` scored 0.8, the rest 0.1).
  static func side(_ name: String, found: Int, alarms: Int) -> ExternalEvaluation.Side {
    let truth = Array(repeating: 0, count: 150) + Array(repeating: 1, count: 150)
    let scores: [Float] =
      (0..<150).map { $0 < found ? 0.9 : 0.2 } + (0..<150).map { $0 < alarms ? 0.8 : 0.1 }
    return ExternalEvaluation.Side(
      name: name, classNames: ["Hemorrhage", "Normal"], truth: truth,
      probabilities: scores.map { [$0, 1 - $0] }, positiveClass: 0)
  }

  static let weighting = ClassWeightingComparison(
    experiment: 2, title: "Class imbalance", classes: ["Hemorrhage", "Normal"],
    positiveClass: "Hemorrhage", seed: 1, trainPerClass: [25, 850],
    unweighted: .init(
      classWeighting: false, confusionMatrix: [[0, 5], [0, 150]], accuracy: interval(150, 155),
      sensitivity: interval(0, 5), specificity: interval(150, 150)),
    weighted: .init(
      classWeighting: true, confusionMatrix: [[3, 2], [12, 138]], accuracy: interval(141, 155),
      sensitivity: interval(3, 5), specificity: interval(138, 150)))

  static let curve = LearningCurve(
    experiment: 3, title: "Balanced data", classes: ["Hemorrhage", "Normal"],
    positiveClass: "Hemorrhage", seed: 1, testPerClass: [150, 150], minimumBatches: 200,
    points: [(30, 30, 181), (100, 100, 204), (300, 300, 226), (1000, 850, 241)].map {
      requested, used, correct in
      LearningCurve.Point(
        requestedPerClass: requested, trainPerClass: [used, used], trainImages: 2 * used,
        epochs: 12, accuracy: interval(correct, 300), sensitivity: interval(correct / 2, 150),
        specificity: interval(correct - correct / 2, 150), seconds: 1)
    })

  /// Experiment 4 on 300 test images (100 a class): scratch 189, frozen 195, fine-tuned 210
  /// correct.
  static let backbones = BackboneComparison(
    experiment: 4, title: "Three classes", classes: ["Normal", "Subdural", "Intraparenchymal"],
    positiveClass: nil, seed: 1,
    sides: [
      (BackboneMode.scratch, [[70, 18, 12], [20, 62, 18], [15, 28, 57]], 0.60, 3.0),
      (.frozen, [[75, 15, 10], [18, 64, 18], [14, 30, 56]], 0.65, 5.0),
      (.finetune, [[76, 14, 10], [15, 68, 17], [12, 22, 66]], 0.84, 10.2),
    ].map { mode, matrix, train, seconds in
      BackboneComparison.Side(
        backbone: mode,
        accuracy: interval((0..<3).map { matrix[$0][$0] }.reduce(0, +), 300),
        trainAccuracy: train, confusionMatrix: matrix, trainingSeconds: seconds)
    })

  // MARK: keys

  @Test func tabCyclesTheViewsAndArrowsMoveTheThresholdOnlyOnItsView() throws {
    var state = try Self.state(.runs)
    var seen: [GeneralizeView] = []
    for _ in GeneralizeView.allCases {
      seen.append(state.generalize.view)
      state = reduce(state, .key(.tab))
    }
    #expect(seen == GeneralizeView.allCases)
    #expect(state.generalize.view == .runs)
    state = reduce(state, .key(.backTab))
    #expect(state.generalize.view == .backbones)
    // On the threshold view ←/→ move the cut and keep the step.
    state = try Self.state(.roc)
    state.history = [ROCScreenTests.row(seed: 1, curve: ROCScreenTests.curve)]
    let step = state.step
    #expect(state.shownCut == 5)
    state = reduce(state, .key(.right))
    state = reduce(state, .key(.right))
    #expect(state.shownCut == 7 && state.step == step)
    state = reduce(state, .key(.left))
    #expect(state.shownCut == 6 && state.step == step)
    // [ ] still work there; n/p still change the step.
    state = reduce(state, .key(.character("[")))
    #expect(state.shownCut == 5)
    state = reduce(state, .key(.character("p")))
    #expect(state.step == step - 1)
    // On a large test set ←/→ take bigger steps (scores / 40), [ ] still one.
    var many = try Self.state(.roc)
    let scores = (0..<200).map { Double($0) / 200 }
    let big = RecapCurve(
      classNames: ["Hemorrhage", "Normal"], positiveClass: 0, scores: scores,
      isPositive: scores.map { $0 > 0.3 }, prevalence: 0.5)
    many.history = [ROCScreenTests.row(seed: 1, curve: big)]
    let start = try #require(many.shownCut)
    many = reduce(many, .key(.right))
    #expect(many.shownCut == start + 5)
    many = reduce(many, .key(.character("[")))
    #expect(many.shownCut == start + 4)
    // Elsewhere in step 8, ← goes back a step.
    state = try Self.state(.seeds)
    state = reduce(state, .key(.left))
    #expect(state.step == step - 1)
  }

  @Test func enterComputesTheViewXStopsAndSettingsChangeTheTask() throws {
    var state = try Self.state(.seeds)
    state = reduce(state, .key(.character("+")))
    state = reduce(state, .key(.enter))
    #expect(state.effects == [.generalize(.seeds(3, count: 6))])
    #expect(state.generalize.lab.isRunning)
    // A second Enter while it runs starts nothing and says why.
    state.effects = []
    state = reduce(state, .key(.enter))
    #expect(state.effects.isEmpty && state.notice?.contains("x stops it") == true)
    state = reduce(state, .key(.character("x")))
    #expect(state.effects == [.cancelGeneralization])
    // The number of seeds stays within 2…20.
    state = try Self.state(.seeds)
    for _ in 0..<30 { state = reduce(state, .key(.character("-"))) }
    #expect(state.generalize.seedCount == 2)
    for _ in 0..<30 { state = reduce(state, .key(.character("+"))) }
    #expect(state.generalize.seedCount == 20)
    // e: weighting cycles the two-class experiments (1, 2, 3), the others every experiment.
    state = try Self.state(.weighting)
    var ids: [Int] = []
    for _ in 0..<4 {
      ids.append(state.generalize.experiment(for: .weighting))
      state = reduce(state, .key(.character("e")))
    }
    #expect(ids == [2, 3, 1, 2])
    state = reduce(state, .key(.enter))
    #expect(state.effects == [.generalize(.weighting(3))])
    state = try Self.state(.curve)
    state = reduce(state, .key(.character("e")))
    state = reduce(state, .key(.enter))
    #expect(state.effects == [.generalize(.learningCurve(4, sizes: [30, 100, 300, 1000]))])
    state = try Self.state(.external)
    state = reduce(state, .key(.enter))
    #expect(state.effects == [.generalize(.external(3))])
    // Enter on the runs view computes nothing; x there says nothing runs.
    state = try Self.state(.runs)
    state = reduce(state, .key(.enter))
    #expect(state.effects.isEmpty)
    // q quits while the lab computes (the app cancels it with the sessions).
    state = try Self.state(.seeds)
    state.generalize.lab.progress = .running("")
    state = reduce(state, .key(.character("q")))
    #expect(state.wantsQuit && state.effects == [.stopAll])
  }

  @Test func enterComparesTheBackbonesOfTheViewsExperimentAndXStopsIt() throws {
    var state = try Self.state(.backbones)
    #expect(state.generalize.experiment(for: .backbones) == 4)
    state = reduce(state, .key(.enter))
    #expect(state.effects == [.generalize(.backbones(4))])
    #expect(state.generalize.lab.isRunning && state.generalize.labTask(is: .backbones))
    #expect(!state.generalize.labTask(is: .weighting))
    #expect(hints(for: state).first == KeyHint("x", "stop"))
    state.effects = []
    state = reduce(state, .key(.character("x")))
    #expect(state.effects == [.cancelGeneralization])
    // e: every experiment, from 4 on; Enter then compares that one.
    state = try Self.state(.backbones)
    var ids: [Int] = []
    for _ in 0..<6 {
      ids.append(state.generalize.experiment(for: .backbones))
      state = reduce(state, .key(.character("e")))
    }
    #expect(ids == [4, 5, 1, 2, 3, 4])
    state = reduce(state, .key(.enter))
    #expect(state.effects == [.generalize(.backbones(5))])
    // Another experiment's comparison is not shown as this one's.
    state.generalize.lab.backbones = Self.backbones
    let text = render(state, size: Size(width: 100, height: 30), theme: .extended).text
    #expect(!text.contains("From scratch (seed"))
  }

  @Test func footerSaysWhatTheKeysDoInEachView() throws {
    var state = try Self.state(.roc)
    #expect(
      hints(for: state).prefix(2) == [KeyHint("←/→", "threshold"), KeyHint("[ ]", "fine")])
    state.generalize.view = .seeds
    #expect(hints(for: state).contains(KeyHint("Enter", "compute")))
    #expect(hints(for: state).contains(KeyHint("+/-", "seeds")))
    state.generalize.lab.progress = .running("")
    #expect(hints(for: state).first == KeyHint("x", "stop"))
  }

  // MARK: golden screens (100×30, the size the report shows; 80×24 for the smallest)

  @Test func seedsGolden() throws {
    var state = try Self.state(.seeds)
    state.generalize.lab.seeds = Self.seeds
    state.generalize.lab.task = .seeds(3, count: 5)
    state.generalize.lab.progress = .done
    state.generalize.lab.elapsed = 92
    expectGolden(render(state, size: Size(width: 100, height: 30), theme: .extended), file: "seeds")
  }

  @Test func seedsOnATallScreenAlsoShowSensitivityAndSpecificityPerRun() throws {
    var state = try Self.state(.seeds)
    state.generalize.lab.seeds = Self.seeds
    expectGolden(
      render(state, size: Size(width: 160, height: 48), theme: .extended), file: "seeds_160")
  }

  @Test func seedsWhileRunningAt80x24() throws {
    var state = try Self.state(.seeds)
    state.generalize.lab.seeds = SeedVariability(
      experiment: 3, title: "Balanced data", positiveClass: "Hemorrhage",
      runs: Array(Self.seeds.runs.prefix(2)))
    state.generalize.lab.task = .seeds(3, count: 5)
    state.generalize.lab.progress = .running("seed 3 (3 of 5)")
    state.generalize.lab.fraction = 0.5
    state.generalize.lab.elapsed = 41
    expectGolden(
      render(state, size: Size(width: 80, height: 24), theme: .monochrome), file: "seeds_80")
  }

  @Test func externalGolden() throws {
    var state = try Self.state(.external)
    state.generalize.lab.external = Self.external
    #expect(Self.external.internal.accuracy.successes == 240)
    #expect(Self.external.external.accuracy.successes == 201)
    expectGolden(
      render(state, size: Size(width: 100, height: 30), theme: .extended), file: "external")
  }

  @Test func weightingGolden() throws {
    var state = try Self.state(.weighting)
    state.generalize.lab.weighting = Self.weighting
    expectGolden(
      render(state, size: Size(width: 100, height: 30), theme: .extended), file: "weighting")
  }

  @Test func learningCurveGolden() throws {
    var state = try Self.state(.curve)
    state.generalize.lab.curve = Self.curve
    expectGolden(render(state, size: Size(width: 100, height: 30), theme: .extended), file: "curve")
    // While later sizes are still training, the reading waits for them.
    state.generalize.lab.task = .learningCurve(3, sizes: [30, 100, 300, 1000])
    state.generalize.lab.progress = .running("")
    let running = render(state, size: Size(width: 100, height: 30), theme: .extended).text
    #expect(running.contains("The next size is training"))
    #expect(!running.contains("more data helped"))
    // Another experiment's curve is not shown as this one's.
    state.generalize.chosen[.curve] = 4
    #expect(
      !render(state, size: Size(width: 100, height: 30), theme: .extended).text.contains(
        "850/class"))
  }

  @Test func backbonesAt80x24ShowTwoMatricesAndFineTuningInOneLine() throws {
    var state = try Self.state(.backbones)
    state.generalize.lab.backbones = Self.backbones
    state.generalize.lab.task = .backbones(4)
    state.generalize.lab.progress = .done
    state.generalize.lab.elapsed = 19
    let screen = render(state, size: Size(width: 80, height: 24), theme: .monochrome)
    expectGolden(screen, file: "backbones_80")
    // The reading, from the numbers: +0.07 against a margin of ±0.08 is within the noise.
    #expect(Self.backbones.reading.contains("within the noise of the test set (±0.08)"))
    #expect(screen.text.contains("Pretrained, fine-tuned: accuracy 70% (65–75)"))
  }

  @Test func backbonesOfATwoClassExperimentFitAt80x24WithSensitivity() throws {
    var state = try Self.state(.backbones)
    state.generalize.chosen[.backbones] = 2
    func side(_ mode: BackboneMode, found: Int, seconds: Double) -> BackboneComparison.Side {
      BackboneComparison.Side(
        backbone: mode, accuracy: Self.interval(300 + found, 309),
        sensitivity: Self.interval(found, 9), specificity: Self.interval(300, 300),
        trainAccuracy: 0.97,
        confusionMatrix: [[found, 9 - found], [0, 300]], trainingSeconds: seconds)
    }
    state.generalize.lab.backbones = BackboneComparison(
      experiment: 2, title: "Class imbalance", classes: ["Hemorrhage", "Normal"],
      positiveClass: "Hemorrhage", seed: 1,
      sides: [
        side(.scratch, found: 0, seconds: 7.7), side(.frozen, found: 2, seconds: 12),
        side(.finetune, found: 3, seconds: 30),
      ])
    let screen = render(state, size: Size(width: 80, height: 24), theme: .extended)
    expectGolden(screen, file: "backbones_two_class_80")
    #expect(screen.text.contains("Pretrained, fine-tuned: accuracy 98% (96–99) · sens 3/9"))
    #expect(screen.text.contains("Hemorrhage test images from scratch, 2 frozen and 3 fine-tuned."))
  }

  @Test func backbonesAt160x48ShowAllThreeMatrices() throws {
    var state = try Self.state(.backbones)
    state.generalize.lab.backbones = Self.backbones
    state.generalize.lab.task = .backbones(4)
    state.generalize.lab.progress = .done
    state.generalize.lab.elapsed = 19
    expectGolden(
      render(state, size: Size(width: 160, height: 48), theme: .extended), file: "backbones_160")
  }

  @Test func backbonesWhileTrainingShowTheFinishedRunAndWhatComes() throws {
    var state = try Self.state(.backbones)
    state.generalize.lab.backbones = BackboneComparison(
      experiment: 4, title: "Three classes", classes: Self.backbones.classes, positiveClass: nil,
      seed: 1, sides: [Self.backbones.sides[0]])
    state.generalize.lab.task = .backbones(4)
    state.generalize.lab.progress = .running("pretrained, frozen (2 of 3)")
    state.generalize.lab.fraction = 0.45
    state.generalize.lab.elapsed = 6
    expectGolden(
      render(state, size: Size(width: 100, height: 30), theme: .extended), file: "backbones_running"
    )
  }

  @Test func thresholdViewGolden() throws {
    var state = try Self.state(.roc)
    state.history = [ROCScreenTests.row(seed: 1, curve: ROCScreenTests.curve)]
    state = reduce(state, .key(.right))
    expectGolden(
      render(state, size: Size(width: 100, height: 30), theme: .extended), file: "threshold")
  }
}
