import Foundation

/// A byte-level scanner for RSNA label CSVs (`ID,Label` then `ID_12cadc6af_epidural,0` rows, six
/// per image). It never builds a String per row: the label name is matched on bytes, and the image
/// ID is only decoded when it changes from the previous row (rows come grouped by image).
enum RSNACSVScanner {
  /// The six label names, in RSNA order; bit 5 is `any`.
  private static let labelNames: [[UInt8]] =
    HemorrhageSubtype.allCases.map { Array($0.rawValue.utf8) } + [Array("any".utf8)]
  private static let allLabels: UInt8 = 0b11_1111
  private static let anyBit: UInt8 = 1 << 5

  static func scan(
    _ data: Data, file: String, progress: (DataSourceProgress) -> Void
  ) throws(HemoError) -> RSNAIndex {
    var state = State(file: file)
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard let base = bytes.baseAddress else { return }
      state.run(base, bytes.count, progress: progress)
    }
    return try state.finish()
  }

  private struct State {
    let file: String
    var ids: [String] = []
    var seen: [UInt8] = []
    var values: [UInt8] = []
    var conflicting: Set<Int> = []
    var positions: [String: Int] = [:]
    var rowCount = 0
    var duplicateRows = 0
    var problems: [HemoError] = []
    var problemCount = 0

    init(file: String) { self.file = file }

    mutating func report(_ problem: String) {
      problemCount += 1
      if problems.count < RSNAIndex.maxReportedProblems {
        problems.append(HemoError(file: file, problem))
      }
    }

    mutating func run(
      _ base: UnsafePointer<UInt8>, _ count: Int, progress: (DataSourceProgress) -> Void
    ) {
      var start = 0
      if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { start = 3 }
      var line = 0
      var previous: (start: Int, length: Int, position: Int) = (0, -1, -1)
      progress(DataSourceProgress(stage: "reading labels", done: 0, total: count))
      while start < count {
        let end: Int
        if let found = memchr(base + start, 0x0A, count - start) {
          end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        } else {
          end = count
        }
        line += 1
        var stop = end
        while stop > start && (base[stop - 1] == 0x0D || base[stop - 1] == 0x20) { stop -= 1 }
        defer { start = end + 1 }
        if line & 0xFFFF == 0 {
          progress(DataSourceProgress(stage: "reading labels", done: end, total: count))
        }
        if stop == start { continue }
        if line == 1 && isHeader(base + start, stop - start) { continue }
        rowCount += 1
        guard let row = parseRow(base, start, stop) else {
          let shown = String(
            decoding: UnsafeBufferPointer(start: base + start, count: min(stop - start, 60)),
            as: UTF8.self)
          report(
            "line \(line): expected ID_<image>_<label>,<0 or 1>, found \"\(DataSourceText.printable(shown))\""
          )
          continue
        }
        var position = previous.position
        if row.idLength != previous.length
          || memcmp(base + row.idStart, base + previous.start, row.idLength) != 0
        {
          let id = String(
            decoding: UnsafeBufferPointer(start: base + row.idStart, count: row.idLength),
            as: UTF8.self)
          if let known = positions[id] {
            position = known
          } else {
            position = ids.count
            positions[id] = position
            ids.append(id)
            seen.append(0)
            values.append(0)
          }
          previous = (row.idStart, row.idLength, position)
        }
        let bit = UInt8(1) << UInt8(row.label)
        if seen[position] & bit != 0 {
          if (values[position] & bit != 0) == row.value {
            duplicateRows += 1
          } else if conflicting.insert(position).inserted {
            report(
              "line \(line): \(ids[position]) has two different values for \(RSNACSVScanner.labelName(row.label))"
            )
          }
          continue
        }
        seen[position] |= bit
        if row.value { values[position] |= bit }
      }
      progress(DataSourceProgress(stage: "reading labels", done: count, total: count))
    }

    /// Parses `ID_x_label,v` between start and stop; nil for a malformed row.
    private func parseRow(_ base: UnsafePointer<UInt8>, _ start: Int, _ stop: Int)
      -> (idStart: Int, idLength: Int, label: Int, value: Bool)?
    {
      // The value: a single 0 or 1 after the last comma.
      guard stop - start >= 5, base[stop - 2] == 0x2C else { return nil }
      let value: Bool
      switch base[stop - 1] {
      case 0x30: value = false
      case 0x31: value = true
      default: return nil
      }
      let comma = stop - 2
      var underscore = comma - 1
      while underscore > start && base[underscore] != 0x5F { underscore -= 1 }
      guard underscore > start else { return nil }
      let nameLength = comma - underscore - 1
      var label = -1
      for (index, name) in RSNACSVScanner.labelNames.enumerated() where name.count == nameLength {
        if name.withUnsafeBufferPointer({
          memcmp($0.baseAddress!, base + underscore + 1, nameLength)
        }) == 0 {
          label = index
          break
        }
      }
      guard label >= 0 else { return nil }
      // IDs become file names: letters, digits, '_' and '-' only.
      for index in start..<underscore {
        let byte = base[index]
        let allowed =
          (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
          || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
        guard allowed else { return nil }
      }
      return (start, underscore - start, label, value)
    }

    private func isHeader(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> Bool {
      let text = String(
        decoding: UnsafeBufferPointer(start: pointer, count: min(length, 40)), as: UTF8.self)
      return text.replacingOccurrences(of: " ", with: "").lowercased() == "id,label"
    }

    mutating func finish() throws(HemoError) -> RSNAIndex {
      var keptIds: [String] = []
      var keptMasks: [UInt8] = []
      keptIds.reserveCapacity(ids.count)
      keptMasks.reserveCapacity(ids.count)
      for position in ids.indices {
        if conflicting.contains(position) { continue }
        let have = seen[position]
        guard have == RSNACSVScanner.allLabels else {
          let missing = (0..<6).filter { have & (1 << UInt8($0)) == 0 }.map(
            RSNACSVScanner.labelName)
          report("\(ids[position]) left out: no row for \(missing.joined(separator: ", "))")
          continue
        }
        let value = values[position]
        let subtypes = value & RSNALabelMask.subtypeBits
        guard (value & RSNACSVScanner.anyBit != 0) == (subtypes != 0) else {
          report("\(ids[position]) left out: 'any' disagrees with the subtype labels")
          continue
        }
        keptIds.append(ids[position])
        keptMasks.append(subtypes)
      }
      guard !keptIds.isEmpty else {
        throw HemoError(
          file: file, "no image has a complete set of six labels",
          advice: problems.first.map { "first problem: \($0.problem)" }
            ?? "expected rows like ID_12cadc6af_epidural,0")
      }
      return RSNAIndex(
        file: file, ids: keptIds, masks: keptMasks, rowCount: rowCount,
        duplicateRows: duplicateRows, problems: problems, problemCount: problemCount)
    }
  }

  static func labelName(_ index: Int) -> String {
    String(decoding: labelNames[index], as: UTF8.self)
  }
}
