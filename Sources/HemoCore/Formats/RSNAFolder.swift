import Foundation

/// An RSNA ICH training folder: the label CSV (`stage_2_train.csv` or `stage_1_train.csv`) and
/// the `ID_*.dcm` slices (beside it, or in `stage_2_train/`, `stage_2_train_images/`, …).
/// Experiments pick their images from the labels with a seed, then decode only those files.
public struct RSNAFolder: Sendable {
  /// The folder the user named.
  public let root: URL
  public let csv: URL
  /// Where the `ID_*.dcm` files are.
  public let imageFolder: URL
  public let index: RSNAIndex

  /// Label file names recognised, in order of preference.
  public static let csvNames = ["stage_2_train.csv", "stage_1_train.csv"]
  /// Image subfolder names recognised (else the DICOMs are beside the CSV).
  public static let imageFolderNames = [
    "stage_2_train", "stage_2_train_images", "stage_1_train", "stage_1_train_images",
  ]
  /// Unreadable files tolerated per class beyond its requested count before giving up.
  public static let failureAllowance = 200

  public init(root: URL, csv: URL, imageFolder: URL, index: RSNAIndex) {
    self.root = root
    self.csv = csv
    self.imageFolder = imageFolder
    self.index = index
  }

  /// The CSV and image folder inside `root`, if it is laid out like the RSNA dataset.
  public static func locate(_ root: URL) -> (csv: URL, images: URL)? {
    let manager = FileManager.default
    guard
      let csv = csvNames.map({ root.appendingPathComponent($0) }).first(where: {
        manager.fileExists(atPath: $0.path)
      })
    else { return nil }
    for name in imageFolderNames {
      let folder = root.appendingPathComponent(name, isDirectory: true)
      var isDirectory: ObjCBool = false
      if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
        return (csv, folder)
      }
    }
    return (csv, root)
  }

  /// Opens an RSNA folder: finds the CSV and reads all labels (no DICOM is touched).
  public static func open(
    _ root: URL, progress: (DataSourceProgress) -> Void = { _ in }
  ) throws(HemoError) -> RSNAFolder {
    guard let (csv, images) = locate(root) else {
      throw HemoError(
        file: root.path, "no stage_2_train.csv or stage_1_train.csv here",
        advice: "an RSNA folder holds the label CSV and the ID_*.dcm files")
    }
    let index = try RSNAIndex.load(csv: csv, progress: progress)
    return RSNAFolder(root: root, csv: csv, imageFolder: images, index: index)
  }

  /// The DICOM file of an image ID.
  public func imageURL(for id: String) -> URL {
    imageFolder.appendingPathComponent("\(id).dcm")
  }

  /// Picks each class's images from the labels with `seed`, then decodes only the chosen files.
  /// An unreadable or missing file is reported and replaced by the next image of the same class
  /// in the seeded order; a class short of images is reported. An image goes to one class at most
  /// (the first whose rule it matches, in request order). Same seed and same readable files give
  /// the same samples.
  public func sample(
    _ requests: [RSNAClassRequest], seed: UInt64,
    progress: (DataSourceProgress) -> Void = { _ in },
    decode: (URL) throws(HemoError) -> HUImage = DataSourceDICOM.decodeHU
  ) -> DataSourceResult {
    var samples: [Sample] = []
    var problems: [HemoError] = []
    var taken = Set<Int>()
    let total = requests.reduce(0) { $0 + max(0, $1.count) }
    var done = 0
    progress(DataSourceProgress(stage: "decoding images", done: 0, total: total))
    for (label, request) in requests.enumerated() {
      var candidates = index.positions(matching: request.rule).filter { !taken.contains($0) }
      let wanted = max(0, request.count)
      if candidates.count < wanted {
        problems.append(
          HemoError(
            file: csv.path,
            "class \(request.name): \(wanted) images wanted, only \(candidates.count) labelled "
              + "\(request.rule)"))
      }
      var rng = SeededRNG(seed: seed, stream: UInt64(label))
      var got = 0
      var failures = 0
      var next = 0
      while got < wanted && next < candidates.count {
        // One Fisher–Yates step: only as much shuffling as images are drawn.
        let swapWith = rng.integer(in: next..<candidates.count)
        candidates.swapAt(next, swapWith)
        let position = candidates[next]
        next += 1
        let url = imageURL(for: index.ids[position])
        do throws(HemoError) {
          let image = try decode(url)
          samples.append(
            Sample(
              pixels: .hounsfield(image), label: label, source: url.path,
              hemorrhage: index.labels(at: position)))
          taken.insert(position)
          got += 1
          done += 1
          progress(DataSourceProgress(stage: "decoding images", done: done, total: total))
        } catch {
          failures += 1
          if failures <= 20 {
            problems.append(error)
          }
          if failures > Self.failureAllowance + wanted {
            break
          }
        }
      }
      if failures > 20 {
        problems.append(
          HemoError(
            file: imageFolder.path,
            "class \(request.name): \(failures) unreadable files in all (first 20 listed)"))
      }
      if got < wanted && candidates.count >= wanted {
        problems.append(
          HemoError(
            file: imageFolder.path,
            "class \(request.name): only \(got) of \(wanted) images could be read"))
      }
    }
    return DataSourceResult(
      samples: SampleSet(classNames: requests.map(\.name), samples: samples), problems: problems)
  }
}
