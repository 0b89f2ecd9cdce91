import Foundation
import ZIPFoundation

extension TeachableMachineProject {
  /// The side of the square JPEG samples Teachable Machine stores.
  public static let sampleSide = 224
  /// JPEG quality of written samples (a browser canvas's default, 0.92).
  public static let jpegQuality = 92

  /// Saves samples as a .tm project that Teachable Machine can open: one 224×224 RGB JPEG per
  /// sample, named `<Class>-!-<index>.jpg` (index per class, from 0), then `manifest.json`.
  /// `render` turns each sample into the picture to store (resized to 224×224 if needed).
  /// The file is written to a temporary name and moved into place, so a failed save leaves
  /// nothing half-written; an existing file is replaced only when `overwrite` is true.
  public static func write(
    _ samples: SampleSet, to url: URL, settings: TeachableMachineSettings,
    overwrite: Bool = false, render: (Sample) -> RGBImage = defaultRender
  ) throws(HemoError) {
    let path = url.path
    if !overwrite, FileManager.default.fileExists(atPath: path) {
      throw HemoError(
        file: path, "already exists", advice: "choose another name, or ask to overwrite it")
    }
    for name in samples.classNames {
      guard !name.isEmpty, !name.contains("/"), !name.contains("\\"),
        !name.unicodeScalars.contains(where: { $0.value < 0x20 })
      else {
        throw HemoError(file: path, "class name \"\(name)\" cannot be used in a .tm file name")
      }
    }
    let entries = try entries(samples, settings: settings, file: path, render: render)
    try DataSourceAtomicWrite.write(to: url, overwrite: overwrite) { temporary throws(HemoError) in
      try writeZip(
        entries, archive: { try Archive(url: temporary, accessMode: .create) }, file: path)
    }
  }

  /// The stored picture of a sample: the picture itself, or a CT slice in the brain window.
  public static func defaultRender(_ sample: Sample) -> RGBImage {
    switch sample.pixels {
    case .picture(let image): image
    case .hounsfield(let image):
      RGBImage(width: image.width, height: image.height, grey: Window.brain.grey(image))
    }
  }

  typealias ZipEntry = (name: String, data: Data, compress: Bool)

  /// The JPEG samples and the manifest, named and in Teachable Machine's order.
  static func entries(
    _ set: SampleSet, settings: TeachableMachineSettings, file: String,
    render: (Sample) -> RGBImage
  ) throws(HemoError) -> [ZipEntry] {
    var entries: [ZipEntry] = []
    var nextIndex = [Int](repeating: 0, count: set.classNames.count)
    for label in set.classNames.indices {
      for sample in set.samples where sample.label == label {
        let picture = resizedToSample(render(sample))
        let jpeg: Data
        do throws(HemoError) {
          jpeg = try ImageCodec.encodeJPEG(picture, quality: jpegQuality)
        } catch {
          throw HemoError(file: file, "\(sample.source): \(error.problem)")
        }
        entries.append(("\(set.classNames[label])\(separator)\(nextIndex[label]).jpg", jpeg, false))
        nextIndex[label] += 1
      }
    }
    entries.append(("manifest.json", TeachableMachineManifest.encode(settings), false))
    return entries
  }

  /// A zip of the given entries in memory, in order (stored, or deflated when `compress`).
  static func zipData(_ entries: [ZipEntry], file: String) throws(HemoError) -> Data {
    let archive = try writeZip(entries, archive: { try Archive(accessMode: .create) }, file: file)
    guard let data = archive.data else {
      throw HemoError(file: file, "the zip could not be assembled")
    }
    return data
  }

  @discardableResult
  private static func writeZip(
    _ entries: [ZipEntry], archive makeArchive: () throws -> Archive, file: String
  ) throws(HemoError) -> Archive {
    do {
      let archive = try makeArchive()
      for entry in entries {
        let data = entry.data
        try archive.addEntry(
          with: entry.name, type: .file, uncompressedSize: Int64(data.count),
          compressionMethod: entry.compress ? .deflate : .none
        ) { position, size in
          data.subdata(in: Int(position)..<(Int(position) + size))
        }
      }
      return archive
    } catch {
      throw HemoError(file: file, "could not build the zip (\(error))")
    }
  }

  /// The picture scaled to 224×224 by area averaging (unchanged when already that size).
  static func resizedToSample(_ image: RGBImage) -> RGBImage {
    let side = sampleSide
    if image.width == side && image.height == side { return image }
    let values = Resample.area(
      image.pixels.map(Float.init), width: image.width, height: image.height, channels: 3,
      to: side, side)
    return RGBImage(
      width: side, height: side,
      pixels: values.map { UInt8(max(0, min(255, $0.rounded()))) })
  }
}
