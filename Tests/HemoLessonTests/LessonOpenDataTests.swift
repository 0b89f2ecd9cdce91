import Foundation
import HemoCore
import HemoTestSupport
import Testing

@testable import HemoLesson

/// Opening the learner's own images in the lesson (`o`): class folders made here, a course .tm
/// project when ../shared/data is present, bad paths, and the way back to built-in data.
@Suite struct LessonOpenDataTests {
  /// `Bleed/` and `Clear/` with `perClass` small PNGs each (a bright blob marks Bleed).
  func classFolders(perClass: Int = 4) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-open-\(UUID())")
    for (c, name) in ["Bleed", "Clear"].enumerated() {
      let folder = root.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for i in 0..<perClass {
        var image = RGBImage(width: 32, height: 32)
        for p in 0..<(32 * 32) {
          let bright = c == 0 && p % 32 > 10 && p % 32 < 18 && p / 32 > 10 && p / 32 < 18
          let v = UInt8(bright ? 230 : 60 + i * 10)
          image.pixels[p * 3] = v
          image.pixels[p * 3 + 1] = v
          image.pixels[p * 3 + 2] = v
        }
        try ImageCodec.encodePNG(image).write(to: folder.appendingPathComponent("\(i).png"))
      }
    }
    return root
  }

  @Test func classFoldersBecomeEveryExperimentsDataAndBuiltInComesBack() throws {
    let root = try classFolders()
    defer { try? FileManager.default.removeItem(at: root) }
    let controller = try LessonController.builtIn(threads: 1)
    controller.openData(at: root.path, first: 4)
    #expect(controller.wait { controller.dataOpening?.isFinished == true })
    let opening = try #require(controller.dataOpening)
    #expect(opening.error == nil)
    #expect(opening.name == root.lastPathComponent)
    #expect(opening.used.first == 4 && Set(opening.used) == [1, 2, 3, 4, 5])
    #expect(opening.isInUse)
    let four = try #require(controller.slot(4))
    #expect(four.experiment.classes.map(\.name) == ["Bleed", "Clear"])
    #expect(four.experiment.classes.map(\.count) == [4, 4])
    #expect(four.data?.dataset.count == 8)
    #expect(four.dataDescription.contains("class folders"))
    // Training uses it.
    controller.setOverrides(TrainingOverrides(epochs: 1), for: 4)
    controller.train(4)
    #expect(controller.wait { controller.slot(4)?.result != nil })
    #expect(controller.slot(4)?.result?.classes.map(\.name) == ["Bleed", "Clear"])
    controller.useBuiltInData()
    #expect(controller.dataOpening == nil)
    let back = try #require(controller.slot(4))
    let builtIn = try #require(try ExperimentCatalog.builtIn().experiment(id: 4))
    #expect(back.experiment == builtIn && back.data == nil && back.run == nil)
    #expect(back.results.count == 1)
  }

  @Test func badPathsSayWhichFileAndWhatIsWrongAndChangeNothing() throws {
    let controller = try LessonController.builtIn(threads: 1)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-open-\(UUID()).txt")
    try Data("not images".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-open-\(UUID()).tm")
    try Data().write(to: empty)
    defer { try? FileManager.default.removeItem(at: empty) }
    let cases: [(String, String)] = [
      ("/no/such/place.tm", "no such file or folder"),
      (file.path, "is not a Teachable Machine project"),
      (empty.path, empty.lastPathComponent),
    ]
    for (path, problem) in cases {
      controller.openData(at: path, first: 1)
      #expect(controller.wait { controller.dataOpening?.isFinished == true })
      let error = try #require(controller.dataOpening?.error)
      #expect(error.contains(problem), "\(error)")
      #expect(!error.contains("\n"))
      #expect(controller.dataOpening?.isInUse == false)
      #expect(controller.slot(1)?.experiment.classes.map(\.name) == ["Hemorrhage", "Normal"])
    }
  }

  @Test func aFailedSecondOpeningKeepsTheDataInUse() throws {
    let root = try classFolders(perClass: 2)
    defer { try? FileManager.default.removeItem(at: root) }
    let controller = try LessonController.builtIn(threads: 1)
    controller.openData(at: root.path, first: nil)
    #expect(controller.wait { controller.dataOpening?.isFinished == true })
    controller.openData(at: "/no/such/folder", first: nil)
    #expect(controller.wait { controller.dataOpening?.error != nil })
    #expect(controller.dataOpening?.isInUse == true)
    #expect(controller.dataOpening?.name == root.lastPathComponent)
    #expect(controller.slot(2)?.experiment.classes.map(\.name) == ["Bleed", "Clear"])
  }

  /// The 32 real slices linked (never copied) into `stage_2_train/`, with a CSV we write: the
  /// first 16 normal, the next 10 subdural, the last 6 intraparenchymal.
  func rsnaFolder() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-open-rsna-\(UUID())")
    let images = root.appendingPathComponent("stage_2_train")
    try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
    var csv = "ID,Label\n"
    for (position, file) in SharedData.rsnaDICOMFiles.enumerated() {
      let id = file.deletingPathExtension().lastPathComponent
      try FileManager.default.createSymbolicLink(
        at: images.appendingPathComponent(file.lastPathComponent), withDestinationURL: file)
      let subtype = position < 16 ? nil : position < 26 ? "subdural" : "intraparenchymal"
      for name in ["epidural", "intraparenchymal", "intraventricular", "subarachnoid", "subdural"] {
        csv += "\(id)_\(name),\(name == subtype ? 1 : 0)\n"
      }
      csv += "\(id)_any,\(subtype == nil ? 0 : 1)\n"
    }
    try Data(csv.utf8).write(to: root.appendingPathComponent("stage_2_train.csv"))
    return root
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func anRSNAFolderIsSampledForEachExperimentFromOneIndex() throws {
    let root = try rsnaFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let controller = try LessonController.builtIn(threads: 1)
    controller.openData(at: root.path, first: 1)
    #expect(controller.wait { controller.dataOpening?.isFinished == true })
    let opening = try #require(controller.dataOpening)
    #expect(opening.error == nil)
    #expect(Set(opening.used).union(opening.skipped.keys) == [1, 2, 3, 4, 5])
    let one = try #require(controller.slot(1))
    #expect(one.experiment.classes.map(\.name) == ["Hemorrhage", "Normal"])
    // 30 of each were asked for; the folder has 16 hemorrhages and 16 normals.
    #expect(one.experiment.classes.map(\.count) == [16, 16])
    #expect(one.dataDescription.contains("RSNA folder"))
    let four = try #require(controller.slot(4))
    #expect(four.experiment.classes.map(\.count) == [16, 10, 6])
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func theCoursesProjectTrainsInTheLesson() throws {
    let project = SharedData.url("spotlight-tm").appendingPathComponent("experiment1.tm")
    let controller = try LessonController.builtIn(threads: 1)
    controller.openData(at: project.path, first: 1)
    #expect(controller.wait { controller.dataOpening?.isFinished == true })
    #expect(controller.dataOpening?.error == nil)
    let slot = try #require(controller.slot(1))
    #expect(slot.experiment.classes.map(\.count) == [30, 30])
    #expect(slot.dataDescription.contains("experiment1.tm"))
  }
}
