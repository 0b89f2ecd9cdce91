import Foundation
import Testing

/// The calibration tier: every seed of the lesson's claims, the external per-seed check, the
/// course projects and the 500-slice realism check. They take minutes, so the default
/// `swift test` leaves them out; `HEMOLAB_CALIBRATION=1 swift test` (and `.ci/run`) runs them.
/// Gate a slow test with `.enabled(if: Calibration.isEnabled, Calibration.skipNote)`.
public enum Calibration {
  /// True when `HEMOLAB_CALIBRATION` is set (the same test every branch uses).
  public static var isEnabled: Bool {
    ProcessInfo.processInfo.environment["HEMOLAB_CALIBRATION"] != nil
  }

  /// `HEMOLAB_CALIBRATION_SOURCE`: another seed source for the teaching-point draw (any whole
  /// number, e.g. the clock), to check the design on seeds nobody has seen; nil = the date.
  public static var seedSource: UInt64? {
    ProcessInfo.processInfo.environment["HEMOLAB_CALIBRATION_SOURCE"].flatMap { UInt64($0) }
  }

  /// The reason shown when a calibration test is skipped.
  public static let skipNote: Comment =
    "calibration tier: run with HEMOLAB_CALIBRATION=1 swift test"
}
