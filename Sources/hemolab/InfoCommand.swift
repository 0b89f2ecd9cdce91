import ArgumentParser
import Foundation
import HemoCore

/// `hemolab info FILE`: what HemoLab reads in an image file.
struct InfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info",
    abstract: "Describe an image file: DICOM header, size and Hounsfield unit statistics.",
    discussion: """
      Works on every image HemoLab reads: uncompressed DICOM slices, PNG and JPEG. For DICOM it \
      shows the encoding (transfer syntax), size, bits, rescale slope and intercept, the window \
      stored in the file, pixel spacing, and the minimum, maximum, mean and SD of the Hounsfield \
      units (HU) HemoLab decodes.

      --dump-hu writes those HU values as raw little-endian float32, row by row, so they can be \
      compared with another DICOM reader (for example numpy.fromfile(path, "<f4")).

      Examples:
        hemolab info ID_000000e27.dcm
        hemolab info ID_000000e27.dcm --json
        hemolab info ID_000000e27.dcm --dump-hu slice.f32
      """
  )

  @Argument(help: "The image file: DICOM, PNG or JPEG.")
  var file: String

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Option(
    name: .customLong("dump-hu"),
    help: ArgumentHelp(
      "Write the HU values as raw little-endian float32 (row-major) to this file.",
      valueName: "out"))
  var dumpHU: String?

  @Flag(help: "Let --dump-hu replace an existing file.")
  var force = false

  func run() throws {
    do {
      let (report, image) = try DICOMInfoReport.describe(URL(fileURLWithPath: file))
      if let dumpHU {
        guard let image else {
          throw HemoError(file: file, "a \(report.format) picture has no HU values to dump")
        }
        try DICOMInfoReport.dumpHU(image, to: URL(fileURLWithPath: dumpHU), overwrite: force)
      }
      print(json ? report.json : report.text)
    } catch let error as HemoError {
      FileHandle.standardError.write(Data("hemolab: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }
}
