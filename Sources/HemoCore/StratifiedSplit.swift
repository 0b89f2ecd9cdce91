/// Train/test split as Teachable Machine makes it: each class shuffled with the seed, and the last
/// ceil(15 %) of each class becomes the test set.
public struct StratifiedSplit: Sendable, Equatable, Codable {
  /// Indices (into the caller's sample list) used for training, class by class.
  public let train: [Int]
  /// Indices held out for testing, class by class.
  public let test: [Int]

  public init(train: [Int], test: [Int]) {
    self.train = train
    self.test = test
  }

  /// Splits samples whose class labels are `labels` (0-based), holding out `ceil(testFraction × n)`
  /// of every class.
  public init(labels: [Int], testFraction: Double = 0.15, seed: UInt64) {
    precondition(testFraction >= 0 && testFraction < 1, "test fraction must be in [0, 1)")
    let classCount = (labels.max() ?? -1) + 1
    var byClass = [[Int]](repeating: [], count: classCount)
    for (index, label) in labels.enumerated() {
      byClass[label].append(index)
    }
    var rng = SeededRNG(seed: seed, stream: 0x5917)
    var train: [Int] = []
    var test: [Int] = []
    for var members in byClass {
      members.shuffle(using: &rng)
      let held = Self.heldOut(count: members.count, testFraction: testFraction)
      train += members.dropLast(held)
      test += members.suffix(held)
    }
    self.init(train: train, test: test)
  }

  /// How many of a class of `count` images are held out: `ceil(testFraction × count)`.
  public static func heldOut(count: Int, testFraction: Double) -> Int {
    // The epsilon keeps 80 × 0.15 at 12, as JavaScript's Math.ceil gives it.
    Int((Double(count) * testFraction - 1e-9).rounded(.up))
  }
}
