import HemoCore
import Testing

/// The "another hospital" population is reproducible and shifted the way it was designed.
@Suite("Phantom external population")
struct PhantomExternalTests {
  /// Mean neighbour correlation along rows of 8×8 brain patches (15…50 HU), patch mean removed.
  static func rowCorrelation(_ image: HUImage, patch: Int = 8) -> Double? {
    var sum = 0.0
    var count = 0
    for by in stride(from: 0, to: image.height - patch + 1, by: patch) {
      for bx in stride(from: 0, to: image.width - patch + 1, by: patch) {
        var values: [Double] = []
        for y in by..<(by + patch) {
          for x in bx..<(bx + patch) { values.append(Double(image[x, y])) }
        }
        guard values.allSatisfy({ $0 >= 15 && $0 < 50 }) else { continue }
        let mean = values.reduce(0, +) / Double(values.count)
        let centred = values.map { $0 - mean }
        let variance = centred.reduce(0) { $0 + $1 * $1 } / Double(values.count)
        guard variance > 0 else { continue }
        var lag = 0.0
        for y in 0..<patch {
          for x in 0..<(patch - 1) { lag += centred[y * patch + x] * centred[y * patch + x + 1] }
        }
        sum += lag / Double(patch * (patch - 1)) / variance
        count += 1
      }
    }
    return count > 0 ? sum / Double(count) : nil
  }

  /// Per-population measurements over `count` normal ventricular-level slices.
  struct Measures {
    var noise: Double
    var correlation: Double
    /// Fraction of the head (pixels above −200 HU) in the CSF band −20…15 HU.
    var csfOfHead: Double
    /// Fraction of the image that is head.
    var head: Double
  }

  static func measure(_ population: PhantomPopulation, count: Int) -> Measures {
    let generator = PhantomGenerator(seed: 808, size: 256, population: population)
    var noises: [Double] = []
    var correlations: [Double] = []
    var csf = 0
    var headPixels = 0
    var all = 0
    var index = 0
    var used = 0
    while used < count && index < count * 6 {
      let slice = generator.slice(index: index, hemorrhage: .none)
      index += 1
      guard slice.level == .ventricles else { continue }
      used += 1
      if let sd = PhantomRealismTests.brainNoise(slice.image) { noises.append(sd) }
      if let r = rowCorrelation(slice.image) { correlations.append(r) }
      for hu in slice.image.pixels {
        all += 1
        if hu > -200 { headPixels += 1 }
        if hu >= -20 && hu < 15 { csf += 1 }
      }
    }
    noises.sort()
    return Measures(
      noise: noises[noises.count / 2],
      correlation: correlations.reduce(0, +) / Double(max(correlations.count, 1)),
      csfOfHead: Double(csf) / Double(max(headPixels, 1)),
      head: Double(headPixels) / Double(max(all, 1)))
  }

  @Test("the external set is reproducible for a seed and differs from the standard one")
  func reproducible() {
    let a = PhantomGenerator(seed: 5, size: 128, population: .external)
    let b = PhantomGenerator(seed: 5, size: 128, population: .external)
    let standard = PhantomGenerator(seed: 5, size: 128)
    for index in 0..<4 {
      let request: HemorrhageRequest = index % 2 == 0 ? .none : .anyHemorrhage
      let slice = a.slice(index: index, hemorrhage: request)
      #expect(slice.image == b.slice(index: index, hemorrhage: request).image)
      #expect(slice.labels == b.slice(index: index, hemorrhage: request).labels)
      #expect(slice.image != standard.slice(index: index, hemorrhage: request).image)
    }
  }

  /// Median HU inside the blood masks of `count` any-hemorrhage slices, over the pixels within
  /// 20…120 HU (bone and calcification lying over a mask pixel left out).
  static func medianBloodHU(_ population: PhantomPopulation, count: Int) -> Double {
    let generator = PhantomGenerator(seed: 9, size: 256, population: population)
    var values: [Float] = []
    for index in 0..<count {
      let slice = generator.slice(index: index, hemorrhage: .anyHemorrhage)
      for (hu, blood) in zip(slice.image.pixels, slice.bloodMask.bits)
      where blood && hu >= 20 && hu <= 120 {
        values.append(hu)
      }
    }
    values.sort()
    return values.isEmpty ? 0 : Double(values[values.count / 2])
  }

  @Test("external: noisier and blotchier, fainter bleeds, smaller heads; labels unchanged")
  func shifted() {
    let standard = Self.measure(.standard, count: 24)
    let external = Self.measure(.external, count: 24)
    let standardBlood = Self.medianBloodHU(.standard, count: 24)
    let externalBlood = Self.medianBloodHU(.external, count: 24)
    print(
      """
      measure              standard  external
      brain noise SD (HU)  \(standard.noise)  \(external.noise)
      row correlation      \(standard.correlation)  \(external.correlation)
      CSF / head           \(standard.csfOfHead)  \(external.csfOfHead)
      head / image         \(standard.head)  \(external.head)
      median blood HU      \(standardBlood)  \(externalBlood)
      """)
    // Designed: noise 8–10 vs 2.8–3.8 HU (measured in 8×8 patches that stay within 15…50 HU,
    // which clips the widest patches, so the median reads low).
    #expect(external.noise > standard.noise + 2.5)
    // Designed: a soft kernel and blotchy noise (neighbour weight 0.25) vs a medium kernel and
    // weights 0.14 / 0.21.
    #expect(external.correlation > standard.correlation + 0.05)
    // Designed: 275 mm field of view vs 250 mm, so the head covers (250/275)² ≈ 0.83× the area.
    #expect(external.head < standard.head * 0.9)
    // Designed: partial volume through 7.5 mm slices, acute blood 58 HU on average vs 68.
    #expect(externalBlood < standardBlood - 3)
    // Bleeds are still labelled and masked the same way.
    let generator = PhantomGenerator(seed: 9, size: 128, population: .external)
    for index in 0..<12 {
      let slice = generator.slice(index: index, hemorrhage: .anyHemorrhage)
      #expect(slice.labels.any)
      #expect(!slice.bloodMask.isEmpty, "external any-hemorrhage #\(index)")
    }
  }

  @Test("early scans move acute bleeds to hyperacute: the same total, fainter blood")
  func earlyScans() {
    var acuteOnly = PhantomPopulation.standard
    (acuteOnly.acuteFraction, acuteOnly.hyperacuteFraction) = (0.9, 0.04)
    #expect(acuteOnly.densityFractions == (0.9, 0.04))
    var early = acuteOnly
    early.earlyScanShare = 0.4
    let (acute, hyperacute) = early.densityFractions
    #expect(abs(acute - 0.54) < 1e-12)
    #expect(abs(hyperacute - 0.40) < 1e-12)
    #expect(abs(acute + hyperacute - 0.94) < 1e-12)
    // Every acute bleed scanned early: blood measures 36–48 HU instead of about 68.
    early.earlyScanShare = 1
    let usual = Self.medianBloodHU(acuteOnly, count: 16)
    let earlier = Self.medianBloodHU(early, count: 16)
    #expect(usual > 55)
    #expect(earlier < 50)
    #expect(PhantomPopulation.standard.earlyScanShare == 0)
    #expect(PhantomPopulation.external.earlyScanShare > 0)
  }
}
