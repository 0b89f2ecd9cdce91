import HemoCore
import HemoTrain

/// A saliency map drawn over the image a person sees: the heat colours (dark purple → red →
/// yellow, the "inferno" ramp, readable by most colour-blind viewers) blended over the windowed
/// image where the map is above a floor, and the blood mask outlined in cyan.
public enum SaliencyOverlay {
  /// Values below this share of the peak stay uncoloured, so the anatomy shows through.
  public static let floor: Float = 0.2
  /// Cyan: outside the heat ramp, so the outline stays visible on any heat.
  public static let outline: (UInt8, UInt8, UInt8) = (0, 230, 255)

  /// The heat colour of `value` (0…1).
  public static func heat(_ value: Float) -> (UInt8, UInt8, UInt8) {
    let stops: [(Float, Float, Float)] = [
      (40, 11, 84), (120, 28, 109), (188, 55, 84), (237, 105, 37), (251, 180, 26), (252, 255, 164),
    ]
    let t = min(max(value, 0), 1) * Float(stops.count - 1)
    let i = min(Int(t), stops.count - 2)
    let f = t - Float(i)
    let (a, b) = (stops[i], stops[i + 1])
    return (
      UInt8(a.0 + (b.0 - a.0) * f), UInt8(a.1 + (b.1 - a.1) * f), UInt8(a.2 + (b.2 - a.2) * f)
    )
  }

  /// The map resampled (bilinear) to `width`×`height`.
  public static func resampled(_ map: SaliencyMap, width: Int, height: Int) -> [Float] {
    SaliencyExplainer.upsampled(
      map.values, width: map.width, height: map.height, to: width, height)
  }

  /// `image` with `map` blended over it and `mask` (any resolution) outlined.
  public static func render(_ image: RGBImage, map: SaliencyMap, mask: PixelMask?) -> RGBImage {
    let values = resampled(map, width: image.width, height: image.height)
    var out = image
    for i in 0..<(image.width * image.height) {
      let v = values[i]
      guard v > floor else { continue }
      let alpha = 0.35 + 0.5 * (v - floor) / (1 - floor)
      let (r, g, b) = heat(v)
      for (c, h) in [r, g, b].enumerated() {
        let base = Float(image.pixels[i * 3 + c])
        out.pixels[i * 3 + c] = UInt8(base * (1 - alpha) + Float(h) * alpha)
      }
    }
    if let mask {
      let edge = outlinePixels(mask, width: image.width, height: image.height)
      for i in edge.indices where edge[i] {
        out.pixels[i * 3] = outline.0
        out.pixels[i * 3 + 1] = outline.1
        out.pixels[i * 3 + 2] = outline.2
      }
    }
    return out
  }

  /// The image and its overlay side by side, with a heat scale (low → high) under the overlay.
  public static func sheet(_ image: RGBImage, map: SaliencyMap, mask: PixelMask?) -> RGBImage {
    let gap = 8
    let scale = max(8, image.height / 24)
    let width = image.width * 2 + gap
    let height = image.height + gap + scale
    var sheet = RGBImage(width: width, height: height)
    let overlay = render(image, map: map, mask: mask)
    for y in 0..<image.height {
      for x in 0..<image.width {
        for c in 0..<3 {
          sheet.pixels[(y * width + x) * 3 + c] = image.pixels[(y * image.width + x) * 3 + c]
          sheet.pixels[(y * width + image.width + gap + x) * 3 + c] =
            overlay.pixels[(y * image.width + x) * 3 + c]
        }
      }
    }
    for y in (image.height + gap)..<height {
      for x in 0..<image.width {
        let (r, g, b) = heat(Float(x) / Float(max(1, image.width - 1)))
        let o = (y * width + image.width + gap + x) * 3
        sheet.pixels[o] = r
        sheet.pixels[o + 1] = g
        sheet.pixels[o + 2] = b
      }
    }
    return sheet
  }

  /// Pixels at `width`×`height` that cover mask pixels and touch one that does not.
  static func outlinePixels(_ mask: PixelMask, width: Int, height: Int) -> [Bool] {
    let covered = mask.covering(width: width, height: height)
    func at(_ x: Int, _ y: Int) -> Bool {
      x >= 0 && y >= 0 && x < width && y < height && covered[x, y]
    }
    return (0..<(width * height)).map { i in
      let (x, y) = (i % width, i / width)
      return covered[x, y] && !(at(x - 1, y) && at(x + 1, y) && at(x, y - 1) && at(x, y + 1))
    }
  }
}
