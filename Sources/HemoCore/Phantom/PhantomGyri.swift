import Foundation

/// The folding pattern of the cortex: a fixed, periodic, band-limited random field whose zero
/// lines are the sulci. Each slice samples it in (gyrus, depth) coordinates at its own random
/// offset, so sulci wind and branch like gyri instead of forming a regular comb.
///
/// `distance` holds f / |∇f| (texels, clamped to ±`clamp`): approximately the signed distance to
/// the nearest zero line, so a sulcus of any width is one comparison per pixel.
enum PhantomGyri {
  /// Texture side (texels); the texture is periodic with this period in both directions.
  static let side = 128
  /// Texels per gyrus along the cortex (the `u` axis).
  static let texelsPerGyrus: Float = 8
  /// Largest stored distance, texels.
  static let clamp: Float = 6

  /// The distance texture, row-major, `side` × `side`; computed once per process.
  static let distance: [Float] = {
    var rng = SeededRNG(seed: 0x6759_7269, stream: 1)
    let n = side
    // 14 plane waves with integer wave numbers (periodic), |k| ≈ 8 cycles per texture: a
    // wavelength of 2 gyri, so neighbouring zero lines (sulci) lie about one gyrus apart.
    var waves: [(kx: Double, ky: Double, phase: Double, amplitude: Double)] = []
    while waves.count < 14 {
      let kx = Double(rng.integer(in: -10...10))
      let ky = Double(rng.integer(in: -10...10))
      let k = (kx * kx + ky * ky).squareRoot()
      guard k >= 6 && k <= 10 else { continue }
      waves.append((kx, ky, rng.uniform(0, 2 * Double.pi), rng.uniform(0.6, 1.0)))
    }
    var field = [Float](repeating: 0, count: n * n)
    let omega = 2 * Double.pi / Double(n)
    for y in 0..<n {
      for x in 0..<n {
        var f = 0.0
        var gx = 0.0
        var gy = 0.0
        for wave in waves {
          let angle = omega * (wave.kx * Double(x) + wave.ky * Double(y)) + wave.phase
          f += wave.amplitude * cos(angle)
          let s = -wave.amplitude * sin(angle) * omega
          gx += s * wave.kx
          gy += s * wave.ky
        }
        let gradient = max((gx * gx + gy * gy).squareRoot(), 1e-6)
        field[y * n + x] = Float(max(-Double(clamp), min(Double(clamp), f / gradient)))
      }
    }
    return field
  }()

  /// Bilinear sample of `texture` at (u, v) texels, wrapping around.
  @inline(__always) static func sample(_ texture: UnsafePointer<Float>, _ u: Float, _ v: Float)
    -> Float
  {
    let fu = u.rounded(.down)
    let fv = v.rounded(.down)
    let tu = u - fu
    let tv = v - fv
    let mask = side - 1
    let x0 = Int(fu) & mask
    let y0 = Int(fv) & mask
    let x1 = (x0 + 1) & mask
    let y1 = (y0 + 1) & mask
    let a = texture[y0 * side + x0]
    let b = texture[y0 * side + x1]
    let c = texture[y1 * side + x0]
    let d = texture[y1 * side + x1]
    let top = a + (b - a) * tu
    let bottom = c + (d - c) * tu
    return top + (bottom - top) * tv
  }
}
