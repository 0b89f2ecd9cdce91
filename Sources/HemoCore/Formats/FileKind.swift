import Foundation

/// What a file is, judged from its first bytes (never from its name): the images HemoLab reads,
/// and the other files a learner is likely to hand it by mistake.
public enum FileKind: Sendable, Equatable {
  case dicom, png, jpeg
  /// A zip archive; `teachableMachine` when it holds a `manifest.json` (a `.tm` project).
  case zip(teachableMachine: Bool)
  /// A model saved by `hemolab train` (safetensors).
  case model
  /// Another known format (`"a GIF image"`, `"a PDF document"`…).
  case other(String)
  /// Nothing recognisable.
  case unknown

  /// Whether HemoLab decodes this file as an image.
  public var isImage: Bool {
    switch self {
    case .dicom, .png, .jpeg: true
    default: false
    }
  }

  /// Recognises `data` by its signature: DICM after the 128-byte preamble (or a bare DICOM data
  /// set), the PNG and JPEG signatures, a zip's local header, a safetensors header.
  public static func sniff(_ data: Data) -> FileKind {
    let head = [UInt8](data.prefix(512))
    func starts(_ signature: [UInt8]) -> Bool { head.starts(with: signature) }
    if head.count >= 132 && head[128..<132].elementsEqual("DICM".utf8) { return .dicom }
    if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
    if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
    if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
      return .zip(teachableMachine: containsManifest(data))
    }
    if looksLikeSafetensors(head) { return .model }
    if starts(Array("GIF8".utf8)) { return .other("a GIF image") }
    if starts(Array("%PDF".utf8)) { return .other("a PDF document") }
    if starts([0x1F, 0x8B]) { return .other("a gzip archive") }
    if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
      return .other("a TIFF image")
    }
    if starts(Array("RIFF".utf8)) && head.count >= 12 && head[8..<12].elementsEqual("WEBP".utf8) {
      return .other("a WebP image")
    }
    if DICOMReader.looksLikeDICOM(data) { return .dicom }
    if !head.isEmpty
      && head.allSatisfy({ $0 == 9 || $0 == 10 || $0 == 13 || (32..<127).contains($0) })
    {
      return .other("a text file")
    }
    return .unknown
  }

  /// What to tell someone who asked `command` (`info`, `show`) to read a file of this kind that
  /// it cannot read as an image; nil for images.
  public func refusal(command: String, file: String) -> HemoError? {
    switch self {
    case .dicom, .png, .jpeg: return nil
    case .zip(let tm):
      return tm
        ? HemoError(
          file: file, "is a Teachable Machine project, not an image",
          advice: "open it with `hemolab open \(file)`")
        : HemoError(
          file: file, "is a zip archive, not an image",
          advice: "a Teachable Machine project opens with `hemolab open`; unzip other archives")
    case .model:
      return HemoError(
        file: file, "is a model saved by `hemolab train`, not an image",
        advice: "use it with `hemolab predict \(file) IMAGE…`")
    case .other(let what):
      return HemoError(
        file: file, "is \(what), not an image HemoLab reads",
        advice: "`hemolab \(command)` reads DICOM, PNG and JPEG")
    case .unknown:
      return HemoError(
        file: file, "is not a DICOM, PNG or JPEG image (its first bytes match none of them)",
        advice: "`hemolab \(command)` reads DICOM, PNG and JPEG")
    }
  }

  /// A zip's central directory names `manifest.json` (searched in the last 64 KB, where the
  /// directory lives, and in the first local headers).
  private static func containsManifest(_ data: Data) -> Bool {
    let needle = Array("manifest.json".utf8)
    for part in [data.suffix(65536), data.prefix(65536)] where contains([UInt8](part), needle) {
      return true
    }
    return false
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0]
      && haystack[start..<start + needle.count].elementsEqual(needle)
    {
      return true
    }
    return false
  }

  /// safetensors: a little-endian 64-bit header length, then a JSON object.
  private static func looksLikeSafetensors(_ head: [UInt8]) -> Bool {
    guard head.count >= 10 else { return false }
    var length: UInt64 = 0
    for i in (0..<8).reversed() { length = length << 8 | UInt64(head[i]) }
    return length > 1 && length < 100_000_000 && head[8] == UInt8(ascii: "{")
      && (head[9] == UInt8(ascii: "\"") || head[9] == UInt8(ascii: " "))
  }
}
