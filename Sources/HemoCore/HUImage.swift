/// A single CT slice in Hounsfield units: row-major Float values, `width` × `height`.
public struct HUImage: Sendable, Equatable {
  public let width: Int
  public let height: Int
  /// Row-major HU values; `pixels[y * width + x]`.
  public var pixels: [Float]
  /// Physical size of one pixel in millimetres (row spacing, column spacing), when known.
  public var pixelSpacing: (row: Double, column: Double)?

  /// An image filled with `value` (air by default).
  public init(width: Int, height: Int, fill value: Float = -1024) {
    precondition(width > 0 && height > 0, "an image needs positive dimensions")
    self.width = width
    self.height = height
    self.pixels = [Float](repeating: value, count: width * height)
  }

  /// Wraps existing HU values; `pixels.count` must equal `width * height`.
  public init(
    width: Int, height: Int, pixels: [Float], pixelSpacing: (row: Double, column: Double)? = nil
  ) {
    precondition(pixels.count == width * height, "pixel count does not match the dimensions")
    self.width = width
    self.height = height
    self.pixels = pixels
    self.pixelSpacing = pixelSpacing
  }

  public subscript(x: Int, y: Int) -> Float {
    get { pixels[y * width + x] }
    set { pixels[y * width + x] = newValue }
  }

  public static func == (lhs: HUImage, rhs: HUImage) -> Bool {
    lhs.width == rhs.width && lhs.height == rhs.height && lhs.pixels == rhs.pixels
  }

  /// Minimum, maximum, mean and standard deviation of the HU values.
  public var statistics: HUStatistics { HUStatistics(pixels) }
}

/// Summary statistics of a set of HU values.
public struct HUStatistics: Sendable, Equatable, Codable {
  public let min: Float
  public let max: Float
  public let mean: Double
  public let standardDeviation: Double

  public init<C: Collection>(_ values: C) where C.Element == Float {
    var low = Float.infinity
    var high = -Float.infinity
    var sum = 0.0
    var sumSquares = 0.0
    for value in values {
      low = Swift.min(low, value)
      high = Swift.max(high, value)
      sum += Double(value)
      sumSquares += Double(value) * Double(value)
    }
    let count = Double(Swift.max(values.count, 1))
    let mean = sum / count
    min = values.isEmpty ? 0 : low
    max = values.isEmpty ? 0 : high
    self.mean = mean
    standardDeviation = Swift.max(0, sumSquares / count - mean * mean).squareRoot()
  }
}
