/// The path-entry modal (`o`): a line of text typed by the learner, shell-like Tab completion,
/// and what Enter does with the path.
public struct PathPrompt: Sendable, Equatable {
  /// What the path is for.
  public enum Purpose: Sendable, Equatable {
    /// A .tm project, an RSNA folder or class folders for the experiments.
    case openData
    /// One DICOM/PNG/JPEG to classify with experiment `id`'s model (inspect's preview).
    case previewFile(experiment: Int)
  }

  public var purpose: Purpose
  /// The typed path (the cursor is always at its end).
  public var text: String
  /// What Tab found when it could not complete to one name (shown under the line).
  public var candidates: [String]
  /// A one-line problem with the text (empty Enter, nothing matches Tab).
  public var message: String?

  /// Longest path accepted (a terminal line is shorter; this bounds pasted text).
  public static let maxLength = 1024

  public init(purpose: Purpose, text: String = "") {
    self.purpose = purpose
    self.text = text
    candidates = []
    message = nil
  }

  /// The modal's title.
  public var title: String {
    switch purpose {
    case .openData: "Open your own images"
    case .previewFile: "Preview a file"
    }
  }

  /// One or two lines saying what the path may be.
  public var explanation: String {
    switch purpose {
    case .openData:
      "A Teachable Machine project (.tm), an RSNA folder (stage_2_train.csv + ID_*.dcm) or a "
        + "folder with one subfolder of images per class. Empty + Enter: back to built-in data."
    case .previewFile:
      "A DICOM, PNG or JPEG file: the trained model gives its class probabilities."
    }
  }
}
