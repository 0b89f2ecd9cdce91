import CImageCodecs

/// The outer structure of a DICOM file (PS3.10 and PS3.5): optional preamble and `DICM`, the file
/// meta group (always explicit VR little endian), the transfer syntax, then the data set, which
/// may be deflated. Produces the parsed top-level data set.
struct DICOMHeader {
  var dataSet: DICOMDataSet
  var syntax: DICOMTransferSyntax
  var syntaxInferred: Bool
  var hasPreamble: Bool
  var hasFileMeta: Bool

  /// Largest inflated data set accepted (a 8192² 16-bit slice plus generous headers).
  static let maxInflatedBytes = 8192 * 8192 * 2 + (32 << 20)

  static let transferSyntaxTag: UInt32 = 0x0002_0010
  static let mediaStorageSOPClassTag: UInt32 = 0x0002_0002
  /// MediaStorageSOPClassUID from the file meta, when present.
  var mediaStorageSOPClassUID: String?

  static func parse(_ bytes: [UInt8], file: String) throws(HemoError) -> DICOMHeader {
    guard !bytes.isEmpty else {
      throw HemoError(file: file, "empty file (0 bytes): not a DICOM image")
    }
    let magic: [UInt8] = Array("DICM".utf8)
    var position = 0
    var hasPreamble = false
    if bytes.count >= 132 && Array(bytes[128..<132]) == magic {
      position = 132
      hasPreamble = true
    } else if bytes.count >= 4 && Array(bytes[0..<4]) == magic {
      position = 4
    }
    let meta = try parseMeta(bytes, from: position, file: file)
    position = meta.end
    let hasFileMeta = meta.found

    var syntax: DICOMTransferSyntax
    var inferred = false
    if let uid = meta.transferSyntaxUID, !uid.isEmpty {
      syntax = DICOMTransferSyntax.forUID(uid)
      guard syntax.isSupported else {
        throw HemoError(
          file: file, "unsupported: \(syntax.name), a compressed transfer syntax",
          advice: "HemoLab reads uncompressed DICOM; convert it first, e.g. `gdcmconv --raw`")
      }
    } else {
      guard let sniffed = sniff(bytes, at: position) else {
        throw HemoError(
          file: file,
          hasPreamble || hasFileMeta
            ? "the data set after the file meta is not recognisable DICOM"
            : "not a DICOM file (no DICM marker and no recognisable data set)")
      }
      syntax = sniffed
      inferred = true
    }

    var dataBytes = bytes
    var start = position
    if syntax.deflated {
      dataBytes = try inflate(bytes, from: position, file: file)
      start = 0
    }
    var parser = DICOMParser(bytes: dataBytes, littleEndian: syntax.littleEndian, file: file)
    _ = try parser.parseElements(
      from: start, to: dataBytes.count,
      encoding: .init(explicitVR: syntax.explicitVR, littleEndian: syntax.littleEndian),
      depth: 0, inUndefinedItem: false)
    return DICOMHeader(
      dataSet: parser.dataSet, syntax: syntax, syntaxInferred: inferred,
      hasPreamble: hasPreamble, hasFileMeta: hasFileMeta,
      mediaStorageSOPClassUID: meta.sopClassUID)
  }

