import Foundation
import HemoAssets
import HemoCore

/// The experiments HemoLab knows: the built-in ones in Assets/experiments, or a file the user names.
public struct ExperimentCatalog: Sendable {
  public let experiments: [Experiment]

  public init(experiments: [Experiment]) {
    self.experiments = experiments.sorted { $0.id < $1.id }
  }

  /// Loads every `*.json` in the built-in experiments folder (an instructor adds one by adding a file).
  public static func builtIn() throws(HemoError) -> ExperimentCatalog {
    try load(folder: HemoAssets.experimentsFolder)
  }

  /// Loads every `*.json` in `folder`; ids must be unique.
  public static func load(folder: URL) throws(HemoError) -> ExperimentCatalog {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw HemoError(file: folder.path, "cannot list the experiments folder")
    }
    var experiments: [Experiment] = []
    for name in names.sorted() where name.hasSuffix(".json") {
      let experiment = try load(file: folder.appendingPathComponent(name))
      if let clash = experiments.first(where: { $0.id == experiment.id }) {
        throw HemoError(
          file: folder.appendingPathComponent(name).path,
          "experiment id \(experiment.id) is already used by \"\(clash.title)\"")
      }
      experiments.append(experiment)
    }
    if experiments.isEmpty {
      throw HemoError(file: folder.path, "no experiment files (*.json) found")
    }
    return ExperimentCatalog(experiments: experiments)
  }

  /// Loads and validates one experiment file.
  public static func load(file url: URL) throws(HemoError) -> Experiment {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw HemoError(file: url.path, "cannot read the file", advice: "check the path")
    }
    if data.count > 1_000_000 {
      throw HemoError(file: url.path, "too large for an experiment file")
    }
    let document: ExperimentFile
    do {
      document = try JSONDecoder().decode(ExperimentFile.self, from: data)
    } catch let error as DecodingError {
      throw HemoError(file: url.path, Self.explain(error), advice: "fix the experiment file")
    } catch {
      throw HemoError(file: url.path, "not a valid experiment file")
    }
    return try Experiment(document, file: url.path)
  }

  /// The experiment with this id.
  public func experiment(id: Int) -> Experiment? {
    experiments.first { $0.id == id }
  }

  /// A decoding error in one line: the field path and what was wrong.
  static func explain(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
        .joined()
      return text.hasPrefix(".")
        ? String(text.dropFirst()) : (text.isEmpty ? "the top level" : text)
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))"
      return "missing field \"\(key.stringValue)\"\(parent)"
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(Self.describe(type))"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): expected \(Self.describe(type)), found null"
    case .dataCorrupted(let context):
      if let teaching = context.codingPath.last, teaching.stringValue == "teachingPoint" {
        return
          "teachingPoint must be one of \(TeachingPoint.allCases.map(\.rawValue).joined(separator: ", "))"
      }
      return context.codingPath.isEmpty
        ? "not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return "not a valid experiment file"
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text"
    case is Int.Type, is UInt64.Type: "a whole number"
    case is Float.Type, is Double.Type: "a number"
    case is Bool.Type: "true or false"
    default: "a value of another kind"
    }
  }
}
