/// The pixels of one sample: a CT slice in Hounsfield units, or an 8-bit RGB picture (a JPEG from
/// a Teachable Machine project, already windowed and possibly colour-coded by whoever made it).
public enum SamplePixels: Sendable, Equatable {
  case hounsfield(HUImage)
  case picture(RGBImage)

  public var width: Int {
    switch self {
    case .hounsfield(let image): image.width
    case .picture(let image): image.width
    }
  }

  public var height: Int {
    switch self {
    case .hounsfield(let image): image.height
    case .picture(let image): image.height
    }
  }
}

/// One labelled image, from any source (phantom, .tm project, DICOM folder, class folder).
public struct Sample: Sendable, Equatable {
  public var pixels: SamplePixels
  /// Index of the sample's class in its `SampleSet.classNames`.
  public var label: Int
  /// Where it came from, for a person: a file path, or "phantom seed 7 #12".
  public var source: String
  /// The RSNA labels, when known (synthetic slices, RSNA folders).
  public var hemorrhage: HemorrhageLabels?
  /// Where the blood is, when known (synthetic slices only).
  public var bloodMask: PixelMask?

  public init(
    pixels: SamplePixels, label: Int, source: String, hemorrhage: HemorrhageLabels? = nil,
    bloodMask: PixelMask? = nil
  ) {
    self.pixels = pixels
    self.label = label
    self.source = source
    self.hemorrhage = hemorrhage
    self.bloodMask = bloodMask
  }
}

/// A set of labelled samples with its class names (class order = label index).
public struct SampleSet: Sendable, Equatable {
  public var classNames: [String]
  public var samples: [Sample]

  public init(classNames: [String], samples: [Sample]) {
    self.classNames = classNames
    self.samples = samples
  }

  /// Number of samples in each class, in class order.
  public var classCounts: [Int] {
    var counts = [Int](repeating: 0, count: classNames.count)
    for sample in samples where counts.indices.contains(sample.label) {
      counts[sample.label] += 1
    }
    return counts
  }
}
