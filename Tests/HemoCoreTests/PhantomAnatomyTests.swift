import HemoCore
import Testing

/// Each subtype's blood lies where that bleed lives.
@Suite("Phantom anatomy and bleed sites")
struct PhantomAnatomyTests {
  let generator = PhantomGenerator(seed: 11, size: 128)

  /// Distance (pixels) from each pixel to the nearest pixel above 300 HU (bone), by a two-pass
  /// chamfer transform.
  static func boneDistance(_ image: HUImage) -> [Float] {
    let w = image.width
    let h = image.height
    var d = image.pixels.map { $0 > 300 ? Float(0) : Float(1e6) }
    for y in 0..<h {
      for x in 0..<w {
        var v = d[y * w + x]
        if x > 0 { v = min(v, d[y * w + x - 1] + 1) }
        if y > 0 { v = min(v, d[(y - 1) * w + x] + 1) }
        if x > 0 && y > 0 { v = min(v, d[(y - 1) * w + x - 1] + 1.414) }
        if x < w - 1 && y > 0 { v = min(v, d[(y - 1) * w + x + 1] + 1.414) }
        d[y * w + x] = v
      }
    }
    for y in stride(from: h - 1, through: 0, by: -1) {
      for x in stride(from: w - 1, through: 0, by: -1) {
        var v = d[y * w + x]
        if x < w - 1 { v = min(v, d[y * w + x + 1] + 1) }
        if y < h - 1 { v = min(v, d[(y + 1) * w + x] + 1) }
        if x < w - 1 && y < h - 1 { v = min(v, d[(y + 1) * w + x + 1] + 1.414) }
        if x > 0 && y < h - 1 { v = min(v, d[(y + 1) * w + x - 1] + 1.414) }
        d[y * w + x] = v
      }
    }
    return d
  }

  /// Distances to bone of the slice's blood pixels, in millimetres.
  func bloodToBone(_ slice: PhantomSlice) -> [Float] {
    let distance = Self.boneDistance(slice.image)
    let mm = Float(slice.image.pixelSpacing?.row ?? 1)
    return slice.bloodMask.bits.indices.filter { slice.bloodMask.bits[$0] }.map {
      distance[$0] * mm
    }
  }

  @Test(
    "subdural and epidural blood lies against the inner table",
    arguments: [
      HemorrhageSubtype.subdural, .epidural,
    ])
  func extraAxial(subtype: HemorrhageSubtype) {
    for index in 0..<10 {
      let distances = bloodToBone(generator.slice(index: index, hemorrhage: .subtypes([subtype])))
      #expect((distances.min() ?? 99) <= 3, "\(subtype) #\(index) touches the inner table")
      #expect((distances.max() ?? 99) <= 45, "\(subtype) #\(index) stays along the skull")
    }
  }

  @Test("intraventricular blood lies deep, in the ventricles, far from the skull")
  func intraventricular() {
    for index in 0..<10 {
      let slice = generator.slice(index: index, hemorrhage: .subtypes([.intraventricular]))
      #expect(slice.level == .ventricles)
      let distances = bloodToBone(slice)
      #expect((distances.min() ?? 0) >= 25, "#\(index) is deep in the brain")
      // Ventricular blood is CSF-replacing: on a plain slice of the same level, these pixels are
      // not brain-dense; here they are denser than CSF on average.
      let values = slice.bloodMask.bits.indices.filter { slice.bloodMask.bits[$0] }.map {
        slice.image.pixels[$0]
      }
      let mean = values.reduce(0, +) / Float(max(values.count, 1))
      #expect(mean > 30, "#\(index) blood is denser than CSF")
    }
  }

  @Test("intraparenchymal blood lies in the brain, away from the inner table")
  func intraparenchymal() {
    var deep = 0
    for index in 0..<10 {
      let distances = bloodToBone(
        generator.slice(index: index, hemorrhage: .subtypes([.intraparenchymal])))
      let median = distances.sorted()[distances.count / 2]
      if median > 10 { deep += 1 }
    }
    #expect(deep >= 8)
  }

  @Test("slice levels cover the posterior fossa, the ventricles and above")
  func levels() {
    var seen = Set<SliceLevel>()
    for index in 0..<40 { seen.insert(generator.slice(index: index, hemorrhage: .none).level) }
    #expect(seen == Set(SliceLevel.allCases))
  }
}
