import HemoCore
import HemoTrain
import Testing

@testable import HemoLesson

/// What the pretrained-vs-scratch comparison says, on hand-made results: each pretrained run
/// against scratch, and whether its difference is within the noise of the test set.
@Suite struct BackboneComparisonReadingTests {
  static func comparison(_ correct: [BackboneMode: Int], of trials: Int = 300)
    -> BackboneComparison
  {
    let sides = BackboneMode.allCases.compactMap { mode in
      correct[mode].map { k in
        BackboneComparison.Side(
          backbone: mode,
          accuracy: ExperimentResult.Interval(WilsonInterval(successes: k, trials: trials)),
          trainAccuracy: 0.9, confusionMatrix: [[k, 0], [0, trials - k]], trainingSeconds: 1)
      }
    }
    return BackboneComparison(
      experiment: 4, title: "Three classes", classes: ["A", "B"], positiveClass: nil, seed: 1,
      sides: sides)
  }

  @Test func smallDifferencesOnThreeHundredImagesAreCalledNoise() {
    // 0.63 against 0.65 and 0.70: margins ±0.077 and ±0.075, both larger than the differences.
    let reading = Self.comparison([.scratch: 189, .frozen: 195, .finetune: 210]).reading
    #expect(
      reading.hasPrefix(
        "On the same 300 test images, accuracy was 0.63 from scratch, 0.65 with the pretrained backbone frozen (+0.02) and 0.70 fine-tuned (+0.07)."
      ))
    #expect(reading.contains("Both differences are within the noise of the test set (±0.08)"))
    #expect(reading.contains("the intervals overlap"))
    #expect(!reading.contains("helped"))
  }

  @Test func aLargeGainIsCalledOneAndEachRunIsJudgedOnItsOwn() {
    // 0.50 → 0.80 (margin ±0.07) is a gain; 0.50 → 0.53 (margin ±0.08) is not.
    let reading = Self.comparison([.scratch: 150, .frozen: 240, .finetune: 160]).reading
    #expect(
      reading.contains(
        "The frozen backbone gains more than the noise of the test set (±0.07): on these images the pretrained start helped."
      ))
    #expect(reading.contains("Fine-tuning's difference is within the noise (±0.08)."))
    let worse = Self.comparison([.scratch: 240, .frozen: 150]).reading
    #expect(worse.contains("0.50 with the pretrained backbone frozen (−0.30)"))
    #expect(worse.contains("loses more than the noise") && worse.contains("hurt"))
  }

  @Test func twoClassRunsAlsoSayHowManyPositivesEachFound() {
    func side(_ mode: BackboneMode, found: Int) -> BackboneComparison.Side {
      BackboneComparison.Side(
        backbone: mode,
        accuracy: ExperimentResult.Interval(
          WilsonInterval(successes: 300 + found, trials: 309)),
        sensitivity: ExperimentResult.Interval(WilsonInterval(successes: found, trials: 9)),
        specificity: ExperimentResult.Interval(WilsonInterval(successes: 300, trials: 300)),
        trainAccuracy: 0.97, confusionMatrix: [[found, 9 - found], [0, 300]],
        trainingSeconds: 8)
    }
    let comparison = BackboneComparison(
      experiment: 2, title: "Class imbalance", classes: ["Hemorrhage", "Normal"],
      positiveClass: "Hemorrhage", seed: 1,
      sides: [side(.scratch, found: 0), side(.frozen, found: 2), side(.finetune, found: 3)])
    #expect(
      comparison.reading.hasSuffix(
        "It found 0 of 9 Hemorrhage test images from scratch, 2 frozen and 3 fine-tuned."))
    #expect(comparison.reading.contains("0.97 from scratch"))
  }

  @Test func tinyTestSetsAndMissingRunsSayLittle() {
    // 10 test images: 0.60 against 0.70 is one image, far inside ±0.42.
    let tiny = Self.comparison([.scratch: 6, .finetune: 7], of: 10).reading
    #expect(tiny.contains("0.70 with the pretrained backbone fine-tuned (+0.10)"))
    #expect(tiny.contains("This difference is within the noise of the test set (±0.42)"))
    #expect(tiny.contains("could shrink or reverse it."))
    // Scratch alone (the others stopped or still to come): nothing to compare yet.
    #expect(Self.comparison([.scratch: 189]).reading == "")
  }
}
