/// Writes DICOM elements (PS3.5 section 7) in explicit or implicit VR, either byte order. Values
/// are padded to even length (UI with NUL, text with space, binary with zero).
struct DICOMEncoder {
  var bytes: [UInt8] = []
  var explicitVR = true
  var littleEndian = true

  init(explicitVR: Bool = true, littleEndian: Bool = true) {
    self.explicitVR = explicitVR
    self.littleEndian = littleEndian
  }

  mutating func u16(_ value: UInt16) {
    if littleEndian {
      bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
    } else {
      bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
    }
  }

  mutating func u32(_ value: UInt32) {
    if littleEndian {
      u16(UInt16(value & 0xFFFF))
      u16(UInt16(value >> 16))
    } else {
      u16(UInt16(value >> 16))
      u16(UInt16(value & 0xFFFF))
    }
  }

  mutating func tag(_ tag: UInt32) {
    u16(UInt16(tag >> 16))
    u16(UInt16(tag & 0xFFFF))
  }

  /// An element header: tag, VR when explicit, and the length in the form the VR needs.
  mutating func header(_ tag: UInt32, _ vr: String, length: UInt32) {
    self.tag(tag)
    if explicitVR {
      bytes += Array(vr.utf8.prefix(2))
      if DICOMParser.hasLongLength(DICOMParser.vrCode(vr)) {
        u16(0)
        u32(length)
      } else {
        u16(UInt16(truncatingIfNeeded: length))
      }
    } else {
      u32(length)
    }
  }

  /// An element with a binary or text value, padded to even length.
  mutating func element(_ tag: UInt32, _ vr: String, _ value: [UInt8]) {
    var value = value
    if value.count % 2 == 1 { value.append(vr == "UI" || vr == "OB" || vr == "UN" ? 0 : 0x20) }
    header(tag, vr, length: UInt32(value.count))
    bytes += value
  }

  /// A text element (`\`-separated values are the caller's business).
  mutating func text(_ tag: UInt32, _ vr: String, _ value: String) {
    element(tag, vr, Array(value.utf8))
  }

  /// A US element with one value.
  mutating func unsigned16(_ tag: UInt32, _ value: UInt16) {
    header(tag, "US", length: 2)
    u16(value)
  }

  /// A US/SS value list.
  mutating func values16(_ tag: UInt32, _ vr: String, _ values: [UInt16]) {
    header(tag, vr, length: UInt32(values.count * 2))
    for value in values { u16(value) }
  }

  /// A sequence whose items are already encoded data sets; undefined lengths use delimiters.
  mutating func sequence(_ tag: UInt32, items: [[UInt8]], undefinedLength: Bool, vr: String = "SQ")
  {
    let itemsLength = items.reduce(0) { $0 + $1.count + (undefinedLength ? 16 : 8) }
    header(tag, vr, length: undefinedLength ? DICOMParser.undefinedLength : UInt32(itemsLength))
    for item in items {
      self.tag(DICOMParser.itemTag)
      u32(undefinedLength ? DICOMParser.undefinedLength : UInt32(item.count))
      bytes += item
      if undefinedLength {
        self.tag(DICOMParser.itemDelimiterTag)
        u32(0)
      }
    }
    if undefinedLength {
      self.tag(DICOMParser.sequenceDelimiterTag)
      u32(0)
    }
  }
}
