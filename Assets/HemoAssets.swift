import Foundation

/// Where HemoLab's bundled assets live: the experiment definitions and the lesson text.
public enum HemoAssets {
  /// The folder of built-in experiment definitions (one JSON file per experiment).
  public static var experimentsFolder: URL {
    Bundle.module.resourceURL!.appendingPathComponent("experiments", isDirectory: true)
  }

  /// The folder of lesson texts (one Markdown-like file per lesson step).
  public static var lessonFolder: URL {
    Bundle.module.resourceURL!.appendingPathComponent("lesson", isDirectory: true)
  }
}
