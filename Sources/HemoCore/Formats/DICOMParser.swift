/// Walks DICOM elements (PS3.5 section 7): explicit or implicit VR, either byte order, defined
/// and undefined lengths, nested sequences and items. Records the top-level elements and skips
/// everything inside sequences. Every length is checked against the bytes that remain, nesting
/// depth and element count are bounded, so no input can make it read out of bounds or loop.
struct DICOMParser {
  /// How elements are encoded in the part being parsed.
  struct Encoding: Equatable {
    var explicitVR: Bool
    var littleEndian: Bool
    static let implicitLittle = Encoding(explicitVR: false, littleEndian: true)
  }

  /// Sequences nested deeper than this are refused.
  static let maxDepth = 32
  /// More elements than this (at all levels) are refused.
  static let maxElements = 1_000_000

  static let itemTag: UInt32 = 0xFFFE_E000
  static let itemDelimiterTag: UInt32 = 0xFFFE_E00D
  static let sequenceDelimiterTag: UInt32 = 0xFFFE_E0DD
  static let undefinedLength: UInt32 = 0xFFFF_FFFF

  let file: String
  var dataSet: DICOMDataSet
  private var elementsSeen = 0

  init(bytes: [UInt8], littleEndian: Bool, file: String) {
    self.file = file
    self.dataSet = DICOMDataSet(bytes: bytes, littleEndian: littleEndian)
  }

  private var bytes: [UInt8] { dataSet.bytes }

  /// VRs whose explicit form has 2 reserved bytes and a 4-byte length (PS3.5 table 7.1-1).
  /// VRs added to the standard later also use the long form, so unknown ones do too.
  static func hasLongLength(_ vr: UInt16) -> Bool { !shortVRs.contains(vr) }

  static let shortVRs: Set<UInt16> = Set(
    [
      "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT", "PN", "SH", "SL",
      "SS", "ST", "TM", "UI", "UL", "US",
    ].map(vrCode))

