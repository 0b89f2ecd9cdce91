import Foundation
import Testing

@testable import HemoTUI

@Suite struct PathCompletionTests {
  let listing: [String: [(name: String, isFolder: Bool)]] = [
    ".": [("data", true), ("notes.txt", false), (".hidden", true)],
    "/work/shared/data/": [
      ("spotlight-tm", true), ("rsna-ich-dicom", true), ("rsna-extra", true),
    ],
    "/work/shared/data/spotlight-tm/": [
      ("experiment1.tm", false), ("experiment4.tm", false), ("experiment5.tm", false),
    ],
  ]

  func complete(_ text: String) -> PathCompletion.Result {
    PathCompletion.complete(text) { folder in listing[folder] }
  }

  @Test func aUniqueMatchCompletesAndFoldersGetASlash() {
    #expect(complete("/work/shared/data/sp").text == "/work/shared/data/spotlight-tm/")
    #expect(complete("/work/shared/data/sp").candidates.isEmpty)
    #expect(complete("no").text == "notes.txt")
    #expect(complete("da").text == "data/")
  }

  @Test func severalMatchesCompleteToTheirCommonPrefixAndAreListed() {
    let rsna = complete("/work/shared/data/r")
    #expect(rsna.text == "/work/shared/data/rsna-")
    #expect(rsna.candidates == ["rsna-extra/", "rsna-ich-dicom/"])
    let projects = complete("/work/shared/data/spotlight-tm/")
    #expect(projects.text == "/work/shared/data/spotlight-tm/experiment")
    #expect(projects.candidates.count == 3)
  }

  @Test func hiddenNamesOnlyWhenAskedAndNothingMatchingLeavesTheText() {
    #expect(complete("").candidates == ["data/", "notes.txt"])
    #expect(complete(".h").text == ".hidden/")
    #expect(complete("zzz") == PathCompletion.Result(text: "zzz", candidates: []))
    #expect(
      complete("/unreadable/x") == PathCompletion.Result(text: "/unreadable/x", candidates: []))
  }

  @Test func theRealFileSystemIsListed() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-complete-\(UUID())")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("Normal"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(PathCompletion.complete(root.path + "/No").text == root.path + "/Normal/")
    #expect(PathCompletion.expand("~/x").hasSuffix("/x"))
    #expect(!PathCompletion.expand("~/x").hasPrefix("~"))
  }
}
