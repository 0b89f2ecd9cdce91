/// A point (or a vector) in the plane of two weights: where the ball is, or which way is downhill.
public struct Point2: Sendable, Hashable, Codable {
  public var x: Double
  public var y: Double

  public init(_ x: Double, _ y: Double) {
    self.x = x
    self.y = y
  }

  public static let zero = Point2(0, 0)

  /// The Euclidean length.
  public var length: Double { (x * x + y * y).squareRoot() }

  /// True when both coordinates are ordinary numbers (not NaN or infinite).
  public var isFinite: Bool { x.isFinite && y.isFinite }

  public static func + (a: Point2, b: Point2) -> Point2 { Point2(a.x + b.x, a.y + b.y) }
  public static func - (a: Point2, b: Point2) -> Point2 { Point2(a.x - b.x, a.y - b.y) }
  public static func * (k: Double, p: Point2) -> Point2 { Point2(k * p.x, k * p.y) }
}
