// Unaligned SIMD loads and stores on raw float pointers, shared by the kernels.

typealias F16 = SIMD16<Float>
typealias F8 = SIMD8<Float>

@inline(__always) func load16(_ pointer: UnsafePointer<Float>) -> F16 {
  UnsafeRawPointer(pointer).loadUnaligned(as: F16.self)
}

@inline(__always) func load8(_ pointer: UnsafePointer<Float>) -> F8 {
  UnsafeRawPointer(pointer).loadUnaligned(as: F8.self)
}

@inline(__always) func store16(_ value: F16, _ pointer: UnsafeMutablePointer<Float>) {
  UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: F16.self)
}

@inline(__always) func store8(_ value: F8, _ pointer: UnsafeMutablePointer<Float>) {
  UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: F8.self)
}

@inline(__always) func splat16(_ value: Float) -> F16 { F16(repeating: value) }
@inline(__always) func splat8(_ value: Float) -> F8 { F8(repeating: value) }

@inline(__always) func relu16(_ value: F16) -> F16 { value.replacing(with: 0, where: value .< 0) }
@inline(__always) func relu8(_ value: F8) -> F8 { value.replacing(with: 0, where: value .< 0) }

/// Lane-wise maximum (the standard library's generic `pointwiseMax` is not inlined here).
@inline(__always) func max8(_ a: F8, _ b: F8) -> F8 { a.replacing(with: b, where: b .> a) }

/// Lane-wise square root of non-negative values, to within a few ulp: reciprocal square root by
/// the classic bit estimate and three Newton steps, times x. (On Linux, `squareRoot()` goes
/// through a C shim that keeps errno semantics and is never vectorised; this is.)
@inline(__always) func sqrt8(_ x: F8) -> F8 {
  let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
  var r = unsafeBitCast(SIMD8<UInt32>(repeating: 0x5f37_59df) &- (bits &>> 1), to: F8.self)
  let half = 0.5 * x
  r = r * (1.5 - half * r * r)
  r = r * (1.5 - half * r * r)
  r = r * (1.5 - half * r * r)
  return x * r
}
