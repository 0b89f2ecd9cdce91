/// One generated head CT slice with its RSNA labels and where the blood is.
public struct PhantomSlice: Sendable {
  /// The slice in Hounsfield units, clamped to −1024…3071.
  public let image: HUImage
  /// Exactly the subtypes present (and so RSNA's `any`).
  public let labels: HemorrhageLabels
  /// Pixels whose blood fraction, after partial volume, is at least `bloodFractionThreshold`.
  public let bloodMask: PixelMask
  /// The axial level of the slice.
  public let level: SliceLevel
  /// The generator's seed and the slice's index, for `source`.
  public let seed: UInt64
  public let index: Int

  /// A pixel counts as blood in `bloodMask` from this fraction on.
  public static let bloodFractionThreshold: Float = 0.35

  public init(
    image: HUImage, labels: HemorrhageLabels, bloodMask: PixelMask, level: SliceLevel,
    seed: UInt64, index: Int
  ) {
    self.image = image
    self.labels = labels
    self.bloodMask = bloodMask
    self.level = level
    self.seed = seed
    self.index = index
  }

  /// Where it came from, for a person: "phantom seed 7 #12".
  public var source: String { "phantom seed \(seed) #\(index)" }

  /// The slice as a `Sample` of class `label` (Hounsfield pixels, labels and blood mask kept).
  public func sample(label: Int) -> Sample {
    Sample(
      pixels: .hounsfield(image), label: label, source: source, hemorrhage: labels,
      bloodMask: bloodMask)
  }
}
