import ArgumentParser
import Foundation
import HemoCore
import HemoLesson

/// `hemolab export`: an experiment's images as class folders.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write an experiment's images as class folders (PNG, JPEG or DICOM).",
    discussion: """
      PNG and JPEG are 224×224 RGB, as Teachable Machine expects, shown the way the experiment \
      prepares them (brain window; colour-coded for experiment 5). DICOM files are CT Image \
      Storage in Hounsfield units (RescaleIntercept −1024), readable by pydicom and dcmtk. The \
      output folder must be empty or new, unless you add --force.

      Examples:
        hemolab export --experiment 1 --out ~/hemolab-exp1
        hemolab export --experiment 5 --out exp5-dicom --format dicom
      """
  )

  @Option(help: "Experiment number (1–5).")
  var experiment: Int

  @Option(help: "Output folder (created; must be empty unless --force).")
  var out: String

  @Option(help: "png, jpeg or dicom.")
  var format: String = "png"

  @Flag(help: "Write into a non-empty folder (files of the same name are replaced).")
  var force = false

  func run() throws {
    guard
      let format = ExperimentExporter.Format(rawValue: format.lowercased())
        ?? (format.lowercased() == "jpg" ? .jpeg : nil)
    else {
      throw ValidationError("--format must be png, jpeg or dicom")
    }
    let catalog = try ExperimentCatalog.builtIn()
    guard let definition = catalog.experiment(id: experiment) else {
      throw ValidationError(
        "no experiment \(experiment); choose one of \(catalog.experiments.map { String($0.id) }.joined(separator: ", "))"
      )
    }
    let folder = URL(fileURLWithPath: out)
    try ExperimentExporter.prepare(folder: folder, force: force)
    let progress = ProgressLine(title: "Export")
    let data = ExperimentData.synthetic(definition) {
      progress.show("generating images", fraction: $0)
    }
    let series = DICOMWriteMetadata()
    let written = try ExperimentExporter.export(
      data, to: folder, format: format,
      writeDICOM: { slice, url, index in
        var metadata = DICOMWriteMetadata()
        metadata.studyInstanceUID = series.studyInstanceUID
        metadata.seriesInstanceUID = series.seriesInstanceUID
        metadata.instanceNumber = index + 1
        metadata.seriesDescription = "HemoLab experiment \(definition.id): \(definition.title)"
        metadata.pixelSpacing = slice.pixelSpacing.map { [$0.row, $0.column] }
        try DICOMWriter.write(slice, to: url, metadata: metadata, overwrite: force)
      },
      progress: { progress.show("writing files", fraction: $0) })
    progress.clear()
    let classes = zip(data.classNames, data.dataset.classCounts).map { "\($0) \($1)" }.joined(
      separator: ", ")
    print("Wrote \(written) \(format.rawValue.uppercased()) files to \(out) (\(classes)).")
  }
}
