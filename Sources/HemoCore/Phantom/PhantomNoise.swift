/// The scanner's contribution: reconstruction-kernel blur and spatially correlated noise.
enum PhantomNoise {
  /// Filters `pixels` (size × size) along rows and columns with [c, 1 − 2c, c].
  static func blur(_ pixels: inout [Float], size: Int, weight c: Float) {
    guard c > 0, size > 2 else { return }
    let centre = 1 - 2 * c
    var line = [Float](repeating: 0, count: size)
    pixels.withUnsafeMutableBufferPointer { image in
      line.withUnsafeMutableBufferPointer { line in
        for row in 0..<size {
          let base = row * size
          for x in 0..<size { line[x] = image[base + x] }
          image[base] = centre * line[0] + c * (line[0] + line[1])
          for x in 1..<(size - 1) {
            image[base + x] = centre * line[x] + c * (line[x - 1] + line[x + 1])
          }
          image[base + size - 1] = centre * line[size - 1] + c * (line[size - 2] + line[size - 1])
        }
        // Columns: three rolling rows, so the inner loop runs along memory.
        for x in 0..<size { line[x] = image[x] }
        for row in 0..<size {
          let base = row * size
          let below = row + 1 < size ? base + size : base
          for x in 0..<size {
            let current = image[base + x]
            image[base + x] = centre * current + c * (line[x] + image[below + x])
            line[x] = current
          }
        }
      }
    }
  }

  /// Adds noise with standard deviation `sd` HU after filtering white noise with
  /// [c, 1 − 2c, c] in both directions (so `sd` is the SD of the correlated noise).
  static func addCorrelatedNoise(
    to pixels: inout [Float], size: Int, sd: Float, correlation c: Float, rng: inout SeededRNG
  ) {
    var noise = [Float](repeating: 0, count: size * size)
    // Sum of four 16-bit uniforms: close to normal, one generator call per pixel.
    let unitScale: Float = 1 / 37_837.23
    noise.withUnsafeMutableBufferPointer { noise in
      for index in 0..<noise.count {
        let bits = rng.next()
        let sum =
          Int(bits & 0xFFFF) + Int((bits >> 16) & 0xFFFF) + Int((bits >> 32) & 0xFFFF)
          + Int(bits >> 48)
        noise[index] = Float(sum - 131_070) * unitScale
      }
    }
    blur(&noise, size: size, weight: c)
    let perAxis = c * c * 2 + (1 - 2 * c) * (1 - 2 * c)
    let gain = sd / max(perAxis, 1e-6)
    pixels.withUnsafeMutableBufferPointer { image in
      noise.withUnsafeBufferPointer { noise in
        for index in 0..<image.count {
          image[index] += noise[index] * gain
        }
      }
    }
  }
}
