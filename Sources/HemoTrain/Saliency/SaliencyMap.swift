/// A saliency map at the network's input resolution: one non-negative value per pixel, row-major,
/// scaled so the largest is 1 (all zero when the class score does not depend on the image).
public struct SaliencyMap: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public let values: [Float]
  /// The class whose score the map explains.
  public let classIndex: Int
  public let method: SaliencyMethod
  /// The model's softmax probabilities for the image.
  public let probabilities: [Float]

  public init(
    width: Int, height: Int, values: [Float], classIndex: Int, method: SaliencyMethod,
    probabilities: [Float]
  ) {
    precondition(values.count == width * height, "map size does not match the dimensions")
    self.width = width
    self.height = height
    let top = values.max() ?? 0
    self.values = top > 0 ? values.map { max($0, 0) / top } : values.map { _ in 0 }
    self.classIndex = classIndex
    self.method = method
    self.probabilities = probabilities
  }

  public subscript(x: Int, y: Int) -> Float { values[y * width + x] }

  /// The pixel with the largest value (the first in row-major order on ties).
  public var peak: (x: Int, y: Int) {
    var best = 0
    for i in values.indices where values[i] > values[best] { best = i }
    return (best % width, best / width)
  }
}
