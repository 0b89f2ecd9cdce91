import Foundation

/// A fast, seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// Every random choice in HemoLab takes one of these, so the same seed always gives the same
/// numbers on every machine. `stream` derives independent generators from one seed (for example one
/// per image index), so that image 500 does not depend on how many numbers images 0…499 drew.
public struct SeededRNG: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates a generator for `seed`; different `stream` values give unrelated sequences.
  public init(seed: UInt64, stream: UInt64 = 0) {
    var mixer = seed &+ 0x9E37_79B9_7F4A_7C15 &* (stream &+ 1)
    mixer ^= stream &* 0xD1B5_4A32_D192_ED03
    func splitMix(_ value: inout UInt64) -> UInt64 {
      value &+= 0x9E37_79B9_7F4A_7C15
      var z = value
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (splitMix(&mixer), splitMix(&mixer), splitMix(&mixer), splitMix(&mixer))
  }

  public mutating func next() -> UInt64 {
    let result = rotate(state.1 &* 5, 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = rotate(state.3, 45)
    return result
  }

  /// A uniform Double in [0, 1) with 53 random bits.
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform Double in [low, high).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * unit()
  }

  /// A uniform Float in [low, high).
  public mutating func uniformFloat(_ low: Float, _ high: Float) -> Float {
    Float(uniform(Double(low), Double(high)))
  }

  /// True with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// A standard normal deviate (Box–Muller; deterministic, no cached second value).
  public mutating func normal() -> Double {
    let u1 = max(unit(), 0x1.0p-53)
    let u2 = unit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// A normal deviate with the given mean and standard deviation.
  public mutating func normal(mean: Double, sd: Double) -> Double {
    mean + sd * normal()
  }

  /// A uniform integer in `range`.
  public mutating func integer(in range: Range<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  /// A uniform integer in `range`.
  public mutating func integer(in range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  private func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
    (value << bits) | (value >> (64 - bits))
  }
}
