/// One training run's identity inside a `RunOrchestrator`: issued in start order, never reused
/// (unlike an object's address).
public struct RunID: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// 1 for the orchestrator's first run, then 2, 3, …
  public let number: Int

  init(_ number: Int) {
    self.number = number
  }

  public static func < (a: RunID, b: RunID) -> Bool { a.number < b.number }

  public var description: String { "run \(number)" }
}
