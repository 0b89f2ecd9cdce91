import Foundation
import HemoLesson

/// The side panel of the playground: the settings (learning rate, start, noise, step, speed),
/// one readout per ball that doubles as the colour legend, a verdict in words, and the loss
/// curve below them in whatever height is left.
public struct PlaygroundPanel: Widget, Sendable {
  public var state: PlaygroundState

  public init(_ state: PlaygroundState) { self.state = state }

  var readoutRows: Int { state.balls.count == 1 ? 2 : state.balls.count }

  public func draw(in canvas: inout Canvas, theme: Theme) {
    guard canvas.width > 0, canvas.height > 0 else { return }
    drawSettings(in: &canvas, theme: theme)
    var y = 3
    if state.balls.count == 1 {
      drawSingle(in: &canvas, theme: theme, y: y)
    } else {
      for (index, ball) in state.balls.enumerated() {
        drawRow(ball, in: &canvas, theme: theme, y: y + index)
      }
    }
    y += readoutRows
    let lines = verdictLines(width: canvas.width)
    if let verdict = verdict {
      for (index, line) in lines.enumerated() {
        canvas.put(line, x: 0, y: y + index, style: theme.style(verdict.role))
      }
    }
    y += lines.count + 1
    canvas.draw(
      PlaygroundLossChart(state),
      in: Rect(x: 0, y: y, width: canvas.width, height: canvas.height - y), theme: theme)
  }

  /// The verdict of the only ball on show (with all four, the status words say enough).
  var verdict: PlaygroundVerdict? {
    guard state.balls.count == 1 else { return nil }
    return PlaygroundVerdict.of(state.balls[0], surface: state.surface)
  }

  func verdictLines(width: Int) -> [String] {
    guard let verdict else { return [] }
    return TextWrap.lines(verdict.text, width: width).prefix(3).map { $0.map(\.text).joined() }
  }

  private func drawSettings(in canvas: inout Canvas, theme: Theme) {
    let muted = theme.style(.muted)
    let value = theme.style(.accent)
    var x = canvas.put("Learning rate ", x: 0, y: 0, style: muted)
    canvas.put(Self.rate(state.learningRate), x: x, y: 0, style: value)

    x = canvas.put("Start ", x: 0, y: 1, style: muted)
    x = canvas.put(state.seededStart ? "seed \(state.seed)" : "default", x: x, y: 1, style: value)
    x = canvas.put("  Noise ", x: x, y: 1, style: muted)
    canvas.put(state.noise ? "on, seed \(state.seed)" : "off", x: x, y: 1, style: value)

    x = canvas.put("Step ", x: 0, y: 2, style: muted)
    x = canvas.put(String(state.step), x: x, y: 2, style: value)
    x = canvas.put("  ", x: x, y: 2)
    x = canvas.put(
      state.running ? "running" : "paused", x: x, y: 2,
      style: theme.style(state.running ? .good : .text))
    canvas.put(
      "  \(state.stepsPerTick * 10) steps/s", x: x, y: 2, style: muted)
  }

  private func drawSingle(in canvas: inout Canvas, theme: Theme, y: Int) {
    let ball = state.balls[0]
    let readout = PlaygroundReadout.all(state)[0]
    let style = PlaygroundPalette.optimizerStyle(ball.kind, theme: theme)
    var x = canvas.put("● ", x: 0, y: y, style: style)
    x = canvas.put(ball.kind.title, x: x, y: y, style: style)
    let status = readout.status.rawValue
    canvas.put(
      status, x: max(x + 2, canvas.width - status.count), y: y,
      style: theme.style(Self.role(readout.status)))
    x = canvas.put("  loss ", x: 0, y: y + 1, style: theme.style(.muted))
    x = canvas.put(Self.loss(readout.loss), x: x, y: y + 1, style: theme.style(.text))
    x = canvas.put("  at ", x: x, y: y + 1, style: theme.style(.muted))
    canvas.put(Self.position(readout.position), x: x, y: y + 1, style: theme.style(.text))
  }

  /// One line per ball: name, loss, status and position, dropping from the right what does not
  /// fit.
  private func drawRow(
    _ ball: PlaygroundState.Ball, in canvas: inout Canvas, theme: Theme, y: Int
  ) {
    let readout = PlaygroundReadout.all(state).first { $0.kind == ball.kind }!
    let style = PlaygroundPalette.optimizerStyle(ball.kind, theme: theme)
    let long = canvas.width >= 56
    let names = state.balls.map { Self.shortName($0.kind, long: long) }
    let nameWidth = names.map(\.count).max() ?? 0
    // Letters stand for the balls on the map when colours cannot tell four apart.
    let marker = theme.depth == .extended ? "●" : String(PlaygroundMap.letter(ball.kind))
    var x = canvas.put(marker + " ", x: 0, y: y, style: style)
    x = canvas.put(
      NumberFormat.left(Self.shortName(ball.kind, long: long), width: nameWidth), x: x, y: y,
      style: style)
    let fields: [(String, Style)] = [
      (" " + NumberFormat.right(Self.loss(readout.loss), width: 7), theme.style(.text)),
      (
        " " + NumberFormat.left(readout.status.rawValue, width: 8),
        theme.style(Self.role(readout.status))
      ),
      (" " + Self.position(readout.position), theme.style(.muted)),
    ]
    for (text, fieldStyle) in fields {
      guard x + text.count <= canvas.width else { break }
      x = canvas.put(text, x: x, y: y, style: fieldStyle)
    }
  }

  static func role(_ status: PlaygroundReadout.Status) -> Role {
    switch status {
    case .moving: .text
    case .settled: .good
    case .diverged: .bad
    }
  }

  static func shortName(_ kind: OptimizerKind, long: Bool) -> String {
    long || kind != .gradientDescent ? kind.title : "Plain GD"
  }

  /// A learning rate as typed: 0.001, 0.05, 1, 1.5.
  static func rate(_ value: Double) -> String {
    var text = String(format: "%.3f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// A loss with three significant digits: 0.0216, 1.00, 32.3, 412, 1.52e+06.
  static func loss(_ value: Double) -> String {
    let size = abs(value)
    if size >= 1000 || (size < 0.001 && size > 0) { return String(format: "%.2e", value) }
    if size >= 100 { return NumberFormat.fixed(value, 0) }
    if size >= 10 { return NumberFormat.fixed(value, 1) }
    if size >= 1 { return NumberFormat.fixed(value, 2) }
    return String(format: "%.3g", value)
  }

  /// A position with two decimals, none from 100 on: (0.48, -0.23), (0.00, -922).
  static func position(_ p: Point2) -> String {
    func coordinate(_ v: Double) -> String { NumberFormat.fixed(v, abs(v) < 100 ? 2 : 0) }
    return "(\(coordinate(p.x)), \(coordinate(p.y)))"
  }
}
