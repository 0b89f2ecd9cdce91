import Foundation

/// Checks a .tm zip's structure before ZIPFoundation reads it: the end record and every central
/// directory entry must lie inside the file, point to a local header inside the file, use stored or
/// deflated data, stay within size and ratio limits, and carry a safe name. ZIPFoundation trusts
/// these fields; a hostile file must be refused here, before any of them is used.
struct TeachableMachineZipCheck {
  struct Limits: Sendable {
    var maxEntries = 20_000
    var maxEntryBytes = 32 << 20
    var maxTotalBytes = 2 << 30
    /// Largest uncompressed/compressed ratio allowed for entries over 1 MB (zip bombs).
    var maxRatio = 200
  }

  /// One entry of the central directory, as this check read it.
  struct Entry: Equatable {
    var name: String
    var method: UInt16
    var compressedSize: Int
    var uncompressedSize: Int
    var isDirectory: Bool
    /// Why the entry must be skipped (an unsafe name), or nil.
    var rejection: HemoError?
  }

  let data: Data
  let file: String
  let limits: Limits

  /// The entries, in central-directory order; throws a `HemoError` for a damaged or hostile zip.
  /// Entries with unsafe names are returned with a `rejection` instead of failing the whole file.
  func entries() throws(HemoError) -> [Entry] {
    let bytes = [UInt8](data)
    let end = try findEndRecord(bytes)
    let count = Int(u16(bytes, end + 10))
    let directorySize = Int(u32(bytes, end + 12))
    let directoryOffset = Int(u32(bytes, end + 16))
    guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
      throw HemoError(file: file, "ZIP64 archives are not supported for .tm projects")
    }
    guard count <= limits.maxEntries else {
      throw HemoError(
        file: file, "zip lists \(count) entries, more than the \(limits.maxEntries) limit")
    }
    guard directoryOffset + directorySize <= end else {
      throw HemoError(file: file, "damaged zip: the central directory lies outside the file")
    }
    var entries: [Entry] = []
    var position = directoryOffset
    var total = 0
    for index in 0..<count {
      guard position + 46 <= end, u32(bytes, position) == 0x0201_4B50 else {
        throw HemoError(file: file, "damaged zip: central directory entry \(index + 1) is missing")
      }
      let flags = u16(bytes, position + 8)
      let method = u16(bytes, position + 10)
      let compressed = Int(u32(bytes, position + 20))
      let uncompressed = Int(u32(bytes, position + 24))
      let nameLength = Int(u16(bytes, position + 28))
      let extraLength = Int(u16(bytes, position + 30))
      let commentLength = Int(u16(bytes, position + 32))
      let localOffset = Int(u32(bytes, position + 42))
      let next = position + 46 + nameLength + extraLength + commentLength
      guard next <= end else {
        throw HemoError(file: file, "damaged zip: central directory entry \(index + 1) is cut off")
      }
      let name = String(
        decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
      let shown = DataSourceText.printable(name)
      let extraStart = position + 46 + nameLength
      let hasZIP64Field = containsZIP64Field(bytes, extraStart..<(extraStart + extraLength))
      position = next
      guard !hasZIP64Field else {
        throw HemoError(file: file, "ZIP64 entry \"\(shown)\" is not supported")
      }
      guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, localOffset != 0xFFFF_FFFF
      else {
        throw HemoError(file: file, "ZIP64 entry \"\(shown)\" is not supported")
      }
      // ZIPFoundation reads every entry's local header (and data descriptor), even of entries we
      // skip: every structural check below applies to all entries.
      try checkLocalHeader(
        bytes, at: localOffset, name: shown, method: method, compressed: compressed, limit: end)
      guard flags & 1 == 0 else {
        throw HemoError(file: file, "entry \"\(shown)\" is encrypted")
      }
      guard method == 0 || method == 8 else {
        throw HemoError(
          file: file, "entry \"\(shown)\" uses unsupported compression method \(method)")
      }
      guard method == 8 || compressed == uncompressed else {
        throw HemoError(file: file, "damaged zip: stored entry \"\(shown)\" has inconsistent sizes")
      }
      guard uncompressed <= limits.maxEntryBytes else {
        throw HemoError(
          file: file,
          "entry \"\(shown)\" unpacks to \(DataSourceFile.formatBytes(uncompressed)), "
            + "over the \(DataSourceFile.formatBytes(limits.maxEntryBytes)) limit")
      }
      guard uncompressed <= 1 << 20 || uncompressed <= compressed * limits.maxRatio else {
        throw HemoError(
          file: file, "entry \"\(shown)\" is compressed suspiciously well (zip bomb?)")
      }
      total += uncompressed
      guard total <= limits.maxTotalBytes else {
        throw HemoError(
          file: file, "zip unpacks to more than \(DataSourceFile.formatBytes(limits.maxTotalBytes))"
        )
      }
      if let reason = unsafeNameReason(name) {
        entries.append(
          Entry(
            name: name, method: method, compressedSize: 0, uncompressedSize: 0, isDirectory: false,
            rejection: HemoError(file: file, "entry \"\(shown)\" skipped: \(reason)")))
        continue
      }
      entries.append(
        Entry(
          name: name, method: method, compressedSize: compressed, uncompressedSize: uncompressed,
          isDirectory: name.hasSuffix("/"), rejection: nil))
    }
    return entries
  }

