import Foundation

/// Makes synthetic axial head CT slices in Hounsfield units, with RSNA labels and a blood mask.
///
/// Each slice is a new patient drawn from `population`: head size, shape and position, age and
/// atrophy, calcifications, slice level; then the requested bleeds; then the scanner's kernel and
/// noise. A slice depends only on (seed, size, population, index, request), never on other
/// slices, so callers may generate in any order and in parallel.
public struct PhantomGenerator: Sendable {
  public let seed: UInt64
  public let size: Int
  public let population: PhantomPopulation

  /// Smallest and largest image side the generator accepts.
  public static let sizes = 32...1024

  public init(seed: UInt64, size: Int = 256, population: PhantomPopulation = .standard) {
    precondition(Self.sizes.contains(size), "phantom size must be within \(Self.sizes)")
    self.seed = seed
    self.size = size
    self.population = population
  }

  /// Slice `index` with the requested blood.
  public func slice(index: Int, hemorrhage: HemorrhageRequest) -> PhantomSlice {
    let stream = UInt64(bitPattern: Int64(index)) &* 0x9E37_79B9 &+ hemorrhage.streamKey << 40
    var rng = SeededRNG(seed: seed, stream: stream)
    let patient = PhantomPatient(population: population, rng: &rng)
    let plan = PhantomBleedPlan(request: hemorrhage, population: population, rng: &rng)
    let scene = PhantomScene(patient: patient, plan: plan, rng: &rng)
    let spacing = population.fieldOfViewMM / Double(size)
    // Partial volume: at least a pixel, wider for thick slices cutting obliquely through edges.
    let edge = Float(max(spacing, 0.45 + population.sliceThicknessMM * 0.12))
    // Averaging through a thick slice lowers the contrast of small structures (grey–white).
    let contrast = Float(min(1, (5 / max(population.sliceThicknessMM, 1)).squareRoot()))
    let renderer = PhantomRenderer(
      scene: scene, size: size, spacing: Float(spacing), edge: edge, contrast: contrast)
    var pixels: [Float]
    let blood: [Bool]
    let bounds: PhantomRenderer.Bounds
    (pixels, blood, bounds) = renderer.render(rng: &rng)
    if bounds.maxRow >= bounds.minRow {
      let region = PhantomNoise.Region(
        size: size, rows: max(0, bounds.minRow - 3)..<min(size, bounds.maxRow + 4),
        columns: max(0, bounds.minColumn - 3)..<min(size, bounds.maxColumn + 4))
      // Kernel: 0.5 (medium) blurs with neighbour weight 0.15; sharper kernels blur less and
      // above ≈ 0.83 overshoot (negative weight: edge enhancement).
      let sharpness = min(1, max(0, population.kernelSharpness))
      let kernel = Float(min(0.25, max(-0.1, 0.15 - 0.45 * (sharpness - 0.5))))
      PhantomNoise.filter(&pixels, region, cx: kernel, cy: kernel)
      // The scanner's point spread has wide tails (focal spot, detector crosstalk, scatter):
      // invisible between soft tissues, they spill bright bone into the first millimetre or two
      // of brain under the inner table, the bright cortical rim of real head CT.
      var tails = pixels
      let spread = Float(min(0.25, 0.25 * spacing / 0.98))
      PhantomNoise.filter(&tails, region, cx: spread, cy: spread)
      PhantomNoise.filter(&tails, region, cx: spread, cy: spread)
      let tail = Float(population.pointSpreadTail)
      pixels.withUnsafeMutableBufferPointer { pixels in
        tails.withUnsafeBufferPointer { tails in
          for row in region.rows {
            for index in row * size + region.columns.lowerBound..<row * size
              + region.columns.upperBound
            {
              pixels[index] += tail * (tails[index] - pixels[index])
            }
          }
        }
      }
      PhantomNoise.addCorrelatedNoise(
        to: &pixels, region, sd: Float(patient.noiseSD),
        cx: Float(min(0.33, max(0, population.noiseCorrelation))),
        cy: Float(min(0.33, max(0, population.noiseCorrelationVertical))), rng: &rng)
      // Only the region changed from the air (−1000) the renderer starts from.
      pixels.withUnsafeMutableBufferPointer { pixels in
        for row in region.rows {
          for index in row * size + region.columns.lowerBound..<row * size
            + region.columns.upperBound
          {
            let value = pixels[index]
            pixels[index] = value < -1024 ? -1024 : (value > 3071 ? 3071 : value)
          }
        }
      }
    }
    patient.support?.paint(
      &pixels, size: size, spacing: spacing, rotation: patient.rotation,
      offset: (patient.offsetX, patient.offsetY))
    let image = HUImage(
      width: size, height: size, pixels: pixels, pixelSpacing: (spacing, spacing))
    return PhantomSlice(
      image: image, labels: HemorrhageLabels(plan.subtypes),
      bloodMask: PixelMask(width: size, height: size, bits: blood), level: SliceLevel.of(z: plan.z),
      seed: seed, index: index)
  }
}
