/// How far a long load has got: "decoding 120 of 2000", reported through a callback.
public struct DataSourceProgress: Sendable, Equatable {
  /// What is happening, for a person: "reading labels", "decoding images".
  public var stage: String
  public var done: Int
  /// Total units of work; 0 when unknown.
  public var total: Int

  public init(stage: String, done: Int, total: Int) {
    self.stage = stage
    self.done = done
    self.total = total
  }

  /// Fraction done, 0…1 (0 when the total is unknown).
  public var fraction: Double { total > 0 ? Double(done) / Double(total) : 0 }
}
