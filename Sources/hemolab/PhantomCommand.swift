import ArgumentParser
import Foundation
import HemoCore

/// `hemolab phantom`: writes synthetic head CT slices and a contact sheet, or times the generator.
struct PhantomCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "phantom",
    abstract: "Make synthetic head CT slices (the lesson's built-in data) and a contact sheet.",
    discussion: """
      Each slice is a new synthetic patient: an axial head CT slice in Hounsfield units with its \
      RSNA labels and a mask of where the blood is. The same seed always gives the same slices.

      Writes into DIR: contact-sheet.png (brain window 80/40; blood outlined, one coloured square \
      per subtype: epidural orange, intraparenchymal red, intraventricular magenta, subarachnoid \
      yellow, subdural green), slice-NNNN.png for each slice, and labels.csv with the six RSNA \
      labels and the level of each slice.

      Examples:
        hemolab phantom --seed 7 --count 16 --out /tmp/phantom
        hemolab phantom --count 24 --hemorrhage subdural --out /tmp/subdural
        hemolab phantom --population external --count 16 --out /tmp/other-hospital
        hemolab phantom --bench 2000        (times 2000 slices on one core; build with -c release)
      """
  )

  @Option(help: "Seed: the same seed gives the same slices.")
  var seed: UInt64 = 1

  @Option(help: "Number of slices (1…10000).")
  var count: Int = 16

  @Option(help: "Output folder; must be empty or absent unless --force.")
  var out: String?

  @Option(help: "Image side in pixels (32…1024); the field of view stays 250 mm.")
  var size: Int = 256

  @Option(
    help: """
      Blood to put in: mixed (every other slice has a bleed), none, any, or one or more of \
      epidural, intraparenchymal, intraventricular, subarachnoid, subdural (comma-separated).
      """)
  var hemorrhage: String = "mixed"

  @Option(
    help: """
      Patients and scanner: standard (RSNA-like) or external ("another hospital": noisier \
      scanner, soft kernel, 7.5 mm slices, more calcification).
      """)
  var population: String = "standard"

  @Option(help: "Contact sheet columns.")
  var columns: Int = 8

  @Flag(help: "Write into a folder that already has files in it (existing files are replaced).")
  var force = false

  @Flag(help: "Also write slice-NNNN-mask.png: white where the blood is (for predict --saliency).")
  var masks = false

  @Option(help: "Instead of writing files, time generating N slices on one thread and print it.")
  var bench: Int?

  func validate() throws {
    guard (1...10_000).contains(count) else {
      throw ValidationError("--count must be between 1 and 10000")
    }
    guard PhantomGenerator.sizes.contains(size) else {
      throw ValidationError("--size must be between 32 and 1024")
    }
    guard (1...64).contains(columns) else { throw ValidationError("--columns must be 1…64") }
    if let bench, !(1...100_000).contains(bench) {
      throw ValidationError("--bench must be between 1 and 100000")
    }
    if bench == nil && out == nil { throw ValidationError("give --out DIR (or --bench N)") }
    _ = try requests()
    _ = try chosenPopulation()
  }

  /// The population named by `--population`.
  private func chosenPopulation() throws -> PhantomPopulation {
    switch population.lowercased() {
    case "standard": return .standard
    case "external": return .external
    default: throw ValidationError("unknown --population '\(population)': use standard or external")
    }
  }

  func run() throws {
    let generator = PhantomGenerator(seed: seed, size: size, population: try chosenPopulation())
    let plan = try requests()
    if let bench {
      benchmark(generator, count: bench, plan: plan)
      return
    }
    guard let out else { return }
    let folder = URL(fileURLWithPath: out, isDirectory: true)
    try prepare(folder)
    var tiles: [RGBImage] = []
    var csv = "file,epidural,intraparenchymal,intraventricular,subarachnoid,subdural,any,level\n"
    for index in 0..<count {
      let slice = generator.slice(index: index, hemorrhage: plan(index))
      let name = String(format: "slice-%04d.png", index)
      let grey = Window.brain.grey(slice.image)
      try write(
        ImageCodec.encodePNG(grey, width: size, height: size, channels: 1),
        to: folder.appendingPathComponent(name))
      if masks {
        try write(
          ImageCodec.encodePNG(
            slice.bloodMask.bits.map { $0 ? 255 : 0 }, width: size, height: size, channels: 1),
          to: folder.appendingPathComponent(String(format: "slice-%04d-mask.png", index)))
      }
      csv +=
        ([name] + slice.labels.rsnaRow.map { $0 ? "1" : "0" } + [slice.level.rawValue])
        .joined(separator: ",") + "\n"
      tiles.append(PhantomContactSheet.tile(slice))
    }
    try write(Data(csv.utf8), to: folder.appendingPathComponent("labels.csv"))
    if let sheet = PhantomContactSheet.sheet(tiles, columns: columns) {
      try write(ImageCodec.encodePNG(sheet), to: folder.appendingPathComponent("contact-sheet.png"))
    }
    print("Wrote \(count) slices, labels.csv and contact-sheet.png to \(folder.path)")
  }

  /// The request for slice `index`.
  private func requests() throws -> (Int) -> HemorrhageRequest {
    if hemorrhage.lowercased().trimmingCharacters(in: .whitespaces) == "mixed" {
      return { $0 % 2 == 1 ? .anyHemorrhage : HemorrhageRequest.none }
    }
    let request = try HemorrhageOption.request(hemorrhage, keywords: "mixed, none, any")
    return { _ in request }
  }

  private func benchmark(
    _ generator: PhantomGenerator, count: Int, plan: (Int) -> HemorrhageRequest
  ) {
    var checksum: Double = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      for index in 0..<count {
        let slice = generator.slice(index: index, hemorrhage: plan(index))
        checksum += Double(slice.image.pixels[slice.image.pixels.count / 2])
      }
    }
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    print(
      String(
        format:
          "%d slices of %d×%d (%@) in %.3f s on one thread: %.3f ms per slice (checksum %.0f)",
        count, size, size, hemorrhage, seconds, seconds * 1000 / Double(count), checksum))
    #if DEBUG
      print("note: this is a debug build; measure with swift build -c release")
    #endif
  }

  private func prepare(_ folder: URL) throws {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw HemoError(file: folder.path, "exists and is not a folder")
      }
      let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
      if !contents.isEmpty && !force {
        throw HemoError(
          file: folder.path, "is not empty", advice: "choose an empty folder or add --force")
      }
    } else {
      do {
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw HemoError(
          file: folder.path, "cannot create the folder: \(error.localizedDescription)")
      }
    }
  }

  private func write(_ data: Data, to url: URL) throws {
    do {
      try data.write(to: url)
    } catch {
      throw HemoError(file: url.path, "cannot write: \(error.localizedDescription)")
    }
  }
}
