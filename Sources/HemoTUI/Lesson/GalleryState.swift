import HemoCore
import HemoTrain

/// Step 2's gallery: which image is selected and how the viewer shows it.
public struct GalleryState: Sendable, Equatable {
  /// One class of the gallery and what to ask the generator for.
  public struct GalleryClass: Sendable, Equatable {
    public var name: String
    public var request: HemorrhageRequest
  }

  /// Normal and each subtype.
  public static let classes: [GalleryClass] =
    [GalleryClass(name: "Normal", request: .none)]
    + HemorrhageSubtype.allCases.map {
      GalleryClass(name: $0.displayName, request: .subtypes([$0]))
    }
  /// Images per class.
  public static let perClass = 3
  /// The generator seed of the gallery's slices.
  public static let seed: UInt64 = 2021
  /// Slice size the gallery draws.
  public static let sliceSize = 256
  public static var count: Int { classes.count * perClass }

  /// Flat index: class-major (`class * perClass + image`).
  public var selection: Int
  /// Index into `Window.presets`.
  public var windowIndex: Int
  public var colourCoding: Bool
  public var showsMask: Bool

  public init(
    selection: Int = 0, windowIndex: Int = 0, colourCoding: Bool = false, showsMask: Bool = true
  ) {
    self.selection = selection
    self.windowIndex = windowIndex
    self.colourCoding = colourCoding
    self.showsMask = showsMask
  }

  public var window: Window { Window.presets[windowIndex % Window.presets.count] }

  /// The class of gallery image `index`.
  public static func galleryClass(of index: Int) -> GalleryClass {
    classes[min(classes.count - 1, max(0, index / perClass))]
  }

  /// The slice for gallery image `index` (deterministic).
  public static func slice(_ index: Int) -> PhantomSlice {
    PhantomGenerator(seed: seed, size: sliceSize).slice(
      index: index, hemorrhage: galleryClass(of: index).request)
  }
}

/// Which image a store entry holds.
public enum ImageKey: Sendable, Hashable {
  /// A gallery image of step 2.
  case gallery(Int)
  /// Image `index` of experiment `experiment`'s dataset.
  case experiment(Int, index: Int)
}

/// Images the app has made for the screen: small thumbnails (display RGB) and full samples for
/// the large viewers. Filled by the app from `LessonState.wantedImages`; rendering only reads.
public struct ImageStore: Sendable, Equatable {
  /// Thumbnail side in pixels.
  public static let thumbnailSide = 48
  public var thumbnails: [ImageKey: RGBImage] = [:]
  public var samples: [ImageKey: Sample] = [:]
  /// The model's probabilities for a gallery image, with what they were computed from.
  public var preview: Preview?
  /// The model's probabilities for a file the learner picked (inspect's preview, `o`).
  public var filePreview: FilePreview?
  /// Saliency heatmaps computed off the UI thread (inspect's `g`), by what they explain.
  public var heatmaps: [HeatmapKey: SaliencyMap] = [:]

  public init() {}

  /// A gallery image's class probabilities under one experiment's model.
  public struct Preview: Sendable, Equatable {
    public var experiment: Int
    public var galleryIndex: Int
    /// Identifies the weights (epochs done, batches done).
    public var weights: [Int]
    public var probabilities: [Float]

    public init(experiment: Int, galleryIndex: Int, weights: [Int], probabilities: [Float]) {
      self.experiment = experiment
      self.galleryIndex = galleryIndex
      self.weights = weights
      self.probabilities = probabilities
    }
  }
}
