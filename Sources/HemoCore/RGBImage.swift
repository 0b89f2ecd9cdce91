/// An 8-bit RGB image, interleaved row-major (`pixels[(y * width + x) * 3 + channel]`).
public struct RGBImage: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public var pixels: [UInt8]

  /// A black image.
  public init(width: Int, height: Int) {
    precondition(width > 0 && height > 0, "an image needs positive dimensions")
    self.width = width
    self.height = height
    pixels = [UInt8](repeating: 0, count: width * height * 3)
  }

  /// Wraps existing interleaved RGB bytes; `pixels.count` must equal `width * height * 3`.
  public init(width: Int, height: Int, pixels: [UInt8]) {
    precondition(pixels.count == width * height * 3, "byte count does not match the dimensions")
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// Expands 8-bit grey values to RGB.
  public init(width: Int, height: Int, grey: [UInt8]) {
    precondition(grey.count == width * height, "byte count does not match the dimensions")
    self.width = width
    self.height = height
    var rgb = [UInt8](repeating: 0, count: grey.count * 3)
    for index in grey.indices {
      rgb[index * 3] = grey[index]
      rgb[index * 3 + 1] = grey[index]
      rgb[index * 3 + 2] = grey[index]
    }
    pixels = rgb
  }

  public subscript(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
    get {
      let base = (y * width + x) * 3
      return (pixels[base], pixels[base + 1], pixels[base + 2])
    }
    set {
      let base = (y * width + x) * 3
      pixels[base] = newValue.r
      pixels[base + 1] = newValue.g
      pixels[base + 2] = newValue.b
    }
  }

  /// Luma (ITU-R BT.601) of every pixel, 0…255.
  public var luminance: [UInt8] {
    var grey = [UInt8](repeating: 0, count: width * height)
    for index in grey.indices {
      let r = Int(pixels[index * 3])
      let g = Int(pixels[index * 3 + 1])
      let b = Int(pixels[index * 3 + 2])
      grey[index] = UInt8((299 * r + 587 * g + 114 * b + 500) / 1000)
    }
    return grey
  }
}

extension RGBImage {
  /// The image resampled (area-weighted) to `width`×`height`.
  public func resized(width newWidth: Int, height newHeight: Int) -> RGBImage {
    if newWidth == width && newHeight == height { return self }
    let values = Resample.area(
      pixels.map(Float.init), width: width, height: height, channels: 3, to: newWidth, newHeight)
    return RGBImage(
      width: newWidth, height: newHeight,
      pixels: values.map { UInt8(max(0, min(255, $0.rounded()))) })
  }
}
