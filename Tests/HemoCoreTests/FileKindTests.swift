import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

@Suite struct FileKindTests {
  @Test func imagesAreRecognisedByTheirSignatures() throws {
    let png = try ImageCodec.encodePNG(RGBImage(width: 2, height: 2))
    let jpeg = try ImageCodec.encodeJPEG(RGBImage(width: 8, height: 8))
    #expect(FileKind.sniff(png) == .png)
    #expect(FileKind.sniff(jpeg) == .jpeg)
    var dicom = Data(count: 128)
    dicom += Data("DICM".utf8) + Data(count: 64)
    #expect(FileKind.sniff(dicom) == .dicom)
    #expect(FileKind.sniff(dicom).isImage)
  }

  @Test func zipsAndModelsAreNamedWithTheCommandThatOpensThem() throws {
    var zip = Data([0x50, 0x4B, 0x03, 0x04]) + Data(count: 26)
    zip += Data("manifest.json".utf8)
    #expect(FileKind.sniff(zip) == .zip(teachableMachine: true))
    let refusal = try #require(FileKind.sniff(zip).refusal(command: "info", file: "e1.tm"))
    #expect(refusal.description.contains("Teachable Machine project"))
    #expect(refusal.description.contains("hemolab open e1.tm"))
    let other = Data([0x50, 0x4B, 0x03, 0x04]) + Data("photo.jpg".utf8) + Data(count: 40)
    #expect(FileKind.sniff(other) == .zip(teachableMachine: false))
    let header = Data("{\"w\":{\"dtype\":\"F32\"}}".utf8)
    var model = Data((0..<8).map { UInt8(truncatingIfNeeded: header.count >> ($0 * 8)) })
    model += header
    #expect(FileKind.sniff(model) == .model)
    #expect(FileKind.sniff(Data("hello\n".utf8)) == .other("a text file"))
    #expect(FileKind.sniff(Data([0x00, 0xFF, 0x13, 0x80, 0x01])) == .unknown)
    #expect(FileKind.sniff(Data("GIF89a".utf8) + Data(count: 10)) == .other("a GIF image"))
  }

  @Test func infoRefusesAZipWithOneMessage() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "filekind-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("project.tm")
    var zip = Data([0x50, 0x4B, 0x03, 0x04]) + Data(count: 26)
    zip += Data("manifest.json".utf8) + Data(count: 200)
    try zip.write(to: file)
    #expect {
      _ = try DICOMInfoReport.describe(file)
    } throws: { error in
      "\(error)".contains("is a Teachable Machine project, not an image")
    }
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func courseProjectsAreTeachableMachineProjects() throws {
    let url = SharedData.url("spotlight-tm/experiment1.tm")
    let data = try Data(contentsOf: url)
    #expect(FileKind.sniff(data) == .zip(teachableMachine: true))
    for dcm in SharedData.rsnaDICOMFiles.prefix(3) {
      #expect(FileKind.sniff(try Data(contentsOf: dcm)) == .dicom)
    }
  }
}
