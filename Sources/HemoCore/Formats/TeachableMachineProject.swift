import Foundation
import ZIPFoundation

/// A Teachable Machine image project (.tm): a zip of `<Class>-!-<index>.jpg` samples and a
/// `manifest.json` with the settings it was trained with. Read entirely in memory (never extracted
/// to disk), within limits on entry count, sizes and compression ratio.
public struct TeachableMachineProject: Sendable {
  /// One `.picture` sample per JPEG; class order = order of first appearance in the zip, samples
  /// within a class in index order.
  public let samples: SampleSet
  /// The epochs, batch size and learning rate stored in the manifest (nil when absent).
  public let originalSettings: TeachableMachineSettings
  /// The manifest's `version` (e.g. "2.4.1"), when there is a manifest.
  public let manifestVersion: String?
  /// Entries that were skipped and other non-fatal problems, one line each.
  public let problems: [HemoError]

  /// Largest .tm file read (checked before reading).
  public static let maxFileBytes = 1 << 30
  /// Largest manifest.json read.
  static let maxManifestBytes = 1 << 20
  /// The separator Teachable Machine puts between class name and index.
  public static let separator = "-!-"

  /// Reads a .tm project. Throws when the file cannot be a project (not a zip, damaged, hostile,
  /// no readable sample); skipped entries are listed in `problems`.
  public static func read(_ url: URL) throws(HemoError) -> TeachableMachineProject {
    let data = try DataSourceFile.read(url, maxBytes: maxFileBytes)
    return try read(data, file: url.path)
  }

  /// Reads a .tm project from bytes; `file` names it in messages.
  public static func read(_ data: Data, file: String) throws(HemoError) -> TeachableMachineProject {
    guard
      data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06])
    else {
      throw HemoError(
        file: file, "not a Teachable Machine project (a .tm file is a zip; this is not one)")
    }
    let check = TeachableMachineZipCheck(data: data, file: file, limits: .init())
    let checked = try check.entries()
    let archive: Archive
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw HemoError(file: file, "damaged zip (\(error))")
    }
    var problems: [HemoError] = []
    var manifest: TeachableMachineManifest.Contents?
    var classNames: [String] = []
    var byClass: [[(index: Int, sample: Sample)]] = []
    let iterator = archive.makeIterator()
    for expected in checked {
      // The check walked the same central directory in the same order: step in lockstep.
      guard let entry = iterator.next() else {
        throw HemoError(
          file: file,
          "damaged zip: entry \"\(DataSourceText.printable(expected.name))\" cannot be read")
      }
      if let rejection = expected.rejection {
        problems.append(rejection)
        continue
      }
      if expected.isDirectory { continue }
      let name = expected.name
      if name == "manifest.json" {
        do throws(HemoError) {
          let bytes = try extract(entry, expected, from: archive, file: file)
          manifest = try TeachableMachineManifest.parse(bytes, file: file)
        } catch {
          problems.append(error)
        }
        continue
      }
      guard let (className, index) = parseSampleName(name) else {
        problems.append(
          HemoError(
            file: file,
            "entry \"\(DataSourceText.printable(name))\" skipped: not a <Class>-!-<n>.jpg sample"))
        continue
      }
      let pixels: RGBImage
      do throws(HemoError) {
        let bytes = try extract(entry, expected, from: archive, file: file)
        pixels = try ImageCodec.decodeJPEG(bytes, file: "\(file) [\(name)]").rgb
      } catch {
        problems.append(
          HemoError(
            file: file,
            "entry \"\(DataSourceText.printable(name))\" skipped: \(DataSourceText.printable(error.problem, limit: 200))"
          ))
        continue
      }
      var label = classNames.firstIndex(of: className) ?? -1
      if label < 0 {
        label = classNames.count
        classNames.append(className)
        byClass.append([])
      }
      if byClass[label].contains(where: { $0.index == index }) {
        problems.append(
          HemoError(
            file: file,
            "entry \"\(DataSourceText.printable(name))\" skipped: duplicate sample index"))
        continue
      }
      let sample = Sample(pixels: .picture(pixels), label: label, source: "\(file) [\(name)]")
      byClass[label].append((index, sample))
    }
    let samples = byClass.flatMap { $0.sorted { $0.index < $1.index }.map(\.sample) }
    guard !samples.isEmpty else {
      throw HemoError(
        file: file, "no readable <Class>-!-<n>.jpg samples in this project",
        advice: problems.first.map { "first problem: \($0.problem)" })
    }
    if manifest == nil, !problems.contains(where: { $0.problem.contains("manifest") }) {
      problems.append(HemoError(file: file, "no manifest.json: original training settings unknown"))
    }
    return TeachableMachineProject(
      samples: SampleSet(classNames: classNames, samples: samples),
      originalSettings: manifest?.settings ?? TeachableMachineSettings(),
      manifestVersion: manifest?.version, problems: problems)
  }

  /// Splits `Normal-!-12.jpg` into ("Normal", 12); nil for any other name.
  static func parseSampleName(_ name: String) -> (className: String, index: Int)? {
    let lowered = name.lowercased()
    guard let dot = lowered.lastIndex(of: "."),
      [".jpg", ".jpeg"].contains(String(lowered[dot...])),
      let separatorRange = name.range(of: separator, options: .backwards),
      separatorRange.upperBound <= dot
    else { return nil }
    let className = String(name[..<separatorRange.lowerBound])
    let indexText = name[separatorRange.upperBound..<dot]
    guard !className.isEmpty, !className.contains("/"), indexText.count <= 9,
      indexText.allSatisfy({ $0.isASCII && $0.isNumber }), let index = Int(indexText)
    else { return nil }
    return (className, index)
  }

  /// An entry's bytes, refusing more than the size the (checked) directory promised.
  private static func extract(
    _ entry: Entry, _ expected: TeachableMachineZipCheck.Entry, from archive: Archive, file: String
  ) throws(HemoError) -> Data {
    let limit = expected.uncompressedSize
    if expected.name == "manifest.json", limit > maxManifestBytes {
      throw HemoError(file: file, "manifest.json is too large (\(limit) bytes)")
    }
    var bytes = Data()
    bytes.reserveCapacity(limit)
    do {
      _ = try archive.extract(entry) { chunk in
        guard bytes.count + chunk.count <= limit else { throw SizeExceeded() }
        bytes.append(chunk)
      }
    } catch is SizeExceeded {
      throw HemoError(
        file: file,
        "entry \"\(DataSourceText.printable(expected.name))\" unpacks to more than it declares")
    } catch {
      throw HemoError(
        file: file, "entry \"\(DataSourceText.printable(expected.name))\" is damaged (\(error))")
    }
    guard bytes.count == limit else {
      throw HemoError(
        file: file,
        "entry \"\(DataSourceText.printable(expected.name))\" is shorter than it declares")
    }
    return bytes
  }

  private struct SizeExceeded: Error {}
}
