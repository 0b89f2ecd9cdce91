import ArgumentParser
import Foundation
import HemoCore
import HemoLesson
import HemoTUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `hemolab descent`: walk an optimizer down a 2-D loss surface and print the path.
struct DescentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "descent",
    abstract: "Show how gradient descent walks down a loss landscape, step by step.",
    discussion: """
      Training a model means nudging its weights downhill on a "loss" landscape. Here there are \
      only two weights (x and y), so every step can be printed: the step number, the two weights \
      and the loss. Where the walk ends depends on the learning rate (the step size), the \
      starting weights and the order in which the data arrive; --seed stands for the last two, \
      exactly like the seed shown in every HemoLab experiment.

      Surfaces:   bowl (one minimum), valley (narrow and tilted), basins (a shallow trap and a \
      deeper minimum past a saddle)
      Optimizers: gd (plain gradient descent), momentum, rmsprop, adam

      The last line says whether the walk converged, is still moving, or diverged (the learning \
      rate was too large and the weights flew off).

      With --play the same settings open the interactive playground full screen instead: the \
      ball rolls step by step over a coloured map, with the loss curve beside it; + and - \
      change the learning rate, s gives a new start, n adds noise, 1-4 pick an optimizer, a \
      shows all four, Space runs or pauses, q quits.

      Examples:
        hemolab descent --play
        hemolab descent --play --surface basins --lr 0.05
        hemolab descent --optimizer adam --lr 0.1 --surface valley --seed 3
        hemolab descent --surface basins --optimizer gd --lr 0.05
        hemolab descent --surface basins --optimizer momentum --lr 0.05 --map
        hemolab descent --surface bowl --lr 1.5 --steps 20    (diverges)
        hemolab descent --surface bowl --start=-2,1.5 --noise --seed 7 --json
      """
  )

  @Option(help: "The landscape: bowl, valley or basins.")
  var surface = "bowl"

  @Option(help: "The optimizer: gd, momentum, rmsprop or adam.")
  var optimizer = "gd"

  @Option(
    name: [.customLong("lr"), .customLong("learning-rate")], help: "The learning rate (step size).")
  var learningRate = 0.1

  @Option(help: "How many steps to take (at most \(DescentSetup.maximumSteps)).")
  var steps = 50

  @Option(
    help: """
      Seed for the random start and the data order. Without it (and without --start) the \
      surface's default start is used.
      """)
  var seed: UInt64?

  @Flag(help: "Add mini-batch noise: each step sees the data in a different (seeded) order.")
  var noise = false

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Start at these weights instead, e.g. --start=-2.5,0.5", valueName: "x,y"))
  var start: String?

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  @Flag(help: "Also draw the path on a text contour map (· path, ● end, × lowest point).")
  var map = false

  @Flag(help: "Open the interactive playground in the terminal (q quits).")
  var play = false

  @Option(
    name: [.customLong("colours"), .customLong("colors")],
    help: "With --play: use at most this many colours: 0, 8 or 256.")
  var colours: Int?

  func validate() throws {
    if let colours, ColourDepth(rawValue: colours) == nil {
      throw ValidationError("--colours must be 0, 8 or 256.")
    }
  }

  func run() throws {
    if play { return try runPlayground() }
    // A HemoError propagates: ArgumentParser prints "Error: <problem (advice)>" and exits 1.
    let setup = try makeSetup()
    let run = DescentRun(setup, steps: steps)
    print(json ? try DescentReport.json(run) : DescentReport.table(run), terminator: "")
    if map && !json {
      let grid = PlaygroundMap.cells(
        surface: setup.surface, trails: [(setup.optimizer, run.path)], columns: 60, rows: 20,
        colour: false)
      for line in PlaygroundMap.text(grid) { print("|" + line + "|") }
    }
  }

  /// The playground with these settings (learning rate snapped to the playground's ladder).
  private func runPlayground() throws {
    let setup = try makeSetup()
    guard start == nil else {
      throw HemoError(
        "--start is not used by the playground", advice: "press s there for a new random start")
    }
    guard Terminal.isInteractive else {
      let message =
        "the playground needs an interactive terminal; without --play the path is "
        + "printed as a table\n"
      _ = message.withCString { write(2, $0, strlen($0)) }
      throw ExitCode(2)
    }
    let state = PlaygroundState(
      surface: setup.surface, selection: .one(setup.optimizer),
      learningRate: setup.learningRate, seed: setup.seed, seededStart: seed != nil,
      noise: setup.noise)
    let status = PlaygroundApp.run(state, depth: colours.flatMap(ColourDepth.init(rawValue:)))
    if status != 0 { throw ExitCode(status) }
  }

  private func makeSetup() throws -> DescentSetup {
    guard let kind = LossSurface.Kind(rawValue: surface.lowercased()) else {
      let names = LossSurface.Kind.allCases.map(\.rawValue).joined(separator: ", ")
      throw HemoError("unknown surface \"\(surface)\"", advice: "choose one of \(names)")
    }
    guard let optimizerKind = OptimizerKind(name: optimizer) else {
      let names = OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")
      throw HemoError("unknown optimizer \"\(optimizer)\"", advice: "choose one of \(names)")
    }
    guard (0...DescentSetup.maximumSteps).contains(steps) else {
      throw HemoError(
        "\(steps) steps is out of range",
        advice: "give 0 to \(DescentSetup.maximumSteps)")
    }
    let setup = DescentSetup(
      surface: LossSurface(kind), optimizer: optimizerKind, learningRate: learningRate,
      start: try start.map(Self.parsePoint), randomStart: seed != nil, seed: seed ?? 1,
      noise: noise)
    try setup.validate()
    return setup
  }

  private static func parsePoint(_ text: String) throws -> Point2 {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2,
      let x = Double(parts[0].trimmingCharacters(in: .whitespaces)),
      let y = Double(parts[1].trimmingCharacters(in: .whitespaces))
    else {
      throw HemoError(
        "start \"\(text)\" is not two numbers", advice: "write it as x,y, e.g. -2.5,0.5")
    }
    return Point2(x, y)
  }
}
