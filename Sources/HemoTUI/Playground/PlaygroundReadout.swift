import Foundation
import HemoLesson

/// One line of the playground's side panel for one ball: what a learner reads off it.
public struct PlaygroundReadout: Sendable, Hashable {
  /// How the ball is doing.
  public enum Status: String, Sendable, Hashable {
    case moving
    case settled
    case diverged
  }

  public var kind: OptimizerKind
  public var step: Int
  public var loss: Double
  public var position: Point2
  public var status: Status

  /// The readouts of every ball on show, in optimizer order.
  public static func all(_ state: PlaygroundState) -> [PlaygroundReadout] {
    state.balls.map { ball in
      let last = ball.walker.current
      let status: Status =
        ball.walker.hasDiverged ? .diverged : (ball.isDone ? .settled : .moving)
      return PlaygroundReadout(
        kind: ball.kind, step: last.step, loss: last.loss, position: last.position, status: status)
    }
  }

  /// E.g. `Adam      step  12  loss 0.0216  at (0.4761, 0.2297)  moving`.
  public var line: String {
    let name = kind.title.padding(toLength: 16, withPad: " ", startingAt: 0)
    let stepText = String(step)
    let paddedStep = String(repeating: " ", count: max(0, 4 - stepText.count)) + stepText
    return "\(name) step \(paddedStep)  loss \(DescentReport.number(loss))  "
      + "at (\(DescentReport.number(position.x)), \(DescentReport.number(position.y)))  "
      + status.rawValue
  }
}
