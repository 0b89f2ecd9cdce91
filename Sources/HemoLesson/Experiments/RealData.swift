import Foundation
import HemoCore

/// The learner's own images as an experiment: a Teachable Machine project, an RSNA folder, or
/// class folders. The experiment definition supplies the network and the hyperparameters; the
/// data supplies the classes.
public enum RealData {
  /// A loaded real data set, with the experiment adjusted to its classes.
  public struct Loaded: Sendable {
    public var experiment: ExperimentDefinition
    public var data: ExperimentData
    public var description: String
    /// A line about the original settings (.tm projects), when known.
    public var note: String?

    public init(
      experiment: ExperimentDefinition, data: ExperimentData, description: String, note: String?
    ) {
      self.experiment = experiment
      self.data = data
      self.description = description
      self.note = note
    }
  }

  /// Opens a `.tm` project. `template` gives the network and hyperparameters; when nil, one of
  /// the built-in experiments is chosen by the number of classes and whether the images are colour.
  public static func project(
    _ url: URL, template: ExperimentDefinition?, catalog: ExperimentCatalog, threads: Int = 2,
    progress: (Double) -> Void = { _ in }
  ) throws(HemoError) -> Loaded {
    try project(
      TeachableMachineProject.read(url), url: url, template: template, catalog: catalog,
      threads: threads, progress: progress)
  }

  /// A `.tm` project already read from `url` (the lesson reads it once for all experiments).
  public static func project(
    _ project: TeachableMachineProject, url: URL, template: ExperimentDefinition?,
    catalog: ExperimentCatalog, threads: Int = 2, progress: (Double) -> Void = { _ in }
  ) throws(HemoError) -> Loaded {
    let samples = project.samples
    let colour = samples.samples.contains { sample in
      guard case .picture(let picture) = sample.pixels else { return false }
      return stride(from: 0, to: picture.pixels.count, by: 3 * 97).contains { index in
        Int(picture.pixels[index]) > Int(picture.pixels[index + 1]) + 60
      }
    }
    let base: ExperimentDefinition
    if let template {
      base = template
    } else {
      base = try defaultTemplate(
        classes: samples.classNames.count, colour: colour, catalog: catalog)
    }
    var experiment = try adapt(base, to: samples, file: url.path)
    if template == nil { experiment.preprocessing.channels = colour ? 3 : 1 }
    experiment.preprocessing.colourCoding = nil
    let preprocessing = experiment.preprocessing
    let data = ExperimentData.real(
      samples, preprocessing: preprocessing, problems: project.problems, threads: threads,
      progress: progress)
    return Loaded(
      experiment: experiment, data: data,
      description: "Teachable Machine project \(url.lastPathComponent)",
      note: "the course's settings in this project: \(project.originalSettings.summary)")
  }

  /// Opens an RSNA folder (label CSV + ID_*.dcm, sampled with `seed` to the template's class
  /// counts and label rules) or class folders (every image, classes from the folder names).
  public static func folder(
    _ url: URL, template: ExperimentDefinition, seed: UInt64, threads: Int = 2,
    progress: (String, Double) -> Void = { _, _ in }
  ) throws(HemoError) -> Loaded {
    try folder(
      openFolder(url, progress: progress), template: template, seed: seed, threads: threads,
      progress: progress)
  }

  /// A data folder read once: an RSNA index (each experiment samples its own classes from it) or
  /// the images of class folders.
  public enum OpenedFolder: Sendable {
    case rsna(RSNAFolder, url: URL)
    case classFolders(DataSourceResult, url: URL)
  }

  /// Indexes an RSNA folder (labels only) or loads class folders.
  public static func openFolder(
    _ url: URL, progress: (String, Double) -> Void = { _, _ in }
  ) throws(HemoError) -> OpenedFolder {
    switch try DataFolder.detect(url) {
    case .rsna:
      return .rsna(try RSNAFolder.open(url) { progress($0.stage, $0.fraction) }, url: url)
    case .classFolders:
      let listing = try ClassFolderSource.scan(url)
      return .classFolders(
        ClassFolderSource.load(listing) { progress($0.stage, $0.fraction) }, url: url)
    }
  }

