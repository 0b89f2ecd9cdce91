/// The scanner's contribution: reconstruction-kernel blur (or edge enhancement) and spatially
/// correlated noise, both applied only inside a rectangle (the head; the air around it stays
/// flat).
enum PhantomNoise {
  /// A rectangle of pixels: rows `rows`, columns `columns` of an image `size` wide.
  struct Region {
    var size: Int
    var rows: Range<Int>
    var columns: Range<Int>
  }

  /// Filters the region with [cx, 1 − 2cx, cx] along rows and [cy, 1 − 2cy, cy] along columns
  /// (negative weights sharpen); pixels outside the region are read as the edge value.
  static func filter(_ pixels: inout [Float], _ region: Region, cx: Float, cy: Float) {
    let size = region.size
    let c0 = region.columns.lowerBound
    let c1 = region.columns.upperBound
    guard c1 - c0 > 2, region.rows.count > 2 else { return }
    pixels.withUnsafeMutableBufferPointer { image in
      if cx != 0 {
        let centre = 1 - 2 * cx
        for row in region.rows {
          let base = row * size
          var previous = image[base + c0]
          for x in c0..<c1 {
            let current = image[base + x]
            let next = x + 1 < c1 ? image[base + x + 1] : current
            image[base + x] = centre * current + cx * (previous + next)
            previous = current
          }
        }
      }
      if cy != 0 {
        let centre = 1 - 2 * cy
        // Columns: a rolling copy of the row above, so the inner loop runs along memory.
        var above = [Float](repeating: 0, count: c1 - c0)
        above.withUnsafeMutableBufferPointer { above in
          let first = region.rows.lowerBound
          let last = region.rows.upperBound - 1
          for x in c0..<c1 { above[x - c0] = image[first * size + x] }
          for row in region.rows {
            let base = row * size
            let below = row < last ? base + size : base
            for x in c0..<c1 {
              let current = image[base + x]
              image[base + x] = centre * current + cy * (above[x - c0] + image[below + x])
              above[x - c0] = current
            }
          }
        }
      }
    }
  }

  /// Adds noise of standard deviation `sd` HU to the region: white noise filtered with
  /// [cx, 1 − 2cx, cx] along rows and [cy, 1 − 2cy, cy] along columns, scaled so that `sd`
  /// is the SD after filtering.
  static func addCorrelatedNoise(
    to pixels: inout [Float], _ region: Region, sd: Float, cx: Float, cy: Float,
    rng: inout SeededRNG
  ) {
    let size = region.size
    guard !region.rows.isEmpty, !region.columns.isEmpty else { return }
    // The noise lives in a buffer the size of the region.
    let width = region.columns.count
    let local = Region(size: width, rows: 0..<region.rows.count, columns: 0..<width)
    var noise = [Float](repeating: 0, count: width * region.rows.count)
    // Sum of four 16-bit uniforms: close to normal with unit variance, one generator call per
    // pixel.
    let unitScale: Float = 1 / 37_837.23
    noise.withUnsafeMutableBufferPointer { noise in
      for index in 0..<noise.count {
        let bits = rng.next()
        let sum =
          Int32(truncatingIfNeeded: bits & 0xFFFF)
          + Int32(truncatingIfNeeded: (bits >> 16) & 0xFFFF)
          + Int32(truncatingIfNeeded: (bits >> 32) & 0xFFFF) + Int32(truncatingIfNeeded: bits >> 48)
        noise[index] = Float(sum - 131_070) * unitScale
      }
    }
    filter(&noise, local, cx: cx, cy: cy)
    let gx = 2 * cx * cx + (1 - 2 * cx) * (1 - 2 * cx)
    let gy = 2 * cy * cy + (1 - 2 * cy) * (1 - 2 * cy)
    let gain = sd / max((gx * gy).squareRoot(), 1e-6)
    pixels.withUnsafeMutableBufferPointer { image in
      noise.withUnsafeBufferPointer { noise in
        for (localRow, row) in region.rows.enumerated() {
          let source = localRow * width
          let target = row * size + region.columns.lowerBound
          for k in 0..<width { image[target + k] += noise[source + k] * gain }
        }
      }
    }
  }
}
