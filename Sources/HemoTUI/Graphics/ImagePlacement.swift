import HemoCore

/// An image a screen wants shown with real pixels in a rectangle of cells it left blank (the
/// graphics layer draws it after ncurses has drawn the text).
public struct ImagePlacement: Sendable, Equatable {
  /// Where, in screen cells.
  public var rect: Rect
  public var image: RGBImage
  public var mask: PixelMask?
  /// A digest of the image and mask, to tell a changed image without comparing pixels.
  public var digest: Int

  public init(rect: Rect, image: RGBImage, mask: PixelMask?) {
    self.rect = rect
    self.image = image
    self.mask = mask
    var hasher = Hasher()
    hasher.combine(image.width)
    hasher.combine(image.height)
    hasher.combine(image.pixels)
    hasher.combine(mask?.bits)
    digest = hasher.finalize()
  }

  /// Same place, same picture.
  func sameAs(_ other: ImagePlacement) -> Bool { rect == other.rect && digest == other.digest }
}
