import Foundation

/// Small, fast helpers for the phantom's per-pixel work.
enum PhantomMath {
  /// atan2 for eight points at once, to about 0.003 rad, in −π…π, without a library call
  /// (the angle-table lookups only need the half-degree bin).
  @inline(__always) static func atan2(_ y: SIMD8<Float>, _ x: SIMD8<Float>) -> SIMD8<Float> {
    let signless = SIMD8<UInt32>(repeating: 0x7FFF_FFFF)
    let ax = unsafeBitCast(
      unsafeBitCast(x, to: SIMD8<UInt32>.self) & signless, to: SIMD8<Float>.self)
    let ay = unsafeBitCast(
      unsafeBitCast(y, to: SIMD8<UInt32>.self) & signless, to: SIMD8<Float>.self)
    // As Swift's scalar max and min: `ay >= ax ? ay : ax` and `ay < ax ? ay : ax`.
    let yBigger = ay .> ax
    let big = ax.replacing(with: ay, where: ay .>= ax)
    let a = ax.replacing(with: ay, where: ay .< ax) / big
    let s = a * a
    var r = ((-0.046_496_474_9 * s + 0.159_314_22) * s - 0.327_622_764) * s * a + a
    r.replace(with: 1.570_796_33 - r, where: yBigger)
    r.replace(with: 3.141_592_65 - r, where: x .< 0)
    r.replace(with: -r, where: y .< 0)
    r.replace(with: 0, where: big .== 0)
    return r
  }

  /// Distance (mm) from eight points to the segment a–b.
  @inline(__always) static func segmentDistance(
    _ px: SIMD8<Float>, _ py: SIMD8<Float>, _ ax: Float, _ ay: Float, _ bx: Float, _ by: Float
  ) -> SIMD8<Float> {
    let dx = bx - ax
    let dy = by - ay
    let length2 = dx * dx + dy * dy
    var t = length2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : SIMD8()
    t = t.replacing(with: 0, where: t .< 0).replacing(with: 1, where: t .> 1)
    let ex = px - ax - t * dx
    let ey = py - ay - t * dy
    return (ex * ex + ey * ey).squareRoot()
  }

  /// A smooth periodic random profile over angle: `count` values with harmonics up to `order`
  /// (amplitude falling as 1/k), evaluated with the angle-addition recurrence (no trig per term).
  static func randomProfile(
    count: Int, order: Int, amplitude: Double, rng: inout SeededRNG
  ) -> [Float] {
    var a = [Double](repeating: 0, count: order + 1)
    var b = a
    for k in 1...order {
      a[k] = rng.normal() * amplitude / Double(k)
      b[k] = rng.normal() * amplitude / Double(k)
    }
    // Evaluated on a coarse grid (4 samples per shortest wavelength, at least 64) and
    // interpolated linearly: the profile is smooth, and the trig stays out of the loop.
    let coarse = min(count, max(64, order * 4))
    var samples = [Double](repeating: 0, count: coarse + 1)
    let step = 2 * Double.pi / Double(coarse)
    let cStep = cos(step)
    let sStep = sin(step)
    // The first harmonic at each sample by rotation, then the harmonics of four samples at a
    // time (the same operations per sample as one at a time).
    var cosines = [Double](repeating: 0, count: coarse + 4)
    var sines = cosines
    var c1 = -1.0
    var s1 = 0.0
    for index in 0...coarse {
      cosines[index] = c1
      sines[index] = s1
      (c1, s1) = (c1 * cStep - s1 * sStep, s1 * cStep + c1 * sStep)
    }
    var index = 0
    while index <= coarse {
      let c1 = SIMD4(cosines[index..<index + 4])
      let s1 = SIMD4(sines[index..<index + 4])
      var ck = c1
      var sk = s1
      var value = SIMD4<Double>()
      for k in 1...order {
        value += a[k] * ck + b[k] * sk
        (ck, sk) = (ck * c1 - sk * s1, sk * c1 + ck * s1)
      }
      for lane in 0..<min(4, coarse + 1 - index) { samples[index + lane] = value[lane] }
      index += 4
    }
    var result = [Float](repeating: 0, count: count)
    let scale = Double(coarse) / Double(count)
    for bin in 0..<count {
      let position = (Double(bin) + 0.5) * scale
      let index = min(coarse - 1, Int(position))
      let t = position - Double(index)
      result[bin] = Float(samples[index] + (samples[index + 1] - samples[index]) * t)
    }
    return result
  }

  /// The angle (−π…π) at the centre of `bin` of `count`.
  static func angle(ofBin bin: Int, count: Int) -> Double {
    (Double(bin) + 0.5) / Double(count) * 2 * Double.pi - Double.pi
  }

  /// Smallest signed difference between two angles, in −π…π.
  static func angleDifference(_ a: Double, _ b: Double) -> Double {
    var d = (a - b).truncatingRemainder(dividingBy: 2 * Double.pi)
    if d > Double.pi { d -= 2 * Double.pi }
    if d < -Double.pi { d += 2 * Double.pi }
    return d
  }
}
