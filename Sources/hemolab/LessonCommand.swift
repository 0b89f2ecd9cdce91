import ArgumentParser
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

  func validate() throws {
    if let colours, ColourDepth(rawValue: colours) == nil {
      throw ValidationError("--colours must be 0, 8 or 256.")
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
    let status = LessonApp.run(
      depth: colours.flatMap(ColourDepth.init(rawValue:)), controller: controller)
    if status != 0 { throw ExitCode(status) }
  }
}
