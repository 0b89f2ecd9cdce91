import Foundation
import HemoAssets
import HemoCore

/// One step of the guided lesson: its title, what kind of screen it is, and its text.
public struct LessonStep: Sendable, Equatable {
  /// What the step's screen does.
  public enum Kind: Sendable, Equatable {
    /// The gradient descent playground.
    case descent
    /// The gallery and viewer of the data.
    case data
    /// One experiment, by its id.
    case experiment(Int)
    /// The recap: variability, threshold, another hospital.
    case generalize
  }

  /// 1-based position in the lesson.
  public let number: Int
  public let title: String
  public let kind: Kind
  /// Paragraphs and bullet lines; `**word**` marks emphasis.
  public let text: String

  /// Loads the lesson's steps from the built-in lesson folder, in file-name order.
  public static func builtIn() throws(HemoError) -> [LessonStep] {
    try load(folder: HemoAssets.lessonFolder)
  }

  /// Loads every `*.md` in `folder`: first line `# Title`, second line `kind: …`, then the text.
  public static func load(folder: URL) throws(HemoError) -> [LessonStep] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
        $0.hasSuffix(".md")
      }
    } catch {
      throw HemoError(file: folder.path, "cannot list the lesson folder")
    }
    let ordered = names.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    var steps: [LessonStep] = []
    for name in ordered {
      let url = folder.appendingPathComponent(name)
      guard let source = try? String(contentsOf: url, encoding: .utf8) else {
        throw HemoError(file: url.path, "cannot read the lesson text (UTF-8 expected)")
      }
      steps.append(try parse(source, number: steps.count + 1, file: url.path))
    }
    if steps.isEmpty { throw HemoError(file: folder.path, "no lesson steps (*.md) found") }
    return steps
  }

  /// Parses one step file.
  static func parse(_ source: String, number: Int, file: String) throws(HemoError) -> LessonStep {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let first = lines.first, first.hasPrefix("# ") else {
      throw HemoError(file: file, "the first line must be the title, \"# …\"")
    }
    guard lines.count > 1, lines[1].hasPrefix("kind: ") else {
      throw HemoError(
        file: file, "the second line must say the step's kind, e.g. \"kind: experiment 2\"")
    }
    let kindWords = lines[1].dropFirst("kind: ".count).split(separator: " ")
    let kind: Kind
    switch (kindWords.first, kindWords.count) {
    case ("descent", 1): kind = .descent
    case ("data", 1): kind = .data
    case ("generalize", 1): kind = .generalize
    case ("experiment", 2) where Int(kindWords[1]) != nil: kind = .experiment(Int(kindWords[1])!)
    default:
      throw HemoError(
        file: file,
        "unknown kind \"\(lines[1].dropFirst(6))\" (descent, data, experiment N, generalize)")
    }
    let text = lines.dropFirst(2).joined(separator: "\n").trimmingCharacters(
      in: .whitespacesAndNewlines)
    return LessonStep(number: number, title: String(first.dropFirst(2)), kind: kind, text: text)
  }
}
