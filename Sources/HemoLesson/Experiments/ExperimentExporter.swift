import Foundation
import HemoCore

/// Writes an experiment's images as class folders (`OUT/<Class>/<n>.png`), so they can be loaded
/// into Teachable Machine or any other tool.
public enum ExperimentExporter {
  /// The file formats `hemolab export` writes.
  public enum Format: String, Sendable, CaseIterable {
    case png, jpeg, dicom

    var fileExtension: String {
      switch self {
      case .png: "png"
      case .jpeg: "jpg"
      case .dicom: "dcm"
      }
    }
  }

  /// Side of the exported pictures: Teachable Machine's input size.
  public static let pictureSize = 224

  /// Checks that `folder` may be written: it must be absent or empty, unless `force`.
  public static func prepare(folder: URL, force: Bool) throws(HemoError) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw HemoError(
          file: folder.path, "exists and is not a folder", advice: "choose another --out")
      }
      let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
      if !contents.isEmpty && !force {
        throw HemoError(
          file: folder.path, "is not empty",
          advice:
            "choose an empty folder, or add --force to write into it (files of the same name are replaced)"
        )
      }
    }
    do {
      try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw HemoError(file: folder.path, "cannot create the folder")
    }
  }

  /// Writes every image of `data` into `folder`; returns the number of files written.
  /// `writeDICOM` writes one HU slice as a DICOM file (the DICOM writer lives with the formats).
  public static func export(
    _ data: ExperimentData, to folder: URL, format: Format,
    writeDICOM: (HUImage, URL, _ index: Int) throws -> Void = { _, url, _ in
      throw HemoError(file: url.path, "DICOM export is not available")
    },
    progress: (Double) -> Void = { _ in }
  ) throws(HemoError) -> Int {
    var written = 0
    var classFolders: [URL] = []
    for name in data.classNames {
      let classFolder = folder.appendingPathComponent(safeName(name), isDirectory: true)
      do {
        try FileManager.default.createDirectory(at: classFolder, withIntermediateDirectories: true)
      } catch {
        throw HemoError(file: classFolder.path, "cannot create the folder")
      }
      classFolders.append(classFolder)
    }
    var perClass = [Int](repeating: 0, count: data.classNames.count)
    for index in data.origins.indices {
      let sample = data.sample(index)
      let number = perClass[sample.label]
      perClass[sample.label] += 1
      let url = classFolders[sample.label].appendingPathComponent(
        String(format: "%04d.%@", number, format.fileExtension))
      do {
        switch format {
        case .png, .jpeg:
          let picture = data.preprocessing.display(sample.pixels).resized(
            width: pictureSize, height: pictureSize)
          let encoded =
            format == .png
            ? try ImageCodec.encodePNG(picture) : try ImageCodec.encodeJPEG(picture, quality: 95)
          try encoded.write(to: url, options: .atomic)
        case .dicom:
          guard case .hounsfield(let slice) = sample.pixels else {
            throw HemoError(
              file: url.path, "only CT slices in Hounsfield units can be written as DICOM")
          }
          try writeDICOM(slice, url, index)
        }
      } catch let error as HemoError {
        throw error
      } catch {
        throw HemoError(file: url.path, "cannot write the file (\(error.localizedDescription))")
      }
      written += 1
      progress(Double(written) / Double(data.origins.count))
    }
    return written
  }

  /// A class name made safe as a folder name.
  static func safeName(_ name: String) -> String {
    let cleaned = name.map {
      $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == " " ? $0 : "_"
    }
    let text = String(cleaned).trimmingCharacters(in: .whitespaces)
    return text.isEmpty || text.hasPrefix(".") ? "class" : text
  }
}
