/// How a set of course images was exported from the scanner's Hounsfield units to JPEG: the
/// window they were read in, the grey that bone and everything above the window reached, and how
/// opaque the colour-coding's red was. Built-in slices prepared with it look to a network like
/// the course's JPEGs (measured on experiment4.tm / experiment5.tm: CSF ≈ 50, brain ≈ 101, bone
/// 240 of 255; coded pixels from a pale pink over grey at the band's low end to almost pure red).
public struct ExportLook: Sendable, Hashable, Codable {
  /// The window the exported grey levels follow.
  public var window: Window
  /// Grey (0…1) of a pixel at or above the top of the window (course JPEGs: 240/255).
  public var white: Float
  /// Opacity of the colour-coding's red at the band's low and high ends (linear between).
  public var redOpacity: ClosedRange<Float>

  public init(window: Window, white: Float = 1, redOpacity: ClosedRange<Float> = 1...1) {
    precondition(white > 0 && white <= 1, "white must be in 0…1")
    precondition(redOpacity.lowerBound >= 0 && redOpacity.upperBound <= 1, "opacity is 0…1")
    self.window = window
    self.white = white
    self.redOpacity = redOpacity
  }

  /// Grey (0…1) of `hu`.
  @inlinable public func unit(_ hu: Float) -> Float { window.unit(hu) * white }

  /// The slice as exported: grey, with pixels in `coding`'s band (when given) blended towards red.
  public func render(_ image: HUImage, coding: ColourCoding?) -> RGBImage {
    var rgb = [UInt8](repeating: 0, count: image.pixels.count * 3)
    let span = coding.map { max($0.high - $0.low, 1e-3) } ?? 1
    for (index, hu) in image.pixels.enumerated() {
      let grey = unit(hu) * 255
      var (r, g, b) = (grey, grey, grey)
      if let coding, coding.contains(hu) {
        let t = (hu - coding.low) / span
        let alpha = redOpacity.lowerBound + (redOpacity.upperBound - redOpacity.lowerBound) * t
        r = grey + (255 - grey) * alpha
        g = grey * (1 - alpha)
        b = g
      }
      rgb[index * 3] = UInt8(r.rounded())
      rgb[index * 3 + 1] = UInt8(g.rounded())
      rgb[index * 3 + 2] = UInt8(b.rounded())
    }
    return RGBImage(width: image.width, height: image.height, pixels: rgb)
  }
}
