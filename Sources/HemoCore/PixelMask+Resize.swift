/// Masks at another resolution, grown, or drawn from Hounsfield values: how a full-resolution
/// mask follows an image to the network's input size.
extension PixelMask {
  /// The mask at `width`×`height` where a pixel is set when the block of source pixels it
  /// covers holds any set pixel. `Preprocessing` shrinks images by area averaging, so a thin bleed
  /// stays a faint but present signal in every input pixel it touches; this keeps those pixels.
  public func covering(width: Int, height: Int) -> PixelMask {
    var result = PixelMask(width: width, height: height)
    guard self.width > 0, self.height > 0 else { return result }
    for ty in 0..<height {
      let y0 = ty * self.height / height
      let y1 = max(y0 + 1, (ty + 1) * self.height / height)
      for tx in 0..<width {
        let x0 = tx * self.width / width
        let x1 = max(x0 + 1, (tx + 1) * self.width / width)
        var any = false
        for y in y0..<y1 where !any {
          for x in x0..<x1 where self[x, y] {
            any = true
            break
          }
        }
        result[tx, ty] = any
      }
    }
    return result
  }

  /// The mask grown by `radius` pixels: every pixel within that Euclidean distance of a set one.
  public func dilated(by radius: Int) -> PixelMask {
    guard radius > 0 else { return self }
    var result = self
    for y in 0..<height {
      for x in 0..<width where self[x, y] {
        for dy in -radius...radius {
          for dx in -radius...radius where dx * dx + dy * dy <= radius * radius {
            let (nx, ny) = (x + dx, y + dy)
            if nx >= 0, ny >= 0, nx < width, ny < height { result[nx, ny] = true }
          }
        }
      }
    }
    return result
  }

  /// The pixels of `image` at or above `threshold` HU, at `width`×`height`, a pixel set when at
  /// least half of the block it covers is (for example the head: everything denser than air).
  public init(_ image: HUImage, atLeast threshold: Float, width: Int, height: Int) {
    self.init(width: width, height: height)
    guard image.width > 0, image.height > 0 else { return }
    for ty in 0..<height {
      let y0 = ty * image.height / height
      let y1 = max(y0 + 1, (ty + 1) * image.height / height)
      for tx in 0..<width {
        let x0 = tx * image.width / width
        let x1 = max(x0 + 1, (tx + 1) * image.width / width)
        var inside = 0
        for y in y0..<y1 {
          for x in x0..<x1 where image.pixels[y * image.width + x] >= threshold { inside += 1 }
        }
        self[tx, ty] = 2 * inside >= (y1 - y0) * (x1 - x0)
      }
    }
  }
}
