import ArgumentParser
import Foundation
import HemoCore
import HemoLesson
import HemoTrain

/// `hemolab predict … --saliency DIR`: one overlay PNG per image (the windowed image, and beside
/// it the saliency heatmap with the blood outline when a mask file sits next to the image).
struct PredictSaliency {
  let folder: URL
  let method: SaliencyMethod
  let className: String?
  let seed: UInt64
  let explainer: SaliencyExplainer

  init(
    folder: String, method: String, className: String?, seed: UInt64, model: Model
  ) throws {
    self.folder = URL(fileURLWithPath: folder, isDirectory: true)
    guard let chosen = Self.methods[method.lowercased()] else {
      throw ValidationError(
        "unknown --method '\(method)': use \(Self.methods.keys.sorted().joined(separator: ", "))")
    }
    if let className, !model.classNames.contains(className) {
      throw ValidationError(
        "the model has no class '\(className)': its classes are "
          + model.classNames.joined(separator: ", "))
    }
    self.method = chosen
    self.className = className
    self.seed = seed
    explainer = try SaliencyExplainer(model: model)
    try FileManager.default.createDirectory(at: self.folder, withIntermediateDirectories: true)
  }

  static let methods: [String: SaliencyMethod] = [
    "gradcam": .gradCAM, "hirescam": .hiResCAM, "gradient": .gradientTimesInput,
    "smoothgrad": .smoothGrad,
  ]

  /// The blood mask saved next to `file` as `NAME-mask.png` (any non-black pixel is blood), if
  /// there is one (`hemolab phantom --masks` writes them).
  static func mask(besides file: String) throws -> PixelMask? {
    let url = URL(fileURLWithPath: file)
    let name = url.deletingPathExtension().lastPathComponent + "-mask.png"
    let maskURL = url.deletingLastPathComponent().appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: maskURL.path) else { return nil }
    guard case .picture(let picture) = try ClassFolderSource.decode(maskURL) else { return nil }
    return PixelMask(
      width: picture.width, height: picture.height,
      bits: (0..<(picture.width * picture.height)).map { picture.pixels[$0 * 3] > 127 })
  }

  /// Writes the overlay of `file`; returns the PNG's path and the map's peak share on the mask.
  func write(
    file: String, pixels: SamplePixels, input: [Float], preprocessing: Preprocessing
  ) throws -> String {
    let target = className.flatMap { explainer.model.classNames.firstIndex(of: $0) }
    let map = explainer.map(input, method: method, classIndex: target, seed: seed)
    let display = preprocessing.display(pixels)
    let mask = try Self.mask(besides: file)
    if let mask, mask.width != display.width || mask.height != display.height {
      throw HemoError(
        file: file,
        "its mask is \(mask.width)×\(mask.height), the image \(display.width)×\(display.height)")
    }
    let sheet = SaliencyOverlay.sheet(display, map: map, mask: mask)
    let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    let out = folder.appendingPathComponent("\(stem)-saliency.png")
    try ImageCodec.encodePNG(sheet).write(to: out)
    var note =
      "  saliency (\(method.title), \(explainer.model.classNames[map.classIndex])): \(out.path)"
    if let mask {
      let small = mask.covering(width: map.width, height: map.height)
      let peak = map.peak
      let hit = small.dilated(by: SaliencyAnalysis.dilationPixels)[peak.x, peak.y]
      note += hit ? " — peak on the blood" : " — peak off the blood"
    }
    return note
  }
}