  /// An opened folder as `template`'s data (an RSNA folder sampled with `seed`).
  public static func folder(
    _ opened: OpenedFolder, template: ExperimentDefinition, seed: UInt64, threads: Int = 2,
    progress: (String, Double) -> Void = { _, _ in }
  ) throws(HemoError) -> Loaded {
    let result: DataSourceResult
    let description: String
    let url: URL
    switch opened {
    case .rsna(let folder, let location):
      url = location
      let requests = template.classes.map { item in
        RSNAClassRequest(name: item.name, rule: item.draw.rsnaRule, count: item.count)
      }
      result = folder.sample(requests, seed: seed) { progress($0.stage, $0.fraction) }
      description = "RSNA folder \(url.lastPathComponent) (sampled with seed \(seed))"
    case .classFolders(let loaded, let location):
      url = location
      result = loaded
      description = "class folders in \(url.lastPathComponent)"
    }
    if result.samples.classNames.count < 2 {
      throw HemoError(
        file: url.path,
        "found \(result.samples.classNames.count) usable class(es); an experiment needs 2 or more",
        advice: result.problems.first?.description)
    }
    let experiment = try adapt(template, to: result.samples, file: url.path)
    let data = ExperimentData.real(
      result.samples, preprocessing: experiment.preprocessing, problems: result.problems,
      threads: threads
    ) { progress("preparing images", $0) }
    return Loaded(experiment: experiment, data: data, description: description, note: nil)
  }

  /// The built-in experiment whose settings suit this many classes.
  static func defaultTemplate(classes: Int, colour: Bool, catalog: ExperimentCatalog)
    throws(HemoError)
    -> ExperimentDefinition
  {
    let wanted: TeachingPoint = classes == 2 ? .smallData : (colour ? .colourCoding : .multiclass)
    guard
      let template = catalog.experiments.first(where: { $0.teachingPoint == wanted })
        ?? catalog.experiments.first
    else { throw HemoError("no built-in experiment to take settings from") }
    return template
  }

  /// The template with the data's classes; the lesson-specific reading is kept only when the
  /// classes match the template's.
  static func adapt(_ template: ExperimentDefinition, to samples: SampleSet, file: String)
    throws(HemoError)
    -> ExperimentDefinition
  {
    guard samples.classNames.count >= 2, samples.classNames.count <= 10 else {
      throw HemoError(file: file, "has \(samples.classNames.count) classes; HemoLab trains 2 to 10")
    }
    var experiment = template
    let counts = samples.classCounts
    let sameClasses =
      samples.classNames.count == template.classes.count
      && zip(samples.classNames, template.classes).allSatisfy {
        $0.lowercased() == $1.name.lowercased() || $1.name.lowercased().hasSuffix($0.lowercased())
      }
    experiment.classes = zip(samples.classNames, counts).map { name, count in
      ExperimentClass(
        name: name, count: max(count, 2),
        draw: template.classes.first { $0.name.lowercased() == name.lowercased() }?.draw
          ?? .anyHemorrhage)
    }
    if !sameClasses { experiment.teachingPoint = .custom }
    let positive = template.positiveClass.flatMap { name in
      samples.classNames.first { $0.lowercased() == name.lowercased() }
    }
    experiment.positiveClass =
      positive
      ?? (samples.classNames.count == 2
        ? samples.classNames.first { $0.lowercased() != "normal" } : nil)
    experiment.courseResult = sameClasses ? template.courseResult : nil
    if let tooSmall = zip(samples.classNames, counts).first(where: { $0.1 < 2 }) {
      throw HemoError(
        file: file, "class \(tooSmall.0) has \(tooSmall.1) image(s); each class needs at least 2")
    }
    return experiment
  }
}
