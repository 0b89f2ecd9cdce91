/// The xterm 256-colour palette: the 6×6×6 cube (16–231) and the 24-step grey ramp (232–255).
public enum Palette {
  /// Channel values of the cube's six steps.
  static let cubeSteps: [Int] = [0, 95, 135, 175, 215, 255]

  /// Nearest grey of 16 (black), 232–255 (8, 18, … 238) and 231 (white) to `level`.
  public static func grey(_ level: UInt8) -> UInt8 {
    let v = Int(level)
    if v < 4 { return 16 }
    if v > 246 { return 231 }
    let step = min(23, max(0, Int((Double(v - 8) / 10).rounded())))
    return UInt8(232 + step)
  }

  /// The value an index of the grey ramp shows (for tests and contrast decisions).
  public static func greyValue(_ index: UInt8) -> Int {
    switch index {
    case 16: 0
    case 231: 255
    case 232...255: 8 + 10 * (Int(index) - 232)
    default: -1
    }
  }

  /// A red ramp of the cube (16, 52, 88, 124, 160, 196) for `level` 0...255.
  public static func red(_ level: UInt8) -> UInt8 {
    UInt8(16 + 36 * nearestStep(Int(level)))
  }

  /// Nearest palette entry (cube or grey ramp) to an RGB colour.
  public static func nearest(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
    let (ri, gi, bi) = (nearestStep(Int(r)), nearestStep(Int(g)), nearestStep(Int(b)))
    let cube = UInt8(16 + 36 * ri + 6 * gi + bi)
    let cubeError = distance(
      (r, g, b), (cubeSteps[ri], cubeSteps[gi], cubeSteps[bi]))
    let mean = UInt8((Int(r) + Int(g) + Int(b)) / 3)
    let greyIndex = grey(mean)
    let gv = greyValue(greyIndex)
    return distance((r, g, b), (gv, gv, gv)) < cubeError ? greyIndex : cube
  }

  /// Nearest of the eight basic colours (0–7) to an RGB colour, by hue when it is saturated.
  public static func basic(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
    let bits = [r, g, b].map { $0 >= 128 ? 1 : 0 }
    return UInt8(bits[0] | bits[1] << 1 | bits[2] << 2)
  }

  static func nearestStep(_ v: Int) -> Int {
    var best = 0
    for (i, s) in cubeSteps.enumerated() where abs(s - v) < abs(cubeSteps[best] - v) { best = i }
    return best
  }

  private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (Int, Int, Int)) -> Int {
    let dr = Int(a.0) - b.0
    let dg = Int(a.1) - b.1
    let db = Int(a.2) - b.2
    return dr * dr + dg * dg + db * db
  }
}