  /// The long-form VRs of the current standard (used to recognise an explicit VR data set).
  static let longVRs: Set<UInt16> = Set(
    ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"].map(vrCode))

  static let unknownVR = vrCode("UN")

  static func vrCode(_ text: String) -> UInt16 {
    let utf8 = Array(text.utf8)
    return UInt16(utf8[0]) << 8 | UInt16(utf8[1])
  }

  static func isUpperLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

  func problem(_ text: String) -> HemoError {
    HemoError(file: file, text, advice: nil)
  }

  func truncated(_ what: String, at offset: Int) -> HemoError {
    HemoError(
      file: file, "the file is cut short: \(what) at byte \(offset) runs past the end",
      advice: "the file may be incomplete; copy it again")
  }

  /// Parses elements from `start` up to `end`. At depth 0 the elements are recorded; inside an
  /// item of undefined length, parsing stops after the item delimiter. Returns where it stopped.
  mutating func parseElements(
    from start: Int, to end: Int, encoding: Encoding, depth: Int, inUndefinedItem: Bool
  ) throws(HemoError) -> Int {
    var position = start
    let little = encoding.littleEndian
    while position < end {
      elementsSeen &+= 1
      guard elementsSeen <= Self.maxElements else {
        throw problem("more than \(Self.maxElements) elements: not a plausible image file")
      }
      guard end - position >= 8 else { throw truncated("an element header", at: position) }
      let group = DICOMBytes.u16(bytes, position, littleEndian: little)
      let number = DICOMBytes.u16(bytes, position + 2, littleEndian: little)
      let tag = UInt32(group) << 16 | UInt32(number)
      if group == 0xFFFE {
        // Item delimiters never carry a VR; their length is 4 bytes of zero.
        if tag == Self.itemDelimiterTag && inUndefinedItem { return position + 8 }
        throw problem(
          "unexpected \(DICOMBytes.tagName(tag)) at byte \(position): the sequence structure is broken"
        )
      }
      var vr: UInt16 = 0
      var length: UInt32
      var valueStart: Int
      if encoding.explicitVR {
        let first = bytes[position + 4]
        let second = bytes[position + 5]
        guard Self.isUpperLetter(first) && Self.isUpperLetter(second) else {
          throw problem(
            "element \(DICOMBytes.tagName(tag)) at byte \(position) has no valid VR: "
              + "not DICOM, or damaged")
        }
        vr = UInt16(first) << 8 | UInt16(second)
        if Self.hasLongLength(vr) {
          guard end - position >= 12 else { throw truncated("an element header", at: position) }
          length = DICOMBytes.u32(bytes, position + 8, littleEndian: little)
          valueStart = position + 12
        } else {
          length = UInt32(DICOMBytes.u16(bytes, position + 6, littleEndian: little))
          valueStart = position + 8
        }
      } else {
        length = DICOMBytes.u32(bytes, position + 4, littleEndian: little)
        valueStart = position + 8
      }

      let isPrivate = group & 1 == 1
      if depth == 0 {
        dataSet.elementCount &+= 1
        if isPrivate { dataSet.privateElementCount &+= 1 }
      }
      if length == Self.undefinedLength {
        // A sequence, or encapsulated pixel data (a sequence of fragment items). Items of a UN
        // sequence are implicit VR little endian (PS3.5 6.2.2).
        let inner = vr == Self.unknownVR ? Encoding.implicitLittle : encoding
        let after = try parseSequence(from: valueStart, to: end, encoding: inner, depth: depth + 1)
        if depth == 0 && !isPrivate && group != 0x0002 {
          dataSet.elements[tag] = DICOMElement(
            tag: tag, vr: vr, offset: valueStart, length: 0, undefinedLength: true)
        }
        position = after
        continue
      }
      let size = Int(length)
      guard size <= end - valueStart else {
        throw HemoError(
          file: file,
          "the file is cut short: element \(DICOMBytes.tagName(tag)) at byte \(position) "
            + "claims \(size) bytes but only \(max(0, end - valueStart)) remain",
          advice: "the file may be incomplete or damaged")
      }
      if depth == 0 && !isPrivate && group != 0x0002 {
        dataSet.elements[tag] = DICOMElement(
          tag: tag, vr: vr, offset: valueStart, length: size, undefinedLength: false)
      }
      position = valueStart + size
    }
    if inUndefinedItem { throw truncated("an item without its delimiter", at: position) }
    return position
  }

  /// Parses the items of a sequence of undefined length up to its delimiter; returns the offset
  /// after the delimiter.
  mutating func parseSequence(from start: Int, to end: Int, encoding: Encoding, depth: Int)
    throws(HemoError) -> Int
  {
    guard depth <= Self.maxDepth else {
      throw problem("sequences nested more than \(Self.maxDepth) deep: refused")
    }
    var position = start
    while true {
      elementsSeen &+= 1
      guard elementsSeen <= Self.maxElements else {
        throw problem("more than \(Self.maxElements) elements: not a plausible image file")
      }
      guard end - position >= 8 else { throw truncated("a sequence item", at: position) }
      let little = encoding.littleEndian
      let group = DICOMBytes.u16(bytes, position, littleEndian: little)
      let number = DICOMBytes.u16(bytes, position + 2, littleEndian: little)
      let tag = UInt32(group) << 16 | UInt32(number)
      let length = DICOMBytes.u32(bytes, position + 4, littleEndian: little)
      position += 8
      if tag == Self.sequenceDelimiterTag { return position }
      guard tag == Self.itemTag else {
        throw problem(
          "expected a sequence item at byte \(position - 8), found \(DICOMBytes.tagName(tag))")
      }
      if length == Self.undefinedLength {
        position = try parseElements(
          from: position, to: end, encoding: encoding, depth: depth, inUndefinedItem: true)
      } else {
        guard Int(length) <= end - position else {
          throw truncated("a sequence item of \(length) bytes", at: position - 8)
        }
        position += Int(length)
      }
    }
  }
}
