import HemoCore
import HemoLesson
import HemoTrain
import Testing

@testable import HemoTUI

/// Step 8's ROC curve and movable threshold, on a hand-made two-class run.
@Suite struct ROCScreenTests {
  /// 5 hemorrhages and 10 normals; the model's probability of hemorrhage for each.
  static let curve = RecapCurve(
    classNames: ["Hemorrhage", "Normal"], positiveClass: 0,
    scores: [0.95, 0.9, 0.8, 0.6, 0.4] + [0.7, 0.45, 0.3, 0.2, 0.15, 0.1, 0.08, 0.05, 0.03, 0.01],
    isPositive: Array(repeating: true, count: 5) + Array(repeating: false, count: 10),
    prevalence: 0.1)

  static func row(seed: UInt64, curve: RecapCurve?) -> RecapRow {
    let accuracy = ExperimentResult.Interval(WilsonInterval(successes: 12, trials: 15))
    return RecapRow(
      experiment: 3, title: "Balanced data", seed: seed, epochs: 12, classWeighting: false,
      accuracy: accuracy, sensitivity: nil, specificity: nil, pointShown: true, curve: curve)
  }

  static func state() throws -> LessonState {
    var state = try LessonFixtures.state(step: 0)
    let index = try #require(state.steps.firstIndex { $0.kind == .generalize })
    state.step = index
    state.history = [row(seed: 1, curve: curve)]
    return state
  }

  @Test func thresholdKeysMoveTheCutAndANewRunStartsAtItsOwnRule() throws {
    var state = try Self.state()
    // Scores ≥ 0.5: 0.95, 0.9, 0.8, 0.7, 0.6 → the run's own rule is cut 5.
    #expect(state.shownCut == 5)
    let roc = Self.curve.roc
    let atRule = roc.metrics(at: roc.thresholds[4])
    // 4 of 5 hemorrhages (0.4 missed), 1 false alarm (0.7).
    #expect(atRule.truePositives == 4 && atRule.falsePositives == 1)
    state = reduce(state, .key(.character("]")))
    #expect(state.shownCut == 6)
    for _ in 0..<20 { state = reduce(state, .key(.character("["))) }
    #expect(state.shownCut == 0)
    for _ in 0..<40 { state = reduce(state, .key(.character("."))) }
    #expect(state.shownCut == roc.thresholds.count)
    // ←/→ still change the step.
    let step = state.step
    state = reduce(state, .key(.left))
    #expect(state.step == step - 1)
    state = reduce(state, .key(.right))
    // A newer two-class run shows its own rule, not the old cut.
    state.history.append(Self.row(seed: 2, curve: Self.curve))
    #expect(state.shownCut == 5)
    // A run without a curve (three classes) leaves the latest two-class run in view.
    state.history.append(Self.row(seed: 3, curve: nil))
    #expect(state.recapCurveRow == 1)
  }

  @Test func rocPanelGolden() throws {
    var state = try Self.state()
    state = reduce(state, .key(.character("]")))
    expectGolden(render(state, size: Size(width: 100, height: 40), theme: .extended), file: "roc")
  }
}

/// AUC 47/50 = 0.94 (3 hemorrhages above every normal, 0.6 below one, 0.4 below two); at
/// p ≥ 0.45: 4 of 5 found, 2 false alarms; PPV at 10 % = 0.08 / (0.08 + 0.18) = 30.8 %.
