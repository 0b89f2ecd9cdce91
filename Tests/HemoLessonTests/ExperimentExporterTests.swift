import Foundation
import HemoCore
import Testing

@testable import HemoLesson

@Suite struct ExperimentExporterTests {
  func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("hemolab-export-\(UUID())")
  }

  /// Experiment 1 shrunk to 3 images per class, for speed.
  func smallExperiment() throws -> ExperimentDefinition {
    var experiment = try #require(try ExperimentCatalog.builtIn().experiment(id: 1))
    for index in experiment.classes.indices { experiment.classes[index].count = 3 }
    return experiment
  }

  @Test func writesClassFoldersOfTeachableMachineSizedPictures() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = ExperimentData.synthetic(try smallExperiment())
    try ExperimentExporter.prepare(folder: folder, force: false)
    let written = try ExperimentExporter.export(data, to: folder, format: .png)
    #expect(written == 6)
    let classes = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(classes == ["Hemorrhage", "Normal"])
    let file = folder.appendingPathComponent("Normal/0002.png")
    let picture = try ImageCodec.decodePNG(try Data(contentsOf: file))
    #expect(picture.width == 224 && picture.height == 224 && picture.channels == 3)
    // The picture is the brain-window display of the same slice the experiment trains on.
    let expected = data.preprocessing.display(data.sample(5).pixels).resized(
      width: 224, height: 224)
    #expect(picture.pixels == expected.pixels)
  }

  @Test func refusesANonEmptyFolderUnlessForced() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let mine = folder.appendingPathComponent("notes.txt")
    try Data("mine".utf8).write(to: mine)
    #expect(throws: HemoError.self) { try ExperimentExporter.prepare(folder: folder, force: false) }
    try ExperimentExporter.prepare(folder: folder, force: true)
    #expect(try String(contentsOf: mine, encoding: .utf8) == "mine")
    let file = folder.appendingPathComponent("file")
    try Data().write(to: file)
    #expect(throws: HemoError.self) { try ExperimentExporter.prepare(folder: file, force: true) }
  }

  @Test func dicomGoesThroughTheWriterWithHounsfieldSlices() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = ExperimentData.synthetic(try smallExperiment())
    try ExperimentExporter.prepare(folder: folder, force: false)
    var slices: [Int] = []
    _ = try ExperimentExporter.export(data, to: folder, format: .dicom) { slice, url, index in
      try DICOMWriter.write(slice, to: url, metadata: DICOMWriteMetadata())
      slices.append(index)
    }
    #expect(slices == Array(0..<6))
    let read = try DICOMReader.read(folder.appendingPathComponent("Hemorrhage/0000.dcm"))
    guard case .hounsfield(let original) = data.sample(0).pixels else {
      Issue.record("synthetic samples are HU slices")
      return
    }
    #expect(read.hu.pixels == original.pixels.map { $0.rounded() })
  }
}
