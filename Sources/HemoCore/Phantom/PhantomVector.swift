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
