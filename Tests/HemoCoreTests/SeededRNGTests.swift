import Testing

@testable import HemoCore

@Suite struct SeededRNGTests {
  @Test func sameSeedGivesSameSequence() {
    var a = SeededRNG(seed: 42)
    var b = SeededRNG(seed: 42)
    let first = (0..<100).map { _ in a.next() }
    let second = (0..<100).map { _ in b.next() }
    #expect(first == second)
  }

  @Test func streamsAndSeedsDiffer() {
    var a = SeededRNG(seed: 42, stream: 0)
    var b = SeededRNG(seed: 42, stream: 1)
    var c = SeededRNG(seed: 43, stream: 0)
    let x = a.next()
    #expect(x != b.next())
    #expect(x != c.next())
  }

  @Test func unitIsInRangeAndNormalHasUnitVariance() {
    var rng = SeededRNG(seed: 7)
    var sum = 0.0
    var sumSquares = 0.0
    let n = 200_000
    for _ in 0..<n {
      let u = rng.unit()
      #expect(u >= 0 && u < 1)
      let z = rng.normal()
      sum += z
      sumSquares += z * z
    }
    let mean = sum / Double(n)
    let variance = sumSquares / Double(n) - mean * mean
    #expect(abs(mean) < 0.01)
    #expect(abs(variance - 1) < 0.02)
  }
}
