/// Experiment 5's preprocessing: pixels whose HU lies in an acute-blood band are painted red over
/// the brain-window grey image. Deliberately simple: partial-volume bone edges and calcifications
/// that fall in the band light up too, exactly as the course's threshold rule does.
public struct ColourCoding: Sendable, Equatable, Hashable, Codable {
  /// Lowest HU painted red (inclusive).
  public var low: Float
  /// Highest HU painted red (inclusive).
  public var high: Float

  public init(low: Float = 50, high: Float = 90) {
    precondition(low < high, "the colour-coding band needs low < high")
    self.low = low
    self.high = high
  }

  public static let acuteBlood = ColourCoding()

  /// True when `hu` falls in the band.
  @inlinable public func contains(_ hu: Float) -> Bool {
    hu >= low && hu <= high
  }

  /// The slice in `window`, with in-band pixels painted pure red.
  public func render(_ image: HUImage, window: Window = .brain) -> RGBImage {
    var rgb = [UInt8](repeating: 0, count: image.pixels.count * 3)
    for (index, hu) in image.pixels.enumerated() {
      if contains(hu) {
        rgb[index * 3] = 255
      } else {
        let grey = window.grey(hu)
        rgb[index * 3] = grey
        rgb[index * 3 + 1] = grey
        rgb[index * 3 + 2] = grey
      }
    }
    return RGBImage(width: image.width, height: image.height, pixels: rgb)
  }
}
