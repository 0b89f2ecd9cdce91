import Testing

@testable import HemoCore

@Suite struct StratifiedSplitTests {
  @Test(arguments: [(30, 5), (1000, 150), (80, 12), (7, 2), (1, 1)])
  func holdsOutCeilFifteenPercentOfEachClass(count: Int, held: Int) {
    let labels = [Int](repeating: 0, count: count) + [Int](repeating: 1, count: 20)
    let split = StratifiedSplit(labels: labels, seed: 1)
    #expect(split.test.filter { labels[$0] == 0 }.count == held)
    #expect(split.test.filter { labels[$0] == 1 }.count == 3)
    #expect(Set(split.train).isDisjoint(with: split.test))
    #expect(Set(split.train + split.test) == Set(labels.indices))
  }

  @Test func sameSeedSameSplitOtherSeedOtherSplit() {
    let labels = (0..<200).map { $0 % 2 }
    #expect(StratifiedSplit(labels: labels, seed: 3) == StratifiedSplit(labels: labels, seed: 3))
    #expect(StratifiedSplit(labels: labels, seed: 3) != StratifiedSplit(labels: labels, seed: 4))
  }
}
