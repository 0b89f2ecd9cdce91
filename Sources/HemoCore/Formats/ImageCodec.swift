import CImageCodecs
import Foundation

/// An 8-bit picture as it comes out of a JPEG or PNG: grey (1 channel) or RGB (3 channels).
public struct DecodedPicture: Sendable, Equatable {
  public let width: Int
  public let height: Int
  /// 1 (grey) or 3 (RGB), interleaved.
  public let channels: Int
  public let pixels: [UInt8]

  public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.channels = channels
    self.pixels = pixels
  }

  /// The picture as RGB (grey is copied to all three channels).
  public var rgb: RGBImage {
    channels == 3
      ? RGBImage(width: width, height: height, pixels: pixels)
      : RGBImage(width: width, height: height, grey: pixels)
  }
}

/// JPEG and PNG encoding and decoding through libjpeg-turbo and libpng.
public enum ImageCodec {
  /// Largest picture decoded (pixels), checked before allocating: 16384 × 16384.
  public static let maxPixels = 16384 * 16384

  /// Decodes a JPEG; `file` names the source in error messages.
  public static func decodeJPEG(_ data: Data, file: String? = nil) throws(HemoError)
    -> DecodedPicture
  {
    try decode(data, file: file, using: hl_jpeg_decode)
  }

  /// Decodes a PNG to 8-bit grey or RGB; `file` names the source in error messages.
  public static func decodePNG(_ data: Data, file: String? = nil) throws(HemoError)
    -> DecodedPicture
  {
    try decode(data, file: file, using: hl_png_decode)
  }

  /// Decodes a JPEG or a PNG, whichever the bytes are.
  public static func decodePicture(_ data: Data, file: String? = nil) throws(HemoError)
    -> DecodedPicture
  {
    if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return try decodePNG(data, file: file) }
    if data.starts(with: [0xFF, 0xD8]) { return try decodeJPEG(data, file: file) }
    throw HemoError(file: file, "not a JPEG or PNG image")
  }

  /// Encodes grey (1) or RGB (3) interleaved pixels as JPEG.
  public static func encodeJPEG(
    _ pixels: [UInt8], width: Int, height: Int, channels: Int, quality: Int = 92
  ) throws(HemoError) -> Data {
    try encode(pixels, width: width, height: height, channels: channels) {
      input, out, size, error in
      hl_jpeg_encode(
        input, Int32(width), Int32(height), Int32(channels), Int32(quality), out, size, error)
    }
  }

  /// Encodes grey (1) or RGB (3) interleaved pixels as PNG.
  public static func encodePNG(
    _ pixels: [UInt8], width: Int, height: Int, channels: Int
  ) throws(HemoError) -> Data {
    try encode(pixels, width: width, height: height, channels: channels) {
      input, out, size, error in
      hl_png_encode(input, Int32(width), Int32(height), Int32(channels), out, size, error)
    }
  }

  /// Encodes an RGB image as PNG.
  public static func encodePNG(_ image: RGBImage) throws(HemoError) -> Data {
    try encodePNG(image.pixels, width: image.width, height: image.height, channels: 3)
  }

  /// Encodes an RGB image as JPEG.
  public static func encodeJPEG(_ image: RGBImage, quality: Int = 92) throws(HemoError) -> Data {
    try encodeJPEG(
      image.pixels, width: image.width, height: image.height, channels: 3, quality: quality)
  }

  private typealias Decoder = (
    UnsafePointer<UInt8>?, Int, Int, UnsafeMutablePointer<hl_image>?, UnsafeMutablePointer<CChar>?
  ) -> Int32

  private static func decode(_ data: Data, file: String?, using decoder: Decoder) throws(HemoError)
    -> DecodedPicture
  {
    var image = hl_image()
    var message = [CChar](repeating: 0, count: Int(HL_ERROR_SIZE))
    let status = data.withUnsafeBytes { bytes in
      decoder(
        bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count, maxPixels, &image, &message)
    }
    guard status == 0, let pointer = image.pixels else {
      throw HemoError(file: file, errorText(message, fallback: "could not decode the image"))
    }
    defer { hl_free(pointer) }
    let count = Int(image.width) * Int(image.height) * Int(image.channels)
    let pixels = [UInt8](UnsafeBufferPointer(start: pointer, count: count))
    return DecodedPicture(
      width: Int(image.width), height: Int(image.height), channels: Int(image.channels),
      pixels: pixels)
  }

  private static func encode(
    _ pixels: [UInt8], width: Int, height: Int, channels: Int,
    using encoder: (
      UnsafePointer<UInt8>, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>,
      UnsafeMutablePointer<Int>,
      UnsafeMutablePointer<CChar>
    ) -> Int32
  ) throws(HemoError) -> Data {
    guard pixels.count == width * height * channels else {
      throw HemoError(
        "image buffer holds \(pixels.count) bytes, expected \(width * height * channels)")
    }
    var output: UnsafeMutablePointer<UInt8>? = nil
    var size = 0
    var message = [CChar](repeating: 0, count: Int(HL_ERROR_SIZE))
    let status = pixels.withUnsafeBufferPointer { input in
      encoder(input.baseAddress!, &output, &size, &message)
    }
    guard status == 0, let output else {
      throw HemoError(errorText(message, fallback: "could not encode the image"))
    }
    defer { hl_free(output) }
    return Data(bytes: output, count: size)
  }

  static func errorText(_ message: [CChar], fallback: String) -> String {
    let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    return text.isEmpty ? fallback : text
  }
}
