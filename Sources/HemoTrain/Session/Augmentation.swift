import HemoCore

/// Random changes to each training image, drawn anew every time it is used: a left–right mirror
/// and a small shift. Test images are never changed. Both are label-preserving for head CT (a
/// bleed can be on either side and anywhere in the slice); up–down flips are not (the anatomy
/// is not symmetric front to back), so they are not offered.
public struct Augmentation: Sendable, Hashable, Codable {
  /// Mirror each image left–right with probability ½.
  public var mirror: Bool
  /// Move each image by a whole number of pixels in −maxShift…maxShift, across and down
  /// independently; pixels moved in from outside are 0 (air in every window).
  public var maxShift: Int

  public init(mirror: Bool = false, maxShift: Int = 0) {
    self.mirror = mirror
    self.maxShift = max(0, maxShift)
  }

  /// No change.
  public static let none = Augmentation()

  /// Whether any change is made.
  public var isActive: Bool { mirror || maxShift > 0 }

  /// "mirror, shift ±4 px", or "none".
  public var label: String {
    var parts: [String] = []
    if mirror { parts.append("mirror") }
    if maxShift > 0 { parts.append("shift ±\(maxShift) px") }
    return parts.isEmpty ? "none" : parts.joined(separator: ", ")
  }

  /// Writes the images `indices` of `images` (planar C×H×W each) into `target`, one after the
  /// other, each mirrored and shifted by draws from `rng` (3 draws per image, whatever is on).
  func apply(
    images: UnsafePointer<Float>, indices: UnsafeBufferPointer<Int>, shape: TensorShape,
    into target: UnsafeMutablePointer<Float>, rng: inout SeededRNG
  ) {
    let limit = min(maxShift, shape.width - 1, shape.height - 1)
    for (slot, index) in indices.enumerated() {
      let flip = rng.chance(0.5)
      let dx = rng.integer(in: -limit...limit)
      let dy = rng.integer(in: -limit...limit)
      Self.transform(
        images + index * shape.count, into: target + slot * shape.count, shape: shape,
        mirror: mirror && flip, dx: maxShift > 0 ? dx : 0, dy: maxShift > 0 ? dy : 0)
    }
  }

  /// One image, mirrored left–right if `mirror` (first), then moved `dx` pixels right and `dy`
  /// down: output (x, y) is the mirrored image's (x − dx, y − dy), 0 where that is outside.
  static func transform(
    _ source: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, shape: TensorShape,
    mirror: Bool, dx: Int, dy: Int
  ) {
    let (width, height, plane) = (shape.width, shape.height, shape.width * shape.height)
    let xLow = max(0, dx)
    let xHigh = min(width, width + dx)
    for channel in 0..<shape.channels {
      for y in 0..<height {
        let row = output + channel * plane + y * width
        let sourceY = y - dy
        guard sourceY >= 0, sourceY < height, xLow < xHigh else {
          row.update(repeating: 0, count: width)
          continue
        }
        let sourceRow = source + channel * plane + sourceY * width
        if xLow > 0 { row.update(repeating: 0, count: xLow) }
        if xHigh < width { (row + xHigh).update(repeating: 0, count: width - xHigh) }
        if mirror {
          for x in xLow..<xHigh { row[x] = sourceRow[width - 1 - (x - dx)] }
        } else {
          (row + xLow).update(from: sourceRow + (xLow - dx), count: xHigh - xLow)
        }
      }
    }
  }
}
