/// One class of an experiment drawn from RSNA labels: its name, the label rule its images must
/// match, and how many images it needs (e.g. "Hemorrhage", `.anyHemorrhage`, 30).
public struct RSNAClassRequest: Sendable, Hashable {
  public var name: String
  public var rule: RSNALabelRule
  public var count: Int

  public init(name: String, rule: RSNALabelRule, count: Int) {
    self.name = name
    self.rule = rule
    self.count = count
  }
}
