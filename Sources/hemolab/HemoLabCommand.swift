import ArgumentParser

/// The `hemolab` command: the guided lesson by default, and the tools around it.
@main
struct HemoLabCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hemolab",
    abstract: "Learn how a deep learning model is trained, on head CT, in your terminal.",
    discussion: """
      HemoLab walks you through training a small neural network to find intracranial hemorrhage on \
      head CT: how a model learns, the data, five experiments (small data, class imbalance, balanced \
      data, three classes, colour-coded preprocessing) and what generalizes. It runs offline on \
      built-in synthetic head CT, or on your own images.

      Start the guided lesson:   hemolab
      """,
    subcommands: [
      LessonCommand.self,
      RunCommand.self,
      DescentCommand.self,
      PhantomCommand.self,
      ExportCommand.self,
      OpenCommand.self,
      InfoCommand.self,
      TrainCommand.self,
      PredictCommand.self,
      RealismCommand.self,
      BenchCommand.self,
    ],
    defaultSubcommand: LessonCommand.self
  )
}
