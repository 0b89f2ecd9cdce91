import Foundation

/// What a run shows, written from its own numbers. If a run does not show the experiment's point,
/// the text says so instead of pretending it did.
public struct LessonReading: Sendable {
  public let text: String
  /// Whether the teaching point showed in this run; nil when it cannot be judged from this run alone.
  public let pointShown: Bool?

  public init(result: ExperimentResult, previous: ExperimentResult? = nil) {
    let accuracy = result.accuracy
    let acc = Self.number(accuracy.estimate)
    let range = Self.range(accuracy)
    switch result.teachingPoint {
    case .smallData:
      let shown = accuracy.estimate <= 0.8
      let opening =
        shown
        ? "With only \(result.classes.map { String($0.train) }.joined(separator: " and ")) training images, the model got \(accuracy.successes) of \(accuracy.trials) test images right (accuracy \(acc)): far from what a radiologist would accept."
        : "This run got \(accuracy.successes) of \(accuracy.trials) test images right (accuracy \(acc)), better than the lesson expects from so few images."
      text =
        opening
        + " With \(accuracy.trials) test images the 95 % interval runs from \(range): the measurement itself is too uncertain to trust, whatever the number."
      pointShown = shown
    case .imbalance:
      guard let sensitivity = result.sensitivity, let positive = result.positiveClass else {
        text = "Accuracy \(acc) (95 % interval \(range))."
        pointShown = nil
        return
      }
      let found = "\(sensitivity.successes) of \(sensitivity.trials)"
      let majority = result.classes.first { $0.name != positive }?.name ?? "the majority class"
      if accuracy.estimate >= 0.93 && sensitivity.estimate <= 0.4 {
        text =
          "Accuracy looks excellent at \(acc), yet the model found only \(found) \(positive.lowercased()) cases (sensitivity \(Self.number(sensitivity.estimate))). Calling nearly everything \(majority) is right most of the time because \(majority) is most of the data: accuracy hides the failure, the confusion matrix shows it."
        pointShown = true
      } else {
        text =
          "Accuracy \(acc), and the model found \(found) \(positive.lowercased()) cases (sensitivity \(Self.number(sensitivity.estimate))). This run did not fall into the imbalance trap as clearly as the lesson expects; look at how few \(positive.lowercased()) images the test set holds (\(sensitivity.trials)) and try another seed."
        pointShown = false
      }
    case .balanced:
      guard let sensitivity = result.sensitivity, let specificity = result.specificity,
        let positive = result.positiveClass
      else {
        text = "Accuracy \(acc) (95 % interval \(range))."
        pointShown = nil
        return
      }
      let missed = sensitivity.trials - sensitivity.successes
      var sentence =
        "With balanced classes the model found \(sensitivity.successes) of \(sensitivity.trials) \(positive.lowercased()) cases (sensitivity \(Self.number(sensitivity.estimate)), specificity \(Self.number(specificity.estimate))) at an accuracy of \(acc)."
      var shown =
        sensitivity.estimate >= 0.6 && accuracy.estimate >= 0.65 && accuracy.estimate <= 0.92
      if let previous, previous.teachingPoint == .imbalance {
        let lower = accuracy.estimate < previous.accuracy.estimate
        shown = shown && lower
        sentence +=
          lower
          ? " That is lower than the imbalanced experiment's \(Self.number(previous.accuracy.estimate)), but far more useful: "
          : " Unusually, that is not lower than the imbalanced experiment's \(Self.number(previous.accuracy.estimate)); "
      } else {
        sentence += " "
      }
      sentence +=
        missed > 0
        ? "better, and still not perfect: \(missed) were missed."
        : "every case in this test set was found, which a larger test set would probably not confirm."
      text = sentence
      pointShown = shown
    case .multiclass:
      let train = result.epochs.last?.trainAccuracy ?? 0
      let gap = train - accuracy.estimate
      let shown = accuracy.estimate <= 0.70
      var sentence =
        shown
        ? "Three classes with \(result.classes.first?.train ?? 0) training images each: accuracy is \(acc) (95 % interval \(range)), not impressive."
        : "Three classes with \(result.classes.first?.train ?? 0) training images each: accuracy is \(acc) (95 % interval \(range)), better than the lesson expects."
      if gap > 0.1 {
        sentence +=
          " On its own training images it scored \(Self.number(train)): the gap means it memorised those images more than it learned what carries over to new ones (overfitting)."
      }
      text = sentence
      pointShown = shown
    case .colourCoding:
      if let previous, previous.teachingPoint == .multiclass {
        let gain = accuracy.estimate - previous.accuracy.estimate
        let shown = gain >= 0.15
        text =
          (shown
            ? "Painting the pixels of fresh-blood density red lifted accuracy from \(Self.number(previous.accuracy.estimate)) to \(acc): "
              + "the preprocessing hands the network the feature a radiologist looks for."
            : "Colour-coding changed accuracy from \(Self.number(previous.accuracy.estimate)) to \(acc) in this run, less than the lesson expects.")
          + Self.noiseNote(result.accuracy, previous.accuracy)
          + " The rule is crude: bone edges and calcifications in the same density range turn red too."
        pointShown = shown
      } else {
        text =
          "With the blood-density pixels painted red, accuracy is \(acc) (95 % interval \(range)). Compare it with experiment 4, the same images in grey. The rule is crude: bone edges and calcifications in the same density range turn red too."
        pointShown = nil
      }
    case .custom:
      text = "Accuracy \(acc) (95 % interval \(range)) on \(accuracy.trials) test images."
      pointShown = nil
    }
  }

  /// The 95 % margin of a difference between two independent accuracies (normal approximation).
  static func differenceMargin(
    _ a: ExperimentResult.Interval, _ b: ExperimentResult.Interval
  ) -> Double {
    func variance(_ i: ExperimentResult.Interval) -> Double {
      i.trials > 0 ? i.estimate * (1 - i.estimate) / Double(i.trials) : 0
    }
    return 1.96 * (variance(a) + variance(b)).squareRoot()
  }

  /// " With 36 and 36 test images, a difference this small is within the noise (±0.21): …",
  /// or "" when the difference is larger than its margin.
  static func noiseNote(_ a: ExperimentResult.Interval, _ b: ExperimentResult.Interval) -> String {
    let margin = differenceMargin(a, b)
    guard abs(a.estimate - b.estimate) < margin else { return "" }
    return
      " With \(a.trials) and \(b.trials) test images a difference of \(number(abs(a.estimate - b.estimate))) is within the noise (±\(number(margin))): another seed could shrink it or reverse it."
  }

  /// A proportion with two decimals, e.g. "0.97".
  static func number(_ value: Double) -> String {
    String(format: "%.2f", value)
  }

  /// "0.31 to 0.83".
  static func range(_ interval: ExperimentResult.Interval) -> String {
    "\(number(interval.lower)) to \(number(interval.upper))"
  }
}
