import Foundation

/// The teaching points over many seeds: for each, on how many seeds it held, plus the
/// aggregate claims (median small-data accuracy, mean colour lift, median external drop).
public struct CalibrationSummary: Sendable, Codable, Equatable {
  /// One teaching point over the seeds.
  public struct Point: Sendable, Codable, Equatable {
    public var name: String
    public var rule: String
    public var held: Int
    public var judged: Int
    /// Seeds on which it did not hold.
    public var failedSeeds: [UInt64]
    public var share: Double { judged > 0 ? Double(held) / Double(judged) : 0 }
  }

  /// An aggregate claim over the seeds and whether it held.
  public struct Aggregate: Sendable, Codable, Equatable {
    public var name: String
    public var value: Double
    public var rule: String
    public var holds: Bool
  }

  public var seeds: [UInt64]
  public var points: [Point]
  public var aggregates: [Aggregate]
  public var outcomes: [SeedOutcome]

  public init(outcomes: [SeedOutcome], rules: [TeachingPointRule] = TeachingPointRule.lesson) {
    self.outcomes = outcomes
    seeds = outcomes.map(\.seed)
    points = rules.map { rule in
      var held = 0
      var judged = 0
      var failed: [UInt64] = []
      for outcome in outcomes {
        guard let holds = rule.holds(outcome) else { continue }
        judged += 1
        if holds { held += 1 } else { failed.append(outcome.seed) }
      }
      return Point(
        name: rule.name, rule: rule.rule, held: held, judged: judged, failedSeeds: failed)
    }
    var aggregates: [Aggregate] = []
    let small = outcomes.compactMap { $0.accuracy[1] }
    if let median = Self.median(small) {
      aggregates.append(
        Aggregate(
          name: "1 median accuracy", value: median, rule: "0.40–0.80",
          holds: median >= 0.4 && median <= 0.8))
    }
    let lifts = outcomes.compactMap { o in
      o.accuracy[5].flatMap { a5 in o.accuracy[4].map { a5 - $0 } }
    }
    if !lifts.isEmpty {
      let mean = lifts.reduce(0, +) / Double(lifts.count)
      aggregates.append(
        Aggregate(name: "5 mean colour lift", value: mean, rule: "≥ 0.20", holds: mean >= 0.2))
    }
    if let median = Self.median(outcomes.compactMap(\.externalDrop)) {
      aggregates.append(
        Aggregate(
          name: "3 median external drop", value: median, rule: "0.05–0.15",
          holds: median >= 0.05 && median <= 0.15))
    }
    self.aggregates = aggregates
  }

  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// True when every point held on at least `share` of its seeds and every aggregate held.
  public func holds(share: Double = 0.9) -> Bool {
    points.allSatisfy { $0.share >= share - 1e-9 } && aggregates.allSatisfy(\.holds)
  }

  /// The table for a terminal.
  public var text: String {
    var lines = [
      "Teaching points over \(seeds.count) seeds (\(seeds.map(String.init).joined(separator: ", "))):"
    ]
    let width = max(20, points.map(\.name.count).max() ?? 0)
    for point in points {
      let name = point.name.padding(toLength: width, withPad: " ", startingAt: 0)
      var line =
        "  \(name)  \(point.held)/\(point.judged) (\(Int((point.share * 100).rounded())) %)  \(point.rule)"
      if !point.failedSeeds.isEmpty {
        line +=
          "; not on seed\(point.failedSeeds.count == 1 ? "" : "s") "
          + point.failedSeeds.map(String.init).joined(separator: ", ")
      }
      lines.append(line)
    }
    for aggregate in aggregates {
      let name = aggregate.name.padding(toLength: width, withPad: " ", startingAt: 0)
      lines.append(
        "  \(name)  \(String(format: "%.3f", aggregate.value))  \(aggregate.rule)  "
          + (aggregate.holds ? "holds" : "DOES NOT HOLD"))
    }
    lines.append("")
    lines.append(
      "seed        exp1  exp2  sens2  weighted  exp3  sens3  exp4  exp5  ext drop  AUC drop")
    for o in outcomes {
      func f(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "  – " }
      lines.append(
        String(o.seed).padding(toLength: 10, withPad: " ", startingAt: 0)
          + "  \(f(o.accuracy[1]))  \(f(o.accuracy[2]))  \(f(o.sensitivity[2]))   \(f(o.weightedSensitivity))    "
          + "\(f(o.accuracy[3]))  \(f(o.sensitivity[3]))   \(f(o.accuracy[4]))  \(f(o.accuracy[5]))  "
          + "  \(f(o.externalDrop))     \(f(o.externalAUCDrop))")
    }
    return lines.joined(separator: "\n")
  }
}
