import Foundation

/// The labels of an RSNA ICH training set, read from `stage_2_train.csv` (or stage 1): one entry
/// per image ID, duplicates removed, incomplete or inconsistent images left out and reported.
/// Reading labels never touches the DICOM files.
public struct RSNAIndex: Sendable {
  /// The CSV the labels came from.
  public let file: String
  /// Image IDs (`ID_12cadc6af`) in the order they first appear in the CSV.
  public let ids: [String]
  let masks: [UInt8]
  private let positions: [String: Int]
  /// Data rows read (not counting the header and blank lines).
  public let rowCount: Int
  /// Rows that repeated a label already read with the same value (stage 1 repeats some images).
  public let duplicateRows: Int
  /// Bad rows and left-out images, one line each (the first `maxReportedProblems`).
  public let problems: [HemoError]
  /// How many problems there were in all (may exceed `problems.count`).
  public let problemCount: Int

  /// Problems kept in `problems`; the rest are only counted.
  public static let maxReportedProblems = 20
  /// Largest CSV read (the full stage 2 CSV is about 120 MB).
  public static let maxFileBytes = 2 << 30

  init(
    file: String, ids: [String], masks: [UInt8], rowCount: Int, duplicateRows: Int,
    problems: [HemoError], problemCount: Int
  ) {
    self.file = file
    self.ids = ids
    self.masks = masks
    var positions: [String: Int] = [:]
    positions.reserveCapacity(ids.count)
    for (position, id) in ids.enumerated() { positions[id] = position }
    self.positions = positions
    self.rowCount = rowCount
    self.duplicateRows = duplicateRows
    self.problems = problems
    self.problemCount = problemCount
  }

  /// Reads the label CSV; throws when the file cannot be read or holds no complete image.
  public static func load(
    csv url: URL, progress: (DataSourceProgress) -> Void = { _ in }
  ) throws(HemoError) -> RSNAIndex {
    let data = try DataSourceFile.read(url, maxBytes: maxFileBytes)
    return try RSNACSVScanner.scan(data, file: url.path, progress: progress)
  }

  /// Number of images with complete labels.
  public var count: Int { ids.count }

  /// The labels of an image, or nil when the CSV does not label it.
  public func labels(for id: String) -> HemorrhageLabels? {
    positions[id].map { RSNALabelMask.labels(masks[$0]) }
  }

  /// The labels of the image at `position` in `ids`.
  public func labels(at position: Int) -> HemorrhageLabels {
    RSNALabelMask.labels(masks[position])
  }

  /// Positions (in `ids`) of the images matching `rule`, in CSV order.
  public func positions(matching rule: RSNALabelRule) -> [Int] {
    masks.indices.filter { rule.matches(mask: masks[$0]) }
  }

  /// How many images match `rule`.
  public func count(matching rule: RSNALabelRule) -> Int {
    masks.reduce(0) { $0 + (rule.matches(mask: $1) ? 1 : 0) }
  }

  /// Images with no hemorrhage, with any, and with each subtype.
  public var counts: RSNALabelCounts {
    var perSubtype = [Int](repeating: 0, count: HemorrhageSubtype.allCases.count)
    var any = 0
    for mask in masks where mask != 0 {
      any += 1
      for bit in 0..<perSubtype.count where mask & (1 << UInt8(bit)) != 0 { perSubtype[bit] += 1 }
    }
    return RSNALabelCounts(
      images: masks.count, any: any,
      subtypes: Dictionary(
        uniqueKeysWithValues: zip(HemorrhageSubtype.allCases, perSubtype).map { ($0, $1) }))
  }
}

/// How many images an RSNA index holds, in all and per label.
public struct RSNALabelCounts: Sendable, Equatable {
  public let images: Int
  public let any: Int
  public let subtypes: [HemorrhageSubtype: Int]

  public var normal: Int { images - any }
}
