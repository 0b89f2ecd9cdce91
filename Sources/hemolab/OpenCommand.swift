import ArgumentParser
import Foundation
import HemoCore

/// `hemolab open`: describes a Teachable Machine project or an image folder without training.
struct OpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Show what is in a Teachable Machine project (.tm) or an image folder.",
    discussion: """
      Prints what HemoLab found: classes, image counts, image size and colour, the \
      original training settings of a .tm project, and every file it had to skip \
      (one line each, naming the file). Nothing on disk is changed.

      A folder is read as one of:
        RSNA ICH folder   stage_2_train.csv (or stage_1) + ID_*.dcm slices
                          (only the labels are read; no image is decoded)
        class folders     one subfolder per class: .dcm, .png or .jpg files

      Examples:
        hemolab open experiment5.tm
        hemolab open ~/rsna-intracranial-hemorrhage-detection
        hemolab open ~/my-cases --check
        hemolab open ~/my-cases --save-tm my-cases.tm
      """
  )

  @Argument(help: "A .tm project file, or a data folder.")
  var path: String

  @Flag(help: "For class folders: decode every image to find unreadable ones.")
  var check = false

  @Option(
    name: .customLong("save-tm"),
    help: ArgumentHelp(
      "Also save the images as a Teachable Machine project (224×224 JPEGs).",
      valueName: "out.tm"))
  var saveTM: String?

  @Flag(help: "With --save-tm: replace the output file if it exists.")
  var force = false

  func run() throws {
    let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
    do throws(HemoError) {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        try describeFolder(url)
      } else {
        try describeProject(url)
      }
    } catch {
      FileHandle.standardError.write(Data("hemolab: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }

  private func describeProject(_ url: URL) throws(HemoError) {
    let project = try TeachableMachineProject.read(url)
    let set = project.samples
    print("Teachable Machine project \(url.path)")
    let version = project.manifestVersion.map { " (manifest version \($0))" } ?? ""
    print(
      "  \(Self.count(set.samples.count, "image")) in \(Self.count(set.classNames.count, "class"))\(version)"
    )
    for (name, count) in zip(set.classNames, set.classCounts) {
      print(
        "    \(name.padding(toLength: max(18, name.count), withPad: " ", startingAt: 0)) \(count)")
    }
    var sizes: [String: Int] = [:]
    var colourImages = 0
    for sample in set.samples {
      sizes["\(sample.pixels.width)×\(sample.pixels.height)", default: 0] += 1
      if case .picture(let image) = sample.pixels, Self.hasColour(image) { colourImages += 1 }
    }
    let sizeText = sizes.sorted { $0.value > $1.value }.map { "\($0.key) (\($0.value))" }
    print("  image size: \(sizeText.joined(separator: ", "))")
    print(
      colourImages == 0
        ? "  colour: grey images (stored as RGB JPEG)"
        : "  colour: \(colourImages) of \(set.samples.count) images have coloured pixels")
    print("  original settings: \(project.originalSettings.summary)")
    Self.printProblems(project.problems)
    try save(project.samples, settings: project.originalSettings)
  }

  private func describeFolder(_ url: URL) throws(HemoError) {
    switch try DataFolder.detect(url) {
    case .rsna:
      let start = Date()
      let folder = try RSNAFolder.open(url)
      let seconds = Date().timeIntervalSince(start)
      let index = folder.index
      let counts = index.counts
      print("RSNA ICH folder \(url.path)")
      print(
        "  labels: \(folder.csv.path) (\(index.rowCount) rows read in \(String(format: "%.2f", seconds)) s)"
      )
      print(
        "  images: \(folder.imageFolder.path)/ID_*.dcm (decoded only when an experiment picks them)"
      )
      print(
        "  \(counts.images) labelled images: \(counts.normal) normal, \(counts.any) with hemorrhage"
      )
      for subtype in HemorrhageSubtype.allCases {
        let only = index.count(matching: .only(subtype))
        print(
          "    \(subtype.displayName.padding(toLength: 18, withPad: " ", startingAt: 0)) "
            + "\(counts.subtypes[subtype] ?? 0) (\(only) with no other subtype)")
      }
      if index.duplicateRows > 0 { print("  \(index.duplicateRows) duplicate rows ignored") }
      Self.printProblems(index.problems, total: index.problemCount)
      if saveTM != nil {
        throw HemoError(
          file: url.path, "--save-tm needs class folders or a .tm project",
          advice: "an RSNA folder is sampled per experiment; save from the experiment instead")
      }
    case .classFolders:
      let listing = try ClassFolderSource.scan(url)
      print("Class folders \(url.path)")
      var problems = listing.problems
      var decoded: SampleSet?
      if check || saveTM != nil {
        let showProgress = isatty(STDERR_FILENO) != 0
        let result = ClassFolderSource.load(listing) { progress in
          guard showProgress, progress.done % 50 == 0 || progress.done == progress.total else {
            return
          }
          FileHandle.standardError.write(
            Data("\r  decoding images: \(progress.done) of \(progress.total)".utf8))
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        problems = result.problems
        decoded = result.samples
        print(
          "  \(Self.count(result.samples.samples.count, "image")) decoded in "
            + Self.count(result.samples.classNames.count, "class")
        )
        for (name, count) in zip(result.samples.classNames, result.samples.classCounts) {
          print(
            "    \(name.padding(toLength: max(18, name.count), withPad: " ", startingAt: 0)) \(count)"
          )
        }
      } else {
        print(
          "  \(Self.count(listing.counts.reduce(0, +), "image file")) in "
            + "\(Self.count(listing.classNames.count, "class")) (not decoded; --check decodes them)"
        )
        for (name, files) in zip(listing.classNames, listing.files) {
          let kinds = Dictionary(grouping: files) { $0.pathExtension.lowercased() }
            .map { "\($0.value.count) .\($0.key)" }.sorted().joined(separator: ", ")
          print(
            "    \(name.padding(toLength: max(18, name.count), withPad: " ", startingAt: 0)) \(files.count)  (\(kinds))"
          )
        }
      }
      if listing.ignoredFiles > 0 {
        print("  \(listing.ignoredFiles) other files ignored (not .dcm/.png/.jpg)")
      }
      Self.printProblems(problems)
      if let decoded { try save(decoded, settings: .teachableMachineDefaults) }
    }
  }

  /// Writes `--save-tm` (brain window for CT slices); never replaces a file without --force.
  private func save(_ samples: SampleSet, settings: TeachableMachineSettings) throws(HemoError) {
    guard let saveTM else { return }
    let url = URL(fileURLWithPath: (saveTM as NSString).expandingTildeInPath)
    try TeachableMachineProject.write(samples, to: url, settings: settings, overwrite: force)
    print("saved \(Self.count(samples.samples.count, "image")) to \(url.path)")
  }

  private static func printProblems(_ problems: [HemoError], total: Int? = nil) {
    let count = total ?? problems.count
    guard count > 0 else {
      print("  no problems found")
      return
    }
    print("  \(count) problem\(count == 1 ? "" : "s"):")
    for problem in problems { print("    \(problem)") }
    if count > problems.count { print("    … and \(count - problems.count) more") }
  }

  /// "1 class", "3 classes", "1 image", "240 images".
  static func count(_ value: Int, _ noun: String) -> String {
    value == 1 ? "1 \(noun)" : "\(value) \(noun)\(noun.hasSuffix("s") ? "es" : "s")"
  }

  /// True when some pixel is clearly not grey (JPEG noise leaves grey pixels within a few levels).
  static func hasColour(_ image: RGBImage) -> Bool {
    let pixels = image.pixels
    var index = 0
    while index + 2 < pixels.count {
      let r = Int(pixels[index])
      let g = Int(pixels[index + 1])
      let b = Int(pixels[index + 2])
      if abs(r - g) > 24 || abs(g - b) > 24 || abs(r - b) > 24 { return true }
      index += 3
    }
    return false
  }
}
