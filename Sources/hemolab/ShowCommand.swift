import ArgumentParser
import Foundation
import HemoCore
import HemoTUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `hemolab show FILE…`: prints CT slices and pictures in the terminal, windowed in HU.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print DICOM, PNG or JPEG images (or a synthetic slice) in the terminal.",
    discussion: """
      A CT slice is windowed from its Hounsfield units (--window), optionally colour-coded \
      (acute blood, 50–90 HU, in red). The image is drawn with real pixels where the terminal \
      can (kitty graphics, sixel, iTerm2 inline images: asked of the terminal, then guessed from \
      its environment), else with chafa's symbol mosaics (quadrants, sextants, blocks). \
      NO_COLOR turns colour off; a non-UTF-8 locale gives ASCII.

      --window takes a preset (brain, subdural, stroke, bone) or CENTRE/WIDTH in HU: 40/80 is \
      the brain window (centre 40, width 80).

      Examples:
        hemolab show ID_000000e27.dcm
        hemolab show ID_000000e27.dcm --window subdural --graphics sixel
        hemolab show --phantom 7 --hemorrhage subdural --mask --colour-coding
        hemolab show slice.png --width 40
      """
  )

  @Argument(help: "Image files: DICOM, PNG or JPEG.")
  var files: [String] = []

  @Option(help: "Show a synthetic slice of this seed instead of (or before) the files.")
  var phantom: UInt64?

  @Option(help: "Blood in the synthetic slice: any, none, or subtypes such as subdural.")
  var hemorrhage: String = "any"

  @Option(help: "Window: brain, subdural, stroke, bone, or CENTRE/WIDTH in HU (40/80).")
  var window: String = "brain"

  @Flag(name: .customLong("colour-coding"), help: "Acute blood (50–90 HU) in red.")
  var colourCoding = false

  @Flag(help: "Outline the blood (synthetic slices only: they know where it is).")
  var mask = false

  @Option(help: "Width in cells (default: as much of the terminal as fits).")
  var width: Int?

  @Option(help: "Height in cells (default: the terminal's height minus two lines).")
  var height: Int?

  @Option(help: "auto, kitty, sixel, iterm, symbols or blocks.")
  var graphics: String = "auto"

  @Flag(help: "Print no caption line above each image.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "Instead of printing, time N renders of each image at its size in every mode and print the medians.",
      valueName: "N"))
  var benchmark: Int?

  func validate() throws {
    if files.isEmpty && phantom == nil {
      throw ValidationError("name at least one image file, or --phantom SEED")
    }
    if graphics.lowercased() != "auto" && GraphicsMode(name: graphics) == nil {
      throw ValidationError(
        "unknown --graphics '\(graphics)': use auto, kitty, sixel, iterm, symbols or blocks")
    }
    if let width, !(1...1000).contains(width) { throw ValidationError("--width must be 1…1000") }
    if let height, !(1...1000).contains(height) { throw ValidationError("--height must be 1…1000") }
    _ = try parsedWindow()
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let traits = ImagePrinter.terminalTraits(environment)
    let tty = isatty(1) == 1
    let size = tty ? TerminalProbe.windowSize(fd: 1) : nil
    var mode = GraphicsMode(name: graphics)
    var cell = size?.cell
    if mode == nil || cell == nil {
      let answers = tty ? TerminalProbe.ask(fd: 1) : nil
      cell = cell ?? answers?.cellSize
      mode = mode ?? TerminalAnswers.decide(answers: answers, environment: environment)
    }
    let printer = ImagePrinter(
      mode: mode ?? .symbols, depth: traits.depth, trueColour: traits.trueColour,
      unicode: traits.unicode, cellSize: cell ?? Size(width: 10, height: 20))
    let screen = size?.cells ?? Size(width: 80, height: 24)
    let window = try parsedWindow()
    let preprocessing = Preprocessing(
      window: window, colourCoding: colourCoding ? .acuteBlood : nil)
    var failures = 0
    var items: [(String, () throws(HemoError) -> Sample)] = []
    if let phantom {
      let request = try hemorrhageRequest()
      items.append(
        (
          "phantom seed \(phantom)",
          { PhantomGenerator(seed: phantom).slice(index: 0, hemorrhage: request).sample(label: 0) }
        ))
    }
    for file in files { items.append((file, { () throws(HemoError) in try Self.load(file) })) }
    for (name, load) in items {
      do {
        let sample = try load()
        if mask && sample.bloodMask == nil {
          FileHandle.standardError.write(
            Data("hemolab: \(name): --mask: only synthetic slices know where the blood is\n".utf8))
        }
        let image = preprocessing.display(sample.pixels)
        let fit = ImageFit.cells(
          imageWidth: image.width, imageHeight: image.height,
          maxColumns: width ?? (height == nil ? screen.width : nil),
          maxRows: height ?? (width == nil ? max(4, screen.height - 2) : nil),
          cell: printer.cellSize)
        if let benchmark {
          print(
            ShowBenchmark.run(
              name: name, image: image, size: fit,
              cell: printer.cellSize, depth: traits.depth, count: benchmark))
          continue
        }
        var bytes =
          quiet ? "" : caption(name, sample: sample, window: window, printer: printer) + "\n"
        bytes += printer.render(
          image, mask: mask ? sample.bloodMask : nil, columns: fit.width, rows: fit.height)
        FileHandle.standardOutput.write(Data(bytes.utf8))
      } catch {
        failures += 1
        FileHandle.standardError.write(Data("hemolab: \(error)\n".utf8))
      }
    }
    if failures > 0 { throw ExitCode.failure }
  }

  private func caption(_ name: String, sample: Sample, window: Window, printer: ImagePrinter)
    -> String
  {
    var parts = [name]
    if case .hounsfield = sample.pixels {
      parts.append(window.label + (colourCoding ? ", colour-coded" : ""))
    }
    if let labels = sample.hemorrhage {
      parts.append(
        labels.any
          ? "hemorrhage: \(labels.subtypes.map(\.rawValue).sorted().joined(separator: ", "))"
          : "normal")
    }
    parts.append(printer.mode.description)
    return parts.joined(separator: " · ")
  }

  /// The sample of one image file, recognised by its content.
  static func load(_ file: String) throws(HemoError) -> Sample {
    let url = URL(fileURLWithPath: file)
    let data = try DICOMReader.loadBytes(url)
    let kind = FileKind.sniff(data)
    if let refusal = kind.refusal(command: "show", file: file) { throw refusal }
    let pixels: SamplePixels =
      kind == .dicom
      ? .hounsfield(try DICOMReader.read(data, file: file).hu)
      : .picture(try ImageCodec.decodePicture(data, file: file).rgb)
    return Sample(pixels: pixels, label: 0, source: file)
  }

  private func parsedWindow() throws -> Window {
    if let preset = Window.preset(named: window) { return preset }
    let parts = window.split(separator: "/").map { Float($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let centre = parts[0], let width = parts[1], width > 0 else {
      throw ValidationError(
        "unknown --window '\(window)': use brain, subdural, stroke, bone or CENTRE/WIDTH such as 40/80"
      )
    }
    return Window(name: "custom", width: width, level: centre)
  }

  private func hemorrhageRequest() throws -> HemorrhageRequest {
    try HemorrhageOption.request(hemorrhage, keywords: "any, none")
  }
}
