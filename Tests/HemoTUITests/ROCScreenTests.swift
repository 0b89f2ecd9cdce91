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
    let text = render(state, size: Size(width: 100, height: 40), theme: .extended).text
    expectGolden(text, GOLDEN_ROC)
  }
}

/// AUC 47/50 = 0.94 (3 hemorrhages above every normal, 0.6 below one, 0.4 below two); at
/// p ≥ 0.45: 4 of 5 found, 2 false alarms; PPV at 10 % = 0.08 / (0.08 + 0.18) = 30.8 %.
let GOLDEN_ROC = """
   Step 8/8  Does it generalize?                                                      ● ● ● ● ● ● ● ◉
    Your runs │ Threshold │ Seeds │ Other hospital │ Weighting │ More data             Tab: next view
   ─ Does it generalize? ────────────────────────────────────────────────────────────────────────────
    One number from one run is not a result. Three reasons:                                        █
    - Chance: with few test images the 95 % interval is wide; another seed gives another split,    █
      other starting weights and another order, and the accuracy moves.                            █
    - The threshold: a model outputs a probability; where you cut it trades sensitivity against    █
      specificity. Accuracy hides that choice, a ROC curve shows all of them.                      █
    - Another hospital: a model is only known to work on data like its test set. A different       █
      scanner, reconstruction or patient population can lower its performance, sometimes a lot.    █
                                                                                                   █
    Tab goes through the views: your runs, the threshold (ROC), several seeds, another hospital,   █
    class weighting, and more data. Enter measures each one (in the background; x stops).          █
                                                                                                   █
    Here are your runs side by side, with their intervals. Before trusting a model in practice:    █
    test it on data from the place it will be used, with enough cases, and look at sensitivity and █
    specificity, never accuracy alone.                                                             █
                                                                                                   █
    Starting from a pretrained network. Teachable Machine never trains a network from nothing: it  █
    takes MobileNet, already trained on over a million everyday photographs, keeps its layers      │
    fixed, and trains only a small head (two dense layers) on your images. The fixed layers already│
    respond to edges, textures and blobs, so your few dozen images only have to teach which        │
    combination of those means "hemorrhage": far fewer numbers to learn, far less room to memorise ▼
   ─ ROC curve of experiment 3, seed 1 ──────────────────────────────────────────────────────────────
    ─── chance   ─── ROC   ─●─ threshold                AUC 0.94 (95% CI 0.78–1.00)
    1.0┤         ⡏⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⢉⣉⠭⠝⠛⠉  Threshold: Hemorrhage if p ≥ 0.450
       │    ⢠⠤⠤⠤⠤●                        ⢀⣀⠤⠔⠒⠉⠁       true\\pred   Hemorrhage    Normal    correct
       │    ⢸                        ⣀⡠⠤⠒⠊⠁             Hemorrhage      4           1        80.0%
       │⡏⠉⠉⠉⠉                  ⣀⡠⠤⠒⠊⠉                   Normal          2           8        80.0%
    0.5┤⡇                ⣀⡠⠤⠒⠊⠉
       │⡇          ⢀⡠⠤⠒⠊⠉                               sensitivity 80.0%  specificity 80.0%
       │⡇    ⢀⣀⠤⠔⠒⠉⠁                                    at 10.0% prevalence: PPV 30.8% NPV 97.3%
    0.0┤⣇⠤⠔⠒⠉⠁                                          [ ] move the threshold
       └┬──────────┬───────────┬──────────┬──────────┬
      0.00       0.25        0.50       0.75      1.00
   ─ Your runs ──────────────────────────────────────────────────────────────────────────────────────
   exp seed  ep  wt  accuracy (95% CI)       sensitivity specificity point
   3   1     12  off 80.0% (54.8–93.0)       –           –           shown

   Tab view  ←/→ step  PgDn scroll  ? help  q quit
  """
