import Foundation

/// Where HemoLab's bundled assets live: the experiment definitions, the lesson text and the
/// pretrained backbone.
public enum HemoAssets {
  /// The folder of built-in experiment definitions (one JSON file per experiment).
  public static var experimentsFolder: URL {
    Bundle.module.resourceURL!.appendingPathComponent("experiments", isDirectory: true)
  }

  /// The folder of the pretrained backbone (`backbone.safetensors`) and its recipe
  /// (`backbone.json`), made by `hemolab pretrain`.
  public static var backboneFolder: URL {
    Bundle.module.resourceURL!.appendingPathComponent("backbone", isDirectory: true)
  }

  /// The folder of lesson texts (one Markdown-like file per lesson step).
  public static var lessonFolder: URL {
    Bundle.module.resourceURL!.appendingPathComponent("lesson", isDirectory: true)
  }
}
