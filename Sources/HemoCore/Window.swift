/// A display window (width and level, in HU) that maps Hounsfield units to grey.
///
/// Uses the simple clip `v = clamp((HU − (L − W/2)) / W, 0, 1)`.
public struct Window: Sendable, Equatable, Hashable, Codable {
  public var name: String
  public var width: Float
  public var level: Float

  public init(name: String = "custom", width: Float, level: Float) {
    precondition(width > 0, "a window needs a positive width")
    self.name = name
    self.width = width
    self.level = level
  }

  public static let brain = Window(name: "brain", width: 80, level: 40)
  public static let subdural = Window(name: "subdural", width: 200, level: 80)
  public static let stroke = Window(name: "stroke", width: 40, level: 40)
  public static let bone = Window(name: "bone", width: 2800, level: 600)
  /// The presets in the order the viewer cycles through them.
  public static let presets: [Window] = [.brain, .subdural, .stroke, .bone]

  /// The preset with this name (case-insensitive), if any.
  public static func preset(named name: String) -> Window? {
    presets.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
  }

  /// Position of `hu` in the window, 0…1.
  @inlinable public func unit(_ hu: Float) -> Float {
    let value = (hu - (level - width / 2)) / width
    return value < 0 ? 0 : (value > 1 ? 1 : value)
  }

  /// Grey level of `hu`, 0…255.
  @inlinable public func grey(_ hu: Float) -> UInt8 {
    UInt8((unit(hu) * 255).rounded())
  }

  /// Applies the window to a whole slice.
  public func grey(_ image: HUImage) -> [UInt8] {
    image.pixels.map { grey($0) }
  }

  /// `"brain 80/40"`, as a radiologist writes it (width/level).
  public var label: String {
    "\(name) \(Self.format(width))/\(Self.format(level))"
  }

  private static func format(_ value: Float) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
