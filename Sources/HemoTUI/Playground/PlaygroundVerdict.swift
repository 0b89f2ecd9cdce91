import HemoLesson

/// One sentence under the readout saying what the ball is doing and what to try next: the
/// lesson's point about the learning rate made in words as well as in pictures.
public struct PlaygroundVerdict: Sendable, Hashable {
  public var text: String
  public var role: Role

  public init(_ text: String, role: Role) {
    self.text = text
    self.role = role
  }

  /// An average step shorter than the map's width divided by this counts as crawling …
  static let crawlFraction = 300.0
  /// … while the slope is still at least this steep (so it is not merely near a flat spot) …
  static let crawlSlope = 0.05
  /// … and the steps are not shrinking fast (ten steps cover at least this share of the ten
  /// before: a ball closing in on a minimum at a good rate slows down much faster).
  static let crawlPersistence = 0.8

  /// The verdict for one ball, or nil when there is nothing particular to say.
  public static func of(_ ball: PlaygroundState.Ball, surface: LossSurface) -> PlaygroundVerdict? {
    let walker = ball.walker
    let last = walker.current
    if let step = walker.divergedAtStep {
      return PlaygroundVerdict(
        "Diverged at step \(step): each step overshoots and lands higher up. "
          + "Lower the learning rate (-).", role: .bad)
    }
    if last.step == 0 {
      return PlaygroundVerdict("Space runs the ball downhill; . takes one step.", role: .muted)
    }
    if ball.isDone {
      let near = surface.landmarks
        .filter { ($0.point - last.position).length <= DescentRun.nearDistance }
        .min { ($0.point - last.position).length < ($1.point - last.position).length }
      switch near?.kind {
      case .globalMinimum:
        return PlaygroundVerdict(
          "Settled in the lowest point after \(last.step) steps.", role: .good)
      case .localMinimum:
        return PlaygroundVerdict(
          "Stuck in the shallow basin, not the lowest point. Try momentum (2) or a new start (s).",
          role: .warn)
      case .saddle:
        return PlaygroundVerdict("Balanced on the saddle: flat, but not a minimum.", role: .warn)
      case nil:
        return PlaygroundVerdict("Settled after \(last.step) steps.", role: .good)
      }
    }
    if isCrawling(ball, surface: surface) {
      return PlaygroundVerdict(
        "Crawling: the steps are tiny at this learning rate. Raise it (+).", role: .warn)
    }
    return nil
  }

  /// True when the last ten steps were tiny, barely shorter than the ten before, on a slope
  /// that is not flat.
  static func isCrawling(_ ball: PlaygroundState.Ball, surface: LossSurface) -> Bool {
    let trail = ball.trail
    guard trail.count > 20 else { return false }
    let n = trail.count
    let recent = (trail[n - 1].position - trail[n - 11].position).length
    let before = (trail[n - 11].position - trail[n - 21].position).length
    let width = surface.domain.x.upperBound - surface.domain.x.lowerBound
    let slope = surface.gradient(at: trail[n - 1].position).length
    return recent / 10 < width / crawlFraction && recent >= crawlPersistence * before
      && slope >= crawlSlope
  }
}
