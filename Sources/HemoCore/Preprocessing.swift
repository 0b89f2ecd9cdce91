/// How a sample becomes the network's input: window, optional colour-coding, resize, channels.
///
/// HU slices are windowed (and colour-coded when asked) at full resolution, then shrunk by area
/// averaging, so a thin bleed becomes a faint but present signal rather than vanishing. Pictures
/// (JPEGs from a .tm project) are already windowed by whoever made them: they are only resized.
/// Output values lie in 0…1, planar (channel-major): `channels × size × size` Floats.
public struct Preprocessing: Sendable, Hashable, Codable {
  /// The display window applied to HU slices.
  public var window: Window
  /// When set, HU pixels in this band are painted red before resizing (experiment 5).
  public var colourCoding: ColourCoding?
  /// Side of the square network input, in pixels.
  public var inputSize: Int
  /// 1 (grey) or 3 (RGB).
  public var channels: Int
  /// When set, HU slices are exported as the course's JPEGs were (window, white level, red
  /// opacity) instead of with `window` and pure red.
  public var export: ExportLook?

  public init(
    window: Window = .brain, colourCoding: ColourCoding? = nil, inputSize: Int = 64,
    channels: Int = 1, export: ExportLook? = nil
  ) {
    precondition(channels == 1 || channels == 3, "the network takes 1 or 3 channels")
    precondition(inputSize > 0, "input size must be positive")
    self.window = window
    self.colourCoding = colourCoding
    self.inputSize = inputSize
    self.channels = channels
    self.export = export
  }

  /// Number of Floats one preprocessed sample occupies.
  public var valuesPerSample: Int { channels * inputSize * inputSize }

  /// The network input for `pixels`, planar, 0…1.
  public func input(_ pixels: SamplePixels) -> [Float] {
    let (interleaved, width, height, sourceChannels) = displayValues(pixels)
    let resized = Resample.area(
      interleaved, width: width, height: height, channels: sourceChannels, to: inputSize, inputSize)
    let plane = inputSize * inputSize
    var output = [Float](repeating: 0, count: channels * plane)
    for index in 0..<plane {
      if channels == 1 {
        output[index] =
          sourceChannels == 1
          ? resized[index]
          : 0.299 * resized[index * 3] + 0.587 * resized[index * 3 + 1] + 0.114
            * resized[index * 3 + 2]
      } else {
        for channel in 0..<3 {
          output[channel * plane + index] =
            sourceChannels == 1 ? resized[index] : resized[index * 3 + channel]
        }
      }
    }
    return output
  }

  /// The image as a person sees it under this preprocessing, at full resolution (RGB).
  public func display(_ pixels: SamplePixels) -> RGBImage {
    switch pixels {
    case .hounsfield(let image):
      if let export { return export.render(image, coding: colourCoding) }
      if let colourCoding { return colourCoding.render(image, window: window) }
      return RGBImage(width: image.width, height: image.height, grey: window.grey(image))
    case .picture(let picture):
      return picture
    }
  }

  /// Full-resolution values in 0…1 before resizing: one channel for plain HU, RGB otherwise.
  private func displayValues(_ pixels: SamplePixels) -> ([Float], Int, Int, Int) {
    switch pixels {
    case .hounsfield(let image) where colourCoding == nil:
      if let export { return (image.pixels.map { export.unit($0) }, image.width, image.height, 1) }
      return (image.pixels.map { window.unit($0) }, image.width, image.height, 1)
    case .hounsfield(let image):
      let rgb = display(.hounsfield(image))
      return (rgb.pixels.map { Float($0) / 255 }, image.width, image.height, 3)
    case .picture(let picture):
      return (picture.pixels.map { Float($0) / 255 }, picture.width, picture.height, 3)
    }
  }
}
