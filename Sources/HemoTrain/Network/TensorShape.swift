/// The shape of one network input or feature map: channels × height × width.
public struct TensorShape: Sendable, Hashable, Codable, CustomStringConvertible {
  public var channels: Int
  public var height: Int
  public var width: Int

  public init(channels: Int, height: Int, width: Int) {
    self.channels = channels
    self.height = height
    self.width = width
  }

  /// channels × height × width.
  public var count: Int { channels * height * width }

  public var description: String { "\(channels)×\(height)×\(width)" }
}
