import Foundation

/// The headless view of a `DescentRun`: an aligned text table or JSON, for slides and tests.
public enum DescentReport {
  /// One line: surface, optimizer, learning rate, start and where it came from, noise.
  public static func header(_ run: DescentRun) -> String {
    let setup = run.setup
    let origin: String
    switch setup.startOrigin {
    case .surfaceDefault: origin = "the surface's default start"
    case .seed: origin = "drawn from seed \(setup.seed)"
    case .given: origin = "given"
    }
    let noise = setup.noise ? "noise on (data order seed \(setup.seed))" : "noise off"
    return "surface \(setup.surface.name), optimizer \(setup.optimizer.rawValue), "
      + "learning rate \(setup.learningRate), start \(point(setup.start)) \(origin), \(noise)"
  }

  /// The closing verdict: converged / still moving / diverged, with the reason in plain words.
  public static func verdict(_ run: DescentRun) -> String {
    let last = run.final
    switch run.outcome {
    case .converged(let step):
      let place = run.nearestLandmark.map { "the \($0.kind.rawValue) " } ?? ""
      return "converged by step \(step): settled at \(place)\(point(last.position)), "
        + "loss \(number(last.loss))"
    case .stillMoving:
      var line = "still moving after \(run.requestedSteps) steps: loss \(number(last.loss))"
      if run.path.count >= 2 {
        let moved = (last.position - run.path[run.path.count - 2].position).length
        line += ", last step \(length(moved)) long"
      }
      if let landmark = run.nearestLandmark {
        line += ", near the \(landmark.kind.rawValue) \(point(landmark.point))"
      } else {
        line += ", not near a minimum yet"
      }
      return line
    case .diverged(let step):
      let limit = Int(DescentWalker.coordinateLimit)
      return "diverged at step \(step): the weights flew off (beyond ±\(limit)); "
        + "the learning rate \(run.setup.learningRate) is too large here, try a smaller one"
    }
  }

  /// Header, the aligned table (step, x, y, loss) and the verdict, each line ending in "\n".
  public static func table(_ run: DescentRun) -> String {
    let titles = ["step", "x", "y", "loss"]
    let rows = run.path.map { [String($0.step), number($0.x), number($0.y), number($0.loss)] }
    var widths = titles.map(\.count)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { column, cell in
        String(repeating: " ", count: widths[column] - cell.count) + cell
      }.joined(separator: "  ")
    }
    var text = header(run) + "\n" + line(titles) + "\n"
    for row in rows { text += line(row) + "\n" }
    return text + verdict(run) + "\n"
  }

  /// The run as pretty-printed JSON with sorted keys.
  public static func json(_ run: DescentRun) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(DescentJSON(run))
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// A number with four decimals (scientific when huge), never "-0.0000".
  public static func number(_ value: Double) -> String {
    let text =
      abs(value) < 1e5 ? String(format: "%.4f", value) : String(format: "%.3e", value)
    return text == "-0.0000" ? "0.0000" : text
  }

  /// A short length: four decimals, or two significant digits when below 0.001.
  static func length(_ value: Double) -> String {
    value > 0 && value < 1e-3 ? String(format: "%.1e", value) : number(value)
  }

  static func point(_ p: Point2) -> String { "(\(number(p.x)), \(number(p.y)))" }
}

/// The JSON shape of a run (`hemolab descent --json`).
public struct DescentJSON: Codable, Sendable, Equatable {
  /// The run's ending: `kind` is converged / still moving / diverged.
  public struct Outcome: Codable, Sendable, Equatable {
    public var kind: String
    /// The step it converged by or diverged at; absent when still moving.
    public var step: Int?
    public var message: String
  }

  public var surface: String
  public var optimizer: String
  public var learningRate: Double
  public var seed: UInt64
  public var noise: Bool
  public var start: Point2
  public var startOrigin: String
  public var requestedSteps: Int
  public var path: [DescentPoint]
  public var outcome: Outcome

  public init(_ run: DescentRun) {
    let setup = run.setup
    surface = setup.surface.name
    optimizer = setup.optimizer.rawValue
    learningRate = setup.learningRate
    seed = setup.seed
    noise = setup.noise
    start = setup.start
    startOrigin = setup.startOrigin.rawValue
    requestedSteps = run.requestedSteps
    path = run.path
    let step: Int?
    switch run.outcome {
    case .converged(let s), .diverged(let s): step = s
    case .stillMoving: step = nil
    }
    outcome = Outcome(kind: run.outcome.name, step: step, message: DescentReport.verdict(run))
  }
}
