/// The scanner's contribution: reconstruction-kernel blur (or edge enhancement) and spatially
/// correlated noise, both applied only inside a rectangle (the head; the air around it stays
/// flat).
///
/// Both run eight pixels at a time (`PhantomVector`), and the noise streams through three rows
/// instead of a buffer the size of the head; the arithmetic is the same, pixel for pixel.
enum PhantomNoise {
  /// A rectangle of pixels: rows `rows`, columns `columns` of an image `size` wide.
  struct Region {
    var size: Int
    var rows: Range<Int>
    var columns: Range<Int>
  }

  private typealias V = PhantomVector

  /// Filters the region with [cx, 1 − 2cx, cx] along rows and [cy, 1 − 2cy, cy] along columns
  /// (negative weights sharpen); pixels outside the region are read as the edge value.
  static func filter(_ pixels: inout [Float], _ region: Region, cx: Float, cy: Float) {
    let size = region.size
    let c0 = region.columns.lowerBound
    let width = region.columns.count
    guard width > 2, region.rows.count > 2 else { return }
    precondition(region.rows.upperBound * size <= pixels.count && region.columns.upperBound <= size)
    var scratch = [Float](repeating: 0, count: 2 * width + 2)
    pixels.withUnsafeMutableBufferPointer { image in
      scratch.withUnsafeMutableBufferPointer { scratch in
        let origin = image.baseAddress! + c0
        let padded = scratch.baseAddress!
        if cx != 0 {
          for row in region.rows { filterRow(origin + row * size, width, cx, padded) }
        }
        if cy != 0 {
          // Columns: a rolling copy of the row above, so the inner loop runs along memory.
          let above = padded + width + 2
          let first = region.rows.lowerBound
          let last = region.rows.upperBound - 1
          above.update(from: origin + first * size, count: width)
          for row in region.rows {
            let line = origin + row * size
            let below = row < last ? line + size : line
            filterColumns(line, above: above, below: below, width, cy)
          }
        }
      }
    }
  }

  /// `line[k] ← (1 − 2c)·line[k] + c·(line[k − 1] + line[k + 1])`, edges repeated; `padded`
  /// holds `width + 2` floats of scratch.
  @inline(__always) private static func filterRow(
    _ line: UnsafeMutablePointer<Float>, _ width: Int, _ c: Float,
    _ padded: UnsafeMutablePointer<Float>
  ) {
    let centre = 1 - 2 * c
    padded[0] = line[0]
    (padded + 1).update(from: line, count: width)
    padded[width + 1] = line[width - 1]
    var k = 0
    while k + V.width <= width {
      let previous = V.load(padded + k)
      let current = V.load(padded + k + 1)
      let next = V.load(padded + k + 2)
      V.store(centre * current + c * (previous + next), line + k)
      k += V.width
    }
    while k < width {
      line[k] = centre * padded[k + 1] + c * (padded[k] + padded[k + 2])
      k += 1
    }
  }

  /// `line[k] ← (1 − 2c)·line[k] + c·(above[k] + below[k])`; `above` then takes the old `line`.
  @inline(__always) private static func filterColumns(
    _ line: UnsafeMutablePointer<Float>, above: UnsafeMutablePointer<Float>,
    below: UnsafeMutablePointer<Float>, _ width: Int, _ c: Float
  ) {
    let centre = 1 - 2 * c
    var k = 0
    while k + V.width <= width {
      let current = V.load(line + k)
      let up = V.load(above + k)
      let down = V.load(below + k)
      V.store(centre * current + c * (up + down), line + k)
      V.store(current, above + k)
      k += V.width
    }
    while k < width {
      let current = line[k]
      line[k] = centre * current + c * (above[k] + below[k])
      above[k] = current
      k += 1
    }
  }

  /// Adds noise of standard deviation `sd` HU to the region: white noise filtered with
  /// [cx, 1 − 2cx, cx] along rows and [cy, 1 − 2cy, cy] along columns, scaled so that `sd`
  /// is the SD after filtering.
  ///
  /// The white noise is drawn row by row in reading order; each row is filtered along itself
  /// when drawn, and along columns once the row below it exists.
  static func addCorrelatedNoise(
    to pixels: inout [Float], _ region: Region, sd: Float, cx: Float, cy: Float,
    rng: inout SeededRNG
  ) {
    let size = region.size
    let width = region.columns.count
    let height = region.rows.count
    guard width > 0, height > 0 else { return }
    precondition(region.rows.upperBound * size <= pixels.count && region.columns.upperBound <= size)
    // A region of one or two pixels across is left unfiltered (as `filter` leaves it).
    let filters = width > 2 && height > 2
    let rowWeight = filters ? cx : 0
    let columnWeight = filters ? cy : 0
    let gx = 2 * cx * cx + (1 - 2 * cx) * (1 - 2 * cx)
    let gy = 2 * cy * cy + (1 - 2 * cy) * (1 - 2 * cy)
    let gain = sd / max((gx * gy).squareRoot(), 1e-6)
    // Three noise rows (above, current, below) and the row filter's padded scratch.
    var rows = [Float](repeating: 0, count: 4 * width + 2)
    var bits = [UInt64](repeating: 0, count: width)
    pixels.withUnsafeMutableBufferPointer { image in
      rows.withUnsafeMutableBufferPointer { rows in
        bits.withUnsafeMutableBufferPointer { bits in
          let bits = bits.baseAddress!
          var above = rows.baseAddress!
          var current = above + width
          var below = current + width
          let padded = below + width
          func draw(_ line: UnsafeMutablePointer<Float>) {
            for k in 0..<width { bits[k] = rng.next() }
            // Sum of four 16-bit uniforms: close to normal with unit variance, one generator
            // call per pixel.
            let unitScale: Float = 1 / 37_837.23
            for k in 0..<width {
              let value = bits[k]
              let sum =
                Int32(truncatingIfNeeded: value & 0xFFFF)
                + Int32(truncatingIfNeeded: (value >> 16) & 0xFFFF)
                + Int32(truncatingIfNeeded: (value >> 32) & 0xFFFF)
                + Int32(truncatingIfNeeded: value >> 48)
              line[k] = Float(sum - 131_070) * unitScale
            }
            if rowWeight != 0 { filterRow(line, width, rowWeight, padded) }
          }
          draw(current)
          let centre = 1 - 2 * columnWeight
          let origin =
            image.baseAddress! + region.rows.lowerBound * size + region.columns.lowerBound
          for localRow in 0..<height {
            if localRow + 1 < height { draw(below) }
            let up = localRow == 0 ? current : above
            let down = localRow + 1 < height ? below : current
            let target = origin + localRow * size
            var k = 0
            if columnWeight != 0 {
              while k + V.width <= width {
                let noise =
                  centre * V.load(current + k) + columnWeight * (V.load(up + k) + V.load(down + k))
                V.store(V.load(target + k) + noise * gain, target + k)
                k += V.width
              }
              while k < width {
                let noise = centre * current[k] + columnWeight * (up[k] + down[k])
                target[k] += noise * gain
                k += 1
              }
            } else {
              while k + V.width <= width {
                V.store(V.load(target + k) + V.load(current + k) * gain, target + k)
                k += V.width
              }
              while k < width {
                target[k] += current[k] * gain
                k += 1
              }
            }
            (above, current, below) = (current, below, above)
          }
        }
      }
    }
  }
}
