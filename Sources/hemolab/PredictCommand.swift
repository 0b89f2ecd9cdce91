import ArgumentParser
import Foundation
import HemoCore
import HemoLesson
import HemoTrain

/// `hemolab predict`: a saved model's class probabilities for image files.
struct PredictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "predict",
    abstract: "Show a trained model's class probabilities for images.",
    discussion: """
      Prepares each image as the model was trained (window, colour-coding, size) and prints the \
      probability of every class. Reads DICOM (CT in Hounsfield units), PNG and JPEG.

      With --saliency DIR, also writes DIR/NAME-saliency.png for each image: the image and, beside \
      it, where the model looked (HiResCAM by default), with the blood outlined in cyan when a \
      mask NAME-mask.png lies next to the image (`hemolab phantom --masks` writes them).

      Examples:
        hemolab predict balanced.safetensors ID_000000e27.dcm slice.png
        hemolab predict balanced.safetensors /tmp/phantom/slice-000*.png --saliency /tmp/maps
      """
  )

  @Argument(help: "A model saved by `hemolab train`.")
  var model: String

  @Argument(help: "Image files (DICOM, PNG, JPEG).")
  var files: [String]

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Option(help: "Write a saliency overlay PNG per image into this folder.")
  var saliency: String?

  @Option(help: "Saliency method: hirescam, gradcam, gradient (gradient × input) or smoothgrad.")
  var method = "hirescam"

  @Option(name: .customLong("class"), help: "Explain this class (default: the predicted one).")
  var className: String?

  @Option(help: "Seed of SmoothGrad's noise.")
  var seed: UInt64 = 1

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one image file") }
  }

  func run() throws {
    let loaded = try Model.load(from: URL(fileURLWithPath: model))
    let preprocessing = try ModelMetadata.preprocessing(loaded.metadata, file: model)
    let overlays = try saliency.map {
      try PredictSaliency(
        folder: $0, method: method, className: className, seed: seed, model: loaded)
    }
    var failures = 0
    var rows: [[String: String]] = []
    let width = max(12, loaded.classNames.map(\.count).max() ?? 0)
    for file in files {
      do {
        let pixels = try ClassFolderSource.decode(URL(fileURLWithPath: file))
        let input = preprocessing.input(pixels)
        let probabilities = loaded.predict(input, count: 1)[0]
        let note = try overlays?.write(
          file: file, pixels: pixels, input: input, preprocessing: preprocessing)
        let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
        if json {
          var row = ["file": file, "predicted": loaded.classNames[best]]
          for (name, p) in zip(loaded.classNames, probabilities) {
            row[name] = String(format: "%.4f", p)
          }
          if let overlays, note != nil {
            row["saliency"] =
              overlays.folder.appendingPathComponent(
                URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                  + "-saliency.png"
              ).path
          }
          rows.append(row)
        } else {
          print("\(file): \(loaded.classNames[best])")
          for (name, p) in zip(loaded.classNames, probabilities) {
            let bar = String(repeating: "█", count: Int((p * 30).rounded()))
            print(
              "  " + name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %5.1f %% ", p * 100) + bar)
          }
          if let note { print(note) }
        }
      } catch {
        failures += 1
        FileHandle.standardError.write(Data("hemolab: \(error)\n".utf8))
      }
    }
    if json { print(ExperimentReport.json(rows)) }
    if failures > 0 { throw ExitCode(1) }
  }
}
