import Foundation

/// Where one top-level element's value lies in the data set bytes.
struct DICOMElement: Sendable {
  /// `group << 16 | element`.
  let tag: UInt32
  /// The two VR characters packed big-endian (`"OW"` = 0x4F57), or 0 when implicit.
  let vr: UInt16
  /// Offset of the value in `DICOMDataSet.bytes`.
  let offset: Int
  /// Value length in bytes (0 for an undefined length: see `undefinedLength`).
  let length: Int
  /// The element had length 0xFFFFFFFF (a sequence or encapsulated pixel data).
  let undefinedLength: Bool
}

/// A parsed data set: its bytes and the top-level elements found in them.
struct DICOMDataSet: Sendable {
  var bytes: [UInt8]
  var littleEndian: Bool
  var elements: [UInt32: DICOMElement] = [:]
  /// Top-level elements seen (private ones included, file meta excluded).
  var elementCount = 0
  /// Top-level private (odd-group) elements seen and skipped.
  var privateElementCount = 0

  /// Text of a string element, trimmed of spaces and NULs; nil when absent.
  func string(_ tag: UInt32) -> String? {
    guard let element = elements[tag], !element.undefinedLength else { return nil }
    let value = bytes[element.offset..<(element.offset + element.length)]
    let text = String(decoding: value, as: UTF8.self)
    return text.trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
  }

  /// The first value of a US or SS element, as unsigned; nil when absent or too short.
  func uint16(_ tag: UInt32) -> Int? {
    guard let element = elements[tag], !element.undefinedLength, element.length >= 2 else {
      return nil
    }
    return Int(DICOMBytes.u16(bytes, element.offset, littleEndian: littleEndian))
  }

  /// The first value of an SS element (or a US one read as signed).
  func int16(_ tag: UInt32) -> Int? {
    uint16(tag).map { Int(Int16(truncatingIfNeeded: $0)) }
  }

  /// The values of a DS or IS element (backslash-separated decimal text); finite values only.
  func decimals(_ tag: UInt32) -> [Double]? {
    guard let text = string(tag) else { return nil }
    return DICOMBytes.decimals(text)
  }
}

/// Byte-level helpers shared by the DICOM parser, reader and writer.
enum DICOMBytes {
  static func u16(_ bytes: [UInt8], _ at: Int, littleEndian: Bool) -> UInt16 {
    let a = UInt16(bytes[at])
    let b = UInt16(bytes[at + 1])
    return littleEndian ? a | b << 8 : a << 8 | b
  }

  static func u32(_ bytes: [UInt8], _ at: Int, littleEndian: Bool) -> UInt32 {
    let a = UInt32(u16(bytes, at, littleEndian: littleEndian))
    let b = UInt32(u16(bytes, at + 2, littleEndian: littleEndian))
    return littleEndian ? a | b << 16 : a << 16 | b
  }

  /// Backslash-separated decimal strings (DS, IS): spaces and NULs trimmed, signs and leading
  /// zeros allowed; values that do not parse or are not finite are dropped.
  static func decimals(_ text: String) -> [Double] {
    text.split(separator: "\\", omittingEmptySubsequences: false).compactMap { part in
      let trimmed = part.trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
      guard let value = Double(trimmed), value.isFinite else { return nil }
      return value
    }
  }

  /// `(gggg,eeee)` for messages.
  static func tagName(_ tag: UInt32) -> String {
    "(\(hex4(UInt16(tag >> 16))),\(hex4(UInt16(tag & 0xFFFF))))"
  }

  static func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }
}
