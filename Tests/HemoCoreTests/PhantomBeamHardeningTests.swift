import Testing

@testable import HemoCore

/// Residual beam hardening: the same patient drawn with and without it differs only inside the
/// skull, by the population's amount just under the inner table, fading to nothing deep inside.
@Suite("Phantom beam hardening")
struct PhantomBeamHardeningTests {
  static func slice(cupping: Double) -> PhantomSlice {
    var population = PhantomPopulation.standard
    population.cupping = cupping...cupping
    population.noiseSD = 0...0
    return PhantomGenerator(seed: 9, size: 128, population: population)
      .slice(index: 3, hemorrhage: .none)
  }

  @Test func theBrainUnderTheInnerTableIsBrighterThanItsCentre() {
    let plain = Self.slice(cupping: 0).image
    let hardened = Self.slice(cupping: 12).image
    let size = plain.width
    var largest: Float = 0
    var outsideHead: Float = 0
    for index in 0..<size * size {
      let difference = hardened.pixels[index] - plain.pixels[index]
      largest = max(largest, difference)
      if plain.pixels[index] < -900 { outsideHead = max(outsideHead, abs(difference)) }
    }
    // Just under the inner table the full amount (a little less after the kernel's blur).
    #expect(largest > 9 && largest <= 12.01, "largest difference \(largest) HU")
    #expect(outsideHead == 0)
    // The head's centre lies far deeper than the 35 mm reach.
    let centre = (size / 2) * size + size / 2
    #expect(abs(hardened.pixels[centre] - plain.pixels[centre]) < 0.01)
  }
}
