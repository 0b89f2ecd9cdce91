/// Opening the learner's own images in the lesson: where it is, and what came of it.
public struct DataOpening: Sendable, Equatable {
  /// The path as the learner typed it.
  public var path: String
  /// The file or folder name, for headers ("experiment1.tm").
  public var name: String
  /// What is being done now ("experiment 3: reading images").
  public var stage: String
  /// Overall progress, 0…1.
  public var fraction: Double
  public var isFinished: Bool
  /// Why the last attempt opened nothing (one line naming the file and the problem); `name` and
  /// `used` then still describe the data in use before it, if any.
  public var error: String?
  /// Experiments that use the data.
  public var used: [Int]
  /// Experiments that could not use it (they keep the built-in images), with the reason.
  public var skipped: [Int: String]

  public init(path: String, name: String) {
    self.path = path
    self.name = name
    stage = "checking"
    fraction = 0
    isFinished = false
    error = nil
    used = []
    skipped = [:]
  }

  /// True once the data is in use by at least one experiment.
  public var isInUse: Bool { isFinished && !used.isEmpty }
}
