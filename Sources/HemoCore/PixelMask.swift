/// A binary mask over an image (for example where the blood is), row-major.
public struct PixelMask: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public var bits: [Bool]

  /// An empty mask.
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
    bits = [Bool](repeating: false, count: width * height)
  }

  public init(width: Int, height: Int, bits: [Bool]) {
    precondition(bits.count == width * height, "mask size does not match the dimensions")
    self.width = width
    self.height = height
    self.bits = bits
  }

  public subscript(x: Int, y: Int) -> Bool {
    get { bits[y * width + x] }
    set { bits[y * width + x] = newValue }
  }

  /// Number of pixels set.
  public var count: Int { bits.reduce(0) { $0 + ($1 ? 1 : 0) } }

  /// True when no pixel is set.
  public var isEmpty: Bool { !bits.contains(true) }
}
