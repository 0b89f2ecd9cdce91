import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Images sorted into one folder per class: `DIR/<Class>/*.{dcm,png,jpg,jpeg}`. PNG and JPEG
/// become picture samples (colour kept); DICOM becomes Hounsfield samples.
public enum ClassFolderSource {
  /// File extensions read (case-insensitive).
  public static let imageExtensions: Set<String> = ["dcm", "png", "jpg", "jpeg"]
  /// Largest PNG/JPEG file read.
  public static let maxImageBytes = 64 << 20

  /// Lists the classes and their image files without decoding anything. Throws when there is no
  /// class folder with at least one image.
  public static func scan(_ root: URL) throws(HemoError) -> ClassFolderListing {
    let manager = FileManager.default
    let names: [String]
    do {
      names = try manager.contentsOfDirectory(atPath: root.path)
    } catch {
      var isDirectory: ObjCBool = false
      if manager.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        throw HemoError(file: root.path, "is a file, not a folder")
      }
      throw HemoError(file: root.path, "cannot list this folder (\(error.localizedDescription))")
    }
    var classNames: [String] = []
    var files: [[URL]] = []
    var problems: [HemoError] = []
    var ignored = 0
    var looseImages = 0
    for name in names.sorted(by: sortOrder) where !name.hasPrefix(".") {
      let folder = root.appendingPathComponent(name, isDirectory: true)
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        ignored += 1
        if imageExtensions.contains(folder.pathExtension.lowercased()) { looseImages += 1 }
        continue
      }
      guard let entries = try? manager.contentsOfDirectory(atPath: folder.path) else {
        problems.append(HemoError(file: folder.path, "class folder cannot be listed (permission?)"))
        continue
      }
      var images: [URL] = []
      for entry in entries.sorted(by: sortOrder) where !entry.hasPrefix(".") {
        let file = folder.appendingPathComponent(entry)
        guard imageExtensions.contains(file.pathExtension.lowercased()) else {
          ignored += 1
          continue
        }
        do throws(HemoError) {
          _ = try DataSourceFile.checkedSize(file)
          guard access(file.path, R_OK) == 0 else {
            throw HemoError(file: file.path, "cannot be read (permission denied)")
          }
          images.append(file)
        } catch {
          problems.append(error)
        }
      }
      if images.isEmpty {
        problems.append(
          HemoError(file: folder.path, "class folder has no readable images, left out"))
        continue
      }
      classNames.append(name)
      files.append(images)
    }
    guard !classNames.isEmpty else {
      let loose =
        looseImages > 0
        ? "\(looseImages) images lie directly in this folder, outside any class folder; " : ""
      throw HemoError(
        file: root.path, "no class folders with images found",
        advice: loose
          + "put images in one subfolder per class (DIR/Normal/*.png, DIR/Bleed/*.png), "
          + "or add stage_2_train.csv for the RSNA layout")
    }
    return ClassFolderListing(
      root: root, classNames: classNames, files: files, ignoredFiles: ignored, problems: problems)
  }

  /// Decodes the listed images (at most `perClass` per class, chosen with `seed`; all when nil).
  /// Unreadable files are reported and skipped (and replaced when sampling); classes left
  /// without images are dropped and reported.
  public static func load(
    _ listing: ClassFolderListing, perClass: Int? = nil, seed: UInt64 = 0,
    progress: (DataSourceProgress) -> Void = { _ in },
    decodeDICOM: (URL) throws(HemoError) -> HUImage = DataSourceDICOM.decodeHU
  ) -> DataSourceResult {
    var problems = listing.problems
    var classNames: [String] = []
    var samples: [Sample] = []
    let total = listing.files.reduce(0) { $0 + min($1.count, perClass ?? Int.max) }
    var done = 0
    progress(DataSourceProgress(stage: "decoding images", done: 0, total: total))
    for (classIndex, name) in listing.classNames.enumerated() {
      var files = listing.files[classIndex]
      let wanted = min(files.count, max(0, perClass ?? files.count))
      var rng = SeededRNG(seed: seed, stream: UInt64(classIndex))
      let label = classNames.count
      var got = 0
      var next = 0
      while got < wanted && next < files.count {
        if perClass != nil { files.swapAt(next, rng.integer(in: next..<files.count)) }
        let file = files[next]
        next += 1
        do throws(HemoError) {
          let pixels = try decode(file, decodeDICOM: decodeDICOM)
          samples.append(Sample(pixels: pixels, label: label, source: file.path))
          got += 1
          done += 1
          progress(DataSourceProgress(stage: "decoding images", done: done, total: total))
        } catch {
          problems.append(error)
        }
      }
      if got == 0 {
        problems.append(
          HemoError(
            file: listing.root.appendingPathComponent(name).path,
            "no image could be read; class left out"))
        continue
      }
      classNames.append(name)
    }
    return DataSourceResult(
      samples: SampleSet(classNames: classNames, samples: samples), problems: problems)
  }

  /// Decodes one image file by its extension.
  public static func decode(
    _ file: URL, decodeDICOM: (URL) throws(HemoError) -> HUImage = DataSourceDICOM.decodeHU
  ) throws(HemoError) -> SamplePixels {
    if file.pathExtension.lowercased() == "dcm" {
      return .hounsfield(try decodeDICOM(file))
    }
    let data = try DataSourceFile.read(file, maxBytes: maxImageBytes)
    // DICOM files do not always end in .dcm: recognise them by their bytes too.
    if DICOMReader.looksLikeDICOM(data) { return .hounsfield(try decodeDICOM(file)) }
    return .picture(try ImageCodec.decodePicture(data, file: file.path).rgb)
  }

  private static func sortOrder(_ a: String, _ b: String) -> Bool {
    a.localizedStandardCompare(b) == .orderedAscending
  }
}