  /// Reads group 0002 elements (explicit VR little endian; tolerates implicit VR, as some writers
  /// produce it) while they last. The group length element is not trusted or required.
  static func parseMeta(_ bytes: [UInt8], from start: Int, file: String) throws(HemoError) -> (
    end: Int, transferSyntaxUID: String?, found: Bool, sopClassUID: String?
  ) {
    var position = start
    var uid: String?
    var sopClass: String?
    var found = false
    var count = 0
    while bytes.count - position >= 8,
      DICOMBytes.u16(bytes, position, littleEndian: true) == 0x0002
    {
      count += 1
      guard count <= 1000 else {
        throw HemoError(file: file, "file meta group is implausibly long")
      }
      found = true
      let tagValue =
        UInt32(DICOMBytes.u16(bytes, position, littleEndian: true)) << 16
        | UInt32(DICOMBytes.u16(bytes, position + 2, littleEndian: true))
      let first = bytes[position + 4]
      let second = bytes[position + 5]
      var length: Int
      var valueStart: Int
      if DICOMParser.isUpperLetter(first) && DICOMParser.isUpperLetter(second) {
        let vr = UInt16(first) << 8 | UInt16(second)
        if DICOMParser.hasLongLength(vr) {
          guard bytes.count - position >= 12 else {
            throw HemoError(file: file, "the file is cut short inside the file meta group")
          }
          length = Int(DICOMBytes.u32(bytes, position + 8, littleEndian: true))
          valueStart = position + 12
        } else {
          length = Int(DICOMBytes.u16(bytes, position + 6, littleEndian: true))
          valueStart = position + 8
        }
      } else {
        length = Int(DICOMBytes.u32(bytes, position + 4, littleEndian: true))
        valueStart = position + 8
      }
      guard length <= bytes.count - valueStart else {
        throw HemoError(
          file: file,
          "the file is cut short: file meta element \(DICOMBytes.tagName(tagValue)) claims "
            + "\(length) bytes but only \(bytes.count - valueStart) remain",
          advice: "the file may be incomplete or damaged")
      }
      if tagValue == transferSyntaxTag || tagValue == mediaStorageSOPClassTag {
        let text = String(decoding: bytes[valueStart..<(valueStart + length)], as: UTF8.self)
        let trimmed = String(
          text.unicodeScalars.filter { $0 != " " && $0 != "\0" }.map(Character.init))
        if tagValue == transferSyntaxTag { uid = trimmed } else { sopClass = trimmed }
      }
      position = valueStart + length
    }
    return (position, uid, found, sopClass)
  }

  /// Guesses the encoding of a data set with no transfer syntax from its first element: byte
  /// order from where the small group number sits, explicit VR when two capital letters follow
  /// the tag. Nil when the bytes do not look like a data set.
  static func sniff(_ bytes: [UInt8], at start: Int) -> DICOMTransferSyntax? {
    guard bytes.count - start >= 8 else { return nil }
    let little = !(bytes[start] == 0 && bytes[start + 1] != 0)
    let group = DICOMBytes.u16(bytes, start, littleEndian: little)
    guard group >= 0x0001 && group <= 0x7FE0 else { return nil }
    let first = bytes[start + 4]
    let second = bytes[start + 5]
    if DICOMParser.isUpperLetter(first) && DICOMParser.isUpperLetter(second) {
      let vr = UInt16(first) << 8 | UInt16(second)
      let known = DICOMParser.shortVRs.contains(vr) || DICOMParser.longVRs.contains(vr)
      guard known else { return nil }
      return little ? .explicitLittle : .explicitBig
    }
    guard little else { return nil }  // implicit VR is always little endian
    let length = DICOMBytes.u32(bytes, start + 4, littleEndian: true)
    guard length == DICOMParser.undefinedLength || Int(length) <= bytes.count - start - 8 else {
      return nil
    }
    return .implicitLittle
  }

  /// Inflates the raw DEFLATE data set of the deflated transfer syntax, bounded in size.
  static func inflate(_ bytes: [UInt8], from start: Int, file: String) throws(HemoError)
    -> [UInt8]
  {
    var output: UnsafeMutablePointer<UInt8>? = nil
    var size = 0
    var message = [CChar](repeating: 0, count: Int(HL_ERROR_SIZE))
    let status = bytes.withUnsafeBufferPointer { buffer in
      hl_inflate_raw(
        buffer.baseAddress.map { $0 + start }, buffer.count - start, maxInflatedBytes, &output,
        &size, &message)
    }
    guard status == 0, let output else {
      let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      throw HemoError(
        file: file, "the deflated data set cannot be inflated: \(text.isEmpty ? "corrupt" : text)")
    }
    defer { hl_free(output) }
    return Array(UnsafeBufferPointer(start: output, count: size))
  }

  /// Compresses bytes into a raw DEFLATE stream (for writing the deflated transfer syntax).
  static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
    var output: UnsafeMutablePointer<UInt8>? = nil
    var size = 0
    var message = [CChar](repeating: 0, count: Int(HL_ERROR_SIZE))
    let status = bytes.withUnsafeBufferPointer { buffer in
      hl_deflate_raw(buffer.baseAddress, buffer.count, &output, &size, &message)
    }
    guard status == 0, let output else { return nil }
    defer { hl_free(output) }
    return Array(UnsafeBufferPointer(start: output, count: size))
  }
}
