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

      Example:  hemolab predict balanced.safetensors ID_000000e27.dcm slice.png
      """
  )

  @Argument(help: "A model saved by `hemolab train`.")
  var model: String

  @Argument(help: "Image files (DICOM, PNG, JPEG).")
  var files: [String]

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one image file") }
  }

  func run() throws {
    let loaded = try Model.load(from: URL(fileURLWithPath: model))
    let preprocessing = try ModelMetadata.preprocessing(loaded.metadata, file: model)
    var failures = 0
    var rows: [[String: String]] = []
    let width = max(12, loaded.classNames.map(\.count).max() ?? 0)
    for file in files {
      do {
        let pixels = try ClassFolderSource.decode(URL(fileURLWithPath: file))
        let probabilities = loaded.predict(preprocessing.input(pixels), count: 1)[0]
        let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
        if json {
          var row = ["file": file, "predicted": loaded.classNames[best]]
          for (name, p) in zip(loaded.classNames, probabilities) {
            row[name] = String(format: "%.4f", p)
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
