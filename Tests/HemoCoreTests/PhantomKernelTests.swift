import Foundation
import Testing

@testable import HemoCore

/// The phantom's vectorised kernels against plain one-pixel-at-a-time versions written here.
@Suite("Phantom kernels")
struct PhantomKernelTests {
  /// The white noise `addCorrelatedNoise` draws: four 16-bit uniforms per generator call.
  static func whiteNoise(count: Int, rng: inout SeededRNG) -> [Float] {
    (0..<count).map { _ in
      let bits = rng.next()
      let sum =
        Int32(truncatingIfNeeded: bits & 0xFFFF)
        + Int32(truncatingIfNeeded: (bits >> 16) & 0xFFFF)
        + Int32(truncatingIfNeeded: (bits >> 32) & 0xFFFF) + Int32(truncatingIfNeeded: bits >> 48)
      return Float(sum - 131_070) * (1 / 37_837.23)
    }
  }

  /// [c, 1 − 2c, c] along rows then columns over the rectangle, edges repeated, pixel by pixel.
  static func referenceFilter(
    _ image: inout [Float], size: Int, rows: Range<Int>, columns: Range<Int>, cx: Float, cy: Float
  ) {
    guard columns.count > 2, rows.count > 2 else { return }
    let source = image
    if cx != 0 {
      for row in rows {
        for x in columns {
          let left = source[row * size + max(x - 1, columns.lowerBound)]
          let right = source[row * size + min(x + 1, columns.upperBound - 1)]
          image[row * size + x] = (1 - 2 * cx) * source[row * size + x] + cx * (left + right)
        }
      }
    }
    if cy != 0 {
      let across = image
      for row in rows {
        for x in columns {
          let up = across[max(row - 1, rows.lowerBound) * size + x]
          let down = across[min(row + 1, rows.upperBound - 1) * size + x]
          image[row * size + x] = (1 - 2 * cy) * across[row * size + x] + cy * (up + down)
        }
      }
    }
  }

  static let shapes: [(rows: Range<Int>, columns: Range<Int>)] = [
    (3..<27, 5..<39), (0..<40, 0..<40), (10..<11, 2..<30), (4..<6, 1..<19), (1..<30, 7..<9),
    (2..<5, 3..<6), (6..<30, 12..<20), (0..<1, 0..<1), (8..<33, 1..<25),
  ]

  static func testImage(size: Int) -> [Float] {
    var rng = SeededRNG(seed: 5)
    return (0..<size * size).map { _ in Float(rng.uniform(-1000, 1500)) }
  }

  @Test("kernel filter: the same pixels as the one-pixel-at-a-time filter, any rectangle")
  func filterMatchesReference() {
    let size = 40
    for (rows, columns) in Self.shapes {
      for (cx, cy) in [(Float(0.15), Float(0.15)), (-0.1, -0.1), (0.25, 0), (0, 0.2)] {
        var image = Self.testImage(size: size)
        var expected = image
        PhantomNoise.filter(
          &image, PhantomNoise.Region(size: size, rows: rows, columns: columns), cx: cx, cy: cy)
        Self.referenceFilter(
          &expected, size: size, rows: rows, columns: columns, cx: cx, cy: cy)
        #expect(image == expected, "rows \(rows) columns \(columns) cx \(cx) cy \(cy)")
      }
    }
  }

  @Test("correlated noise: the noise buffer drawn, filtered and added as a whole")
  func noiseMatchesReference() {
    let size = 40
    for (rows, columns) in Self.shapes {
      for (cx, cy) in [(Float(0.2), Float(0.12)), (0, 0.3), (0.25, 0), (0, 0)] {
        var image = Self.testImage(size: size)
        var expected = image
        var rng = SeededRNG(seed: 9, stream: 3)
        var referenceRNG = rng
        PhantomNoise.addCorrelatedNoise(
          to: &image, PhantomNoise.Region(size: size, rows: rows, columns: columns), sd: 4,
          cx: cx, cy: cy, rng: &rng)
        let width = columns.count
        var noise = Self.whiteNoise(count: width * rows.count, rng: &referenceRNG)
        Self.referenceFilter(
          &noise, size: width, rows: 0..<rows.count, columns: 0..<width, cx: cx, cy: cy)
        let gx = 2 * cx * cx + (1 - 2 * cx) * (1 - 2 * cx)
        let gy = 2 * cy * cy + (1 - 2 * cy) * (1 - 2 * cy)
        let gain = 4 / max((gx * gy).squareRoot(), 1e-6)
        for (localRow, row) in rows.enumerated() {
          for (localColumn, column) in columns.enumerated() {
            expected[row * size + column] += noise[localRow * width + localColumn] * gain
          }
        }
        #expect(image == expected, "rows \(rows) columns \(columns) cx \(cx) cy \(cy)")
        // The generator is left where drawing the whole buffer leaves it.
        #expect(rng.next() == referenceRNG.next())
      }
    }
  }

  @Test("eight-lane atan2 is within 0.003 rad of atan2 all round, and 0 at the origin")
  func atan2Accuracy() {
    var worst: Float = 0
    for step in 0..<720 {
      let angle = Double(step) / 720 * 2 * Double.pi - Double.pi + 0.001
      let radius = 0.5 + Double(step % 9) * 11.3
      let ys = SIMD8<Float>((0..<8).map { Float(radius * Double($0 + 1) * sin(angle)) })
      let xs = SIMD8<Float>((0..<8).map { Float(radius * Double($0 + 1) * cos(angle)) })
      let result = PhantomMath.atan2(ys, xs)
      for lane in 0..<8 {
        let exact = Float(Foundation.atan2(Double(ys[lane]), Double(xs[lane])))
        var error = abs(result[lane] - exact)
        error = min(error, 2 * Float.pi - error)
        worst = max(worst, error)
      }
    }
    #expect(worst < 0.003, "worst error \(worst) rad")
    let axes = PhantomMath.atan2(
      SIMD8(0, 1, 0, -1, 0, 2, -2, 0), SIMD8(1, 0, -1, 0, 0, 2, -2, -0.5))
    let expected: [Float] = [0, .pi / 2, .pi, -.pi / 2, 0, .pi / 4, -3 * .pi / 4, .pi]
    for lane in 0..<8 { #expect(abs(axes[lane] - expected[lane]) < 0.003, "lane \(lane)") }
  }
}
