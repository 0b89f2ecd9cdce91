/// Area-weighted resampling of interleaved Float images: each output pixel is the average of the
/// input area it covers (exact box filter with fractional edges). Used to shrink 256² slices or
/// 224² JPEGs to the network's input size without aliasing; also enlarges (then it is a box filter).
public enum Resample {
  /// Resamples a `width`×`height` image with `channels` interleaved values per pixel to
  /// `newWidth`×`newHeight`.
  public static func area(
    _ pixels: [Float], width: Int, height: Int, channels: Int, to newWidth: Int, _ newHeight: Int
  ) -> [Float] {
    precondition(pixels.count == width * height * channels, "pixel count does not match")
    if newWidth == width && newHeight == height { return pixels }
    let columns = weights(from: width, to: newWidth)
    let rows = weights(from: height, to: newHeight)
    // Horizontal pass into a newWidth × height buffer, then the vertical pass.
    var horizontal = [Float](repeating: 0, count: newWidth * height * channels)
    for y in 0..<height {
      let source = y * width * channels
      let target = y * newWidth * channels
      for (x, taps) in columns.enumerated() {
        for channel in 0..<channels {
          var sum: Float = 0
          for tap in taps { sum += pixels[source + tap.index * channels + channel] * tap.weight }
          horizontal[target + x * channels + channel] = sum
        }
      }
    }
    var output = [Float](repeating: 0, count: newWidth * newHeight * channels)
    let stride = newWidth * channels
    for (y, taps) in rows.enumerated() {
      let target = y * stride
      for tap in taps {
        let source = tap.index * stride
        for offset in 0..<stride {
          output[target + offset] += horizontal[source + offset] * tap.weight
        }
      }
    }
    return output
  }

  /// For each output position, the input indices it covers and their normalised weights.
  static func weights(from size: Int, to newSize: Int) -> [[(index: Int, weight: Float)]] {
    let scale = Double(size) / Double(newSize)
    return (0..<newSize).map { position in
      let start = Double(position) * scale
      let end = start + scale
      if scale <= 1 {
        // Enlarging: nearest input pixel (box filter).
        return [(Swift.min(size - 1, Int(start + scale / 2)), 1)]
      }
      var taps: [(index: Int, weight: Float)] = []
      var index = Int(start)
      while Double(index) < end && index < size {
        let covered = Swift.min(end, Double(index + 1)) - Swift.max(start, Double(index))
        if covered > 1e-9 { taps.append((index, Float(covered / scale))) }
        index += 1
      }
      return taps
    }
  }
}
