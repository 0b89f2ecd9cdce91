import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

/// Six RSNA rows for one image (epidural, intraparenchymal, intraventricular, subarachnoid,
/// subdural, any), as in stage_2_train.csv.
func rsnaRows(_ id: String, _ subtypes: Set<HemorrhageSubtype>) -> String {
  HemorrhageLabels(subtypes).rsnaRow.enumerated().map { index, value in
    let name = index < 5 ? HemorrhageSubtype.allCases[index].rawValue : "any"
    return "\(id)_\(name),\(value ? 1 : 0)\n"
  }.joined()
}

@Suite struct RSNAIndexTests {
  static func index(_ text: String) throws -> RSNAIndex {
    try RSNACSVScanner.scan(Data(text.utf8), file: "labels.csv", progress: { _ in })
  }

  @Test func readsLabelsAndRemovesDuplicates() throws {
    let text =
      "ID,Label\n" + rsnaRows("ID_000aaa111", []) + rsnaRows("ID_000bbb222", [.subdural])
      + rsnaRows("ID_000ccc333", [.intraparenchymal, .intraventricular])
      + rsnaRows("ID_000bbb222", [.subdural])
    let index = try Self.index(text)
    #expect(index.ids == ["ID_000aaa111", "ID_000bbb222", "ID_000ccc333"])
    #expect(index.rowCount == 24)
    #expect(index.duplicateRows == 6)
    #expect(index.problems.isEmpty)
    #expect(index.labels(for: "ID_000aaa111") == .normal)
    #expect(index.labels(for: "ID_000bbb222") == HemorrhageLabels([.subdural]))
    #expect(
      index.labels(for: "ID_000ccc333") == HemorrhageLabels([.intraparenchymal, .intraventricular]))
    #expect(index.labels(for: "ID_unknown") == nil)
    let counts = index.counts
    #expect(counts.images == 3 && counts.any == 2 && counts.normal == 1)
    #expect(counts.subtypes[.subdural] == 1 && counts.subtypes[.epidural] == 0)
    #expect(index.count(matching: .only(.subdural)) == 1)
    #expect(index.count(matching: .only(.intraparenchymal)) == 0)
    #expect(index.count(matching: .contains(.intraparenchymal)) == 1)
    #expect(index.count(matching: .anyHemorrhage) == 2)
    #expect(index.positions(matching: .normal) == [0])
  }

  @Test func acceptsCRLFBOMAndRowsWithoutHeader() throws {
    let text =
      "\u{FEFF}" + rsnaRows("ID_1", [.epidural]).replacingOccurrences(of: "\n", with: "\r\n")
    let index = try Self.index(text)
    #expect(index.labels(for: "ID_1") == HemorrhageLabels([.epidural]))
    #expect(index.problems.isEmpty)
  }

  @Test func badRowsAreNamedByLineAndTheRestLoads() throws {
    let incomplete = rsnaRows("ID_inc", []).split(separator: "\n").prefix(4).map { $0 + "\n" }
      .joined()
    let text =
      "ID,Label\n" + rsnaRows("ID_good", [.subarachnoid]) + "garbage\u{1B}[2J line\n"
      + "ID_x_epidural,7\n" + "ID_x_headache,1\n" + "../../etc/passwd_any,1\n" + incomplete
      + "ID_odd_epidural,0\nID_odd_intraparenchymal,0\nID_odd_intraventricular,0\n"
      + "ID_odd_subarachnoid,0\nID_odd_subdural,0\nID_odd_any,1\n"
      + rsnaRows("ID_two", []) + "ID_two_any,1\n"
    let index = try Self.index(text)
    #expect(index.ids == ["ID_good"])
    let lines = index.problems.map(\.description)
    #expect(
      lines.contains(
        "labels.csv: line 8: expected ID_<image>_<label>,<0 or 1>, found \"garbage?[2J line\""))
    #expect(
      lines.contains(
        "labels.csv: line 9: expected ID_<image>_<label>,<0 or 1>, found \"ID_x_epidural,7\""))
    #expect(lines.contains { $0.hasPrefix("labels.csv: line 10:") })
    #expect(lines.contains { $0.hasPrefix("labels.csv: line 11:") })
    #expect(lines.contains("labels.csv: ID_inc left out: no row for subdural, any"))
    #expect(lines.contains("labels.csv: ID_odd left out: 'any' disagrees with the subtype labels"))
    #expect(lines.contains("labels.csv: line 28: ID_two has two different values for any"))
    #expect(index.problemCount == 7)
  }

  @Test func csvWithoutAnyCompleteImageFails() throws {
    #expect(throws: HemoError.self) { try Self.index("ID,Label\nnot,a,csv\n") }
    let folder = try TemporaryFolder()
    let empty = try folder.write(Data(), "stage_2_train.csv")
    #expect(throws: HemoError(file: empty.path, "file is empty (0 bytes)")) {
      try RSNAIndex.load(csv: empty)
    }
    #expect(throws: HemoError(file: folder.url.path, "is a folder, not a file")) {
      try RSNAIndex.load(csv: folder.url)
    }
  }

  @Test func manyRowsCountCorrectlyAndReportProgress() throws {
    var text = "ID,Label\n"
    var expectedAny = 0
    for image in 0..<3000 {
      let subtypes: Set<HemorrhageSubtype> =
        image % 7 == 0 ? [.subdural] : (image % 11 == 0 ? [.epidural, .subdural] : [])
      if !subtypes.isEmpty { expectedAny += 1 }
      text += rsnaRows(String(format: "ID_%09x", image * 7919), subtypes)
    }
    var reports: [DataSourceProgress] = []
    let index = try RSNACSVScanner.scan(Data(text.utf8), file: "big.csv") { reports.append($0) }
    #expect(index.count == 3000)
    #expect(index.counts.any == expectedAny)
    #expect(index.count(matching: .only(.subdural)) == (0..<3000).filter { $0 % 7 == 0 }.count)
    #expect(
      index.count(matching: .contains(.epidural))
        == (0..<3000).filter { $0 % 7 != 0 && $0 % 11 == 0 }.count)
    #expect(reports.first?.done == 0)
    #expect(
      reports.last
        == DataSourceProgress(
          stage: "reading labels", done: text.utf8.count, total: text.utf8.count))
  }

  @Test func rulesParseFromWords() {
    #expect(RSNALabelRule(parsing: "normal") == .normal)
    #expect(RSNALabelRule(parsing: "ANY") == .anyHemorrhage)
    #expect(RSNALabelRule(parsing: "subdural") == .only(.subdural))
    #expect(RSNALabelRule(parsing: "contains:epidural") == .contains(.epidural))
    #expect(RSNALabelRule(parsing: "only:intraventricular") == .only(.intraventricular))
    #expect(RSNALabelRule(parsing: "bleed") == nil)
    #expect(RSNALabelRule.only(.subdural).matches(HemorrhageLabels([.subdural])))
    #expect(!RSNALabelRule.only(.subdural).matches(HemorrhageLabels([.subdural, .epidural])))
    #expect(RSNALabelRule.contains(.subdural).matches(HemorrhageLabels([.subdural, .epidural])))
  }
}
