import ArgumentParser

/// `hemolab lesson`: the guided lesson in the terminal (the default command).
struct LessonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "Open the guided lesson in the terminal (the default).",
    discussion: "Example:  hemolab lesson"
  )

  func run() throws {
    print("The guided terminal lesson is not built yet. Available commands: hemolab --help")
  }
}
