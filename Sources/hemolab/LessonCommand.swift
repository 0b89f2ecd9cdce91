import ArgumentParser
import Foundation
import HemoLesson
import HemoTUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `hemolab lesson`: the guided lesson in the terminal (the default command).
struct LessonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "Open the guided lesson in the terminal (the default).",
    discussion: """
      Needs an interactive terminal of at least 80×24. Colours follow the terminal; NO_COLOR=1 \
      turns them off.

      Examples:
        hemolab lesson
        hemolab lesson --colours 8
      """
  )

  @Option(
    name: [.customLong("colours"), .customLong("colors")],
    help: "Use at most this many colours: 0, 8 or 256 (default: what the terminal supports).")
  var colours: Int?

  @Option(
    help: "Images: auto (ask the terminal), kitty, sixel, iterm (real pixels) or symbols.")
  var graphics: String = "auto"

  func validate() throws {
    if let colours, ColourDepth(rawValue: colours) == nil {
      throw ValidationError("--colours must be 0, 8 or 256.")
    }
    if graphics.lowercased() != "auto"
      && (GraphicsMode(name: graphics) == nil || graphics.lowercased() == "blocks")
    {
      throw ValidationError("--graphics must be auto, kitty, sixel, iterm or symbols.")
    }
  }

  func run() throws {
    guard Terminal.isInteractive else {
      let message =
        "HemoLab's lesson needs an interactive terminal; for headless runs use `hemolab run`\n"
      _ = message.withCString { write(2, $0, strlen($0)) }
      throw ExitCode(2)
    }
    let controller: LessonController
    do {
      controller = try LessonController.builtIn()
    } catch {
      let message = "hemolab: \(error)\n"
      _ = message.withCString { write(2, $0, strlen($0)) }
      throw ExitCode(1)
    }
    let pixels = PixelImages.detect(
      forced: GraphicsMode(name: graphics), environment: ProcessInfo.processInfo.environment)
    let status = LessonApp.run(
      depth: colours.flatMap(ColourDepth.init(rawValue:)), pixels: pixels,
      controller: controller)
    if status != 0 { throw ExitCode(status) }
  }
}
