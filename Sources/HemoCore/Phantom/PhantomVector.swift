/// Eight-lane float loads and stores for the phantom's inner loops (unaligned, no bounds checks).
///
/// The vector code does the same IEEE operations in the same order as the scalar code it
/// replaced, lane by lane, so results are bit-identical; it only does eight at a time.
enum PhantomVector {
  typealias Lanes = SIMD8<Float>
  static let width = 8

  @inline(__always) static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
  }

  @inline(__always) static func load(_ pointer: UnsafeMutablePointer<Float>) -> Lanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
  }

  @inline(__always) static func store(_ value: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lanes.self)
  }
}

extension PhantomVector {
  typealias Mask = SIMDMask<SIMD8<Int32>>

  /// Fraction of a pixel covered by the inside of an edge at signed distance `distance` (mm,
  /// positive inside), with partial-volume width `1 / inverse` mm: a linear ramp clamped to 0…1.
  @inline(__always) static func cover(_ distance: Lanes, inverse: Float) -> Lanes {
    let value = distance * inverse + 0.5
    return value.replacing(with: 0, where: value .< 0).replacing(with: 1, where: value .> 1)
  }

  /// `a + (b − a) · t` per lane.
  @inline(__always) static func mix(_ a: Lanes, _ b: Lanes, _ t: Lanes) -> Lanes {
    a + (b - a) * t
  }

  @inline(__always) static func mix(_ a: Float, _ b: Lanes, _ t: Lanes) -> Lanes {
    a + (b - a) * t
  }

  @inline(__always) static func mix(_ a: Lanes, _ b: Float, _ t: Lanes) -> Lanes {
    a + (b - a) * t
  }

  /// Swift's `min(x, y)` per lane (`y < x ? y : x`).
  @inline(__always) static func min(_ x: Lanes, _ y: Lanes) -> Lanes {
    x.replacing(with: y, where: y .< x)
  }

  /// Swift's `max(x, y)` per lane (`y >= x ? y : x`).
  @inline(__always) static func max(_ x: Lanes, _ y: Lanes) -> Lanes {
    x.replacing(with: y, where: y .>= x)
  }

  /// True when any lane is set (the standard library's `any` reduces lane by lane).
  @inline(__always) static func any(_ mask: Mask) -> Bool {
    let words = unsafeBitCast(mask, to: (UInt64, UInt64, UInt64, UInt64).self)
    return (words.0 | words.1 | words.2 | words.3) != 0
  }

  /// Sign bit cleared per lane.
  @inline(__always) static func abs(_ x: Lanes) -> Lanes {
    let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self) & SIMD8(repeating: 0x7FFF_FFFF)
    return unsafeBitCast(bits, to: Lanes.self)
  }
}
