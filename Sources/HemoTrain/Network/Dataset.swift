/// Labelled images ready for the network: N images of `shape`, planar (N×C×H×W) floats,
/// typically 0…1, with a class index per image.
public struct Dataset: Sendable {
  public let shape: TensorShape
  public let classNames: [String]
  public let images: [Float]
  public let labels: [Int]

  /// `images.count` must be `labels.count × shape.count` and every label a valid class index
  /// (programming errors, checked with preconditions).
  public init(shape: TensorShape, classNames: [String], images: [Float], labels: [Int]) {
    precondition(images.count == labels.count * shape.count, "images do not match labels × shape")
    precondition(labels.allSatisfy { (0..<classNames.count).contains($0) }, "label out of range")
    self.shape = shape
    self.classNames = classNames
    self.images = images
    self.labels = labels
  }

  /// The number of images.
  public var count: Int { labels.count }

  /// Images per class, indexed by class.
  public var classCounts: [Int] {
    var counts = [Int](repeating: 0, count: classNames.count)
    for label in labels { counts[label] += 1 }
    return counts
  }
}
