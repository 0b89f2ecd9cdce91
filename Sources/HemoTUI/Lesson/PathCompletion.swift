import Foundation

/// Shell-like completion of a typed path: a unique match completes (folders get a `/`); several
/// complete to their longest common prefix and are listed; `~` means the home folder.
public enum PathCompletion {
  /// The completed text and the candidates to show (empty when it completed to one name).
  public struct Result: Sendable, Equatable {
    public var text: String
    public var candidates: [String]
  }

  /// Most names listed under the prompt (a huge folder is cut, not listed).
  static let maxCandidates = 200

  /// Completes `text` using `list`, which returns a folder's entries as (name, isFolder), or nil
  /// when the folder cannot be read.
  public static func complete(
    _ text: String, list: (String) -> [(name: String, isFolder: Bool)]? = listFolder
  ) -> Result {
    let slash = text.lastIndex(of: "/")
    let folderPart = slash.map { String(text[...$0]) } ?? ""
    let stem = slash.map { String(text[text.index(after: $0)...]) } ?? text
    let folder = folderPart.isEmpty ? "." : expand(folderPart)
    guard let entries = list(folder) else { return Result(text: text, candidates: []) }
    let showHidden = stem.hasPrefix(".")
    let matches = entries.filter { entry in
      entry.name.hasPrefix(stem) && (showHidden || !entry.name.hasPrefix("."))
    }.sorted { $0.name < $1.name }
    guard let first = matches.first else { return Result(text: text, candidates: []) }
    if matches.count == 1 {
      return Result(text: folderPart + first.name + (first.isFolder ? "/" : ""), candidates: [])
    }
    var common = first.name
    for match in matches.dropFirst() {
      common = String(common.commonPrefix(with: match.name))
    }
    let names = matches.prefix(maxCandidates).map { $0.name + ($0.isFolder ? "/" : "") }
    return Result(text: folderPart + common, candidates: Array(names))
  }

  /// `~` and `~/…` made absolute.
  public static func expand(_ path: String) -> String {
    (path as NSString).expandingTildeInPath
  }

  /// The entries of `folder` on disk (nil when it cannot be listed).
  public static func listFolder(_ folder: String) -> [(name: String, isFolder: Bool)]? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return nil
    }
    return names.prefix(10_000).map { name in
      var isDirectory: ObjCBool = false
      let path = (folder as NSString).appendingPathComponent(name)
      _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      return (name, isDirectory.boolValue)
    }
  }
}