  /// Why an entry name is unsafe (absolute, `..`, backslash, control characters), or nil.
  func unsafeNameReason(_ name: String) -> String? {
    if name.isEmpty { return "empty name" }
    if name.hasPrefix("/") || name.hasPrefix("\\") { return "absolute path" }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7F}" }) {
      return "control character in the name"
    }
    if name.contains("\\") { return "backslash in the name" }
    if name.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
      return "path leads outside the project (\"..\")"
    }
    if name.count > 1 && name.dropFirst().hasPrefix(":") { return "drive letter in the name" }
    return nil
  }

  private func findEndRecord(_ bytes: [UInt8]) throws(HemoError) -> Int {
    guard bytes.count >= 22 else {
      throw HemoError(file: file, "too short to be a zip (\(bytes.count) bytes)")
    }
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    var position = bytes.count - 22
    // The last signature in the file, exactly as ZIPFoundation picks it.
    while position >= lowest {
      if u32(bytes, position) == 0x0605_4B50 {
        guard position + 22 + Int(u16(bytes, position + 20)) <= bytes.count else {
          throw HemoError(file: file, "damaged zip: the end record's comment runs past the file")
        }
        guard position < 20 || u32(bytes, position - 20) != 0x0706_4B50 else {
          throw HemoError(file: file, "ZIP64 archives are not supported for .tm projects")
        }
        return position
      }
      position -= 1
    }
    throw HemoError(
      file: file, "damaged or truncated zip: no end-of-directory record",
      advice: "the file may be incomplete; download or export it again")
  }

  private func checkLocalHeader(
    _ bytes: [UInt8], at offset: Int, name: String, method: UInt16, compressed: Int, limit: Int
  ) throws(HemoError) {
    guard offset + 30 <= limit, u32(bytes, offset) == 0x0403_4B50 else {
      throw HemoError(file: file, "damaged zip: local header of \"\(name)\" is missing")
    }
    guard u16(bytes, offset + 8) == method else {
      throw HemoError(file: file, "damaged zip: \"\(name)\" names two compression methods")
    }
    let nameLength = Int(u16(bytes, offset + 26))
    let extraLength = Int(u16(bytes, offset + 28))
    let extraStart = offset + 30 + nameLength
    guard extraStart + extraLength <= limit,
      !containsZIP64Field(bytes, extraStart..<(extraStart + extraLength))
    else {
      throw HemoError(file: file, "damaged zip: bad local header extra field for \"\(name)\"")
    }
    guard offset + 30 + nameLength + extraLength + compressed <= limit else {
      throw HemoError(file: file, "damaged zip: data of \"\(name)\" runs past the directory")
    }
  }

  /// True when an extra-field block holds a ZIP64 record (header id 1), which ZIPFoundation would
  /// trust over the checked 32-bit sizes.
  private func containsZIP64Field(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var position = range.lowerBound
    while position + 4 <= range.upperBound {
      if u16(bytes, position) == 1 { return true }
      position += 4 + Int(u16(bytes, position + 2))
    }
    return false
  }

  private func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  private func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
      | UInt32(bytes[at + 3]) << 24
  }
}
