import Foundation
import HemoTestSupport
import Testing

@testable import HemoCore

@Suite struct ClassFolderSourceTests {
  /// Bleed/ (2 colour JPEGs, an empty file, a broken PNG, a folder named like an image),
  /// Normal/ (3 grey PNGs, a text file), Empty/ (nothing), a stray file at the top.
  static func makeFolder() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    for index in 0..<3 {
      let png = try ImageCodec.encodePNG(
        [UInt8](repeating: UInt8(40 * index), count: 8 * 6), width: 8, height: 6, channels: 1)
      _ = try folder.write(png, "Normal/n\(index).png")
    }
    _ = try folder.write(Data("notes".utf8), "Normal/readme.txt")
    var red = [UInt8](repeating: 0, count: 16 * 16 * 3)
    for pixel in 0..<(16 * 16) { red[pixel * 3] = 220 }
    _ = try folder.write(
      try ImageCodec.encodeJPEG(red, width: 16, height: 16, channels: 3, quality: 95),
      "Bleed/b1.jpg")
    _ = try folder.write(
      try ImageCodec.encodeJPEG(red, width: 16, height: 16, channels: 3, quality: 95),
      "Bleed/b2.JPEG")
    _ = try folder.write(Data(), "Bleed/zero.png")
    _ = try folder.write(Data("not a png".utf8), "Bleed/broken.png")
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("Bleed/dir.png"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("Empty"), withIntermediateDirectories: true)
    _ = try folder.write(Data("x".utf8), "stray.png")
    return folder
  }

  @Test func scanListsClassesAndNamesProblems() throws {
    let folder = try Self.makeFolder()
    #expect(try DataFolder.detect(folder.url) == .classFolders(folder.url))
    let listing = try ClassFolderSource.scan(folder.url)
    #expect(listing.classNames == ["Bleed", "Normal"])
    #expect(listing.counts == [3, 3])
    #expect(listing.ignoredFiles == 2)
    let lines = listing.problems.map(\.description)
    #expect(lines.count == 3)
    #expect(lines.contains("\(folder.url.path)/Bleed/zero.png: file is empty (0 bytes)"))
    #expect(lines.contains("\(folder.url.path)/Bleed/dir.png: is a folder, not a file"))
    #expect(
      lines.contains("\(folder.url.path)/Empty: class folder has no readable images, left out"))
  }

  @Test func loadDecodesKeepsColourAndSkipsBrokenFiles() throws {
    let folder = try Self.makeFolder()
    let listing = try ClassFolderSource.scan(folder.url)
    var last: DataSourceProgress?
    let result = ClassFolderSource.load(listing) { last = $0 }
    #expect(result.samples.classNames == ["Bleed", "Normal"])
    #expect(result.samples.classCounts == [2, 3])
    #expect(last == DataSourceProgress(stage: "decoding images", done: 5, total: 6))
    #expect(result.problems.contains { $0.file == "\(folder.url.path)/Bleed/broken.png" })
    guard case .picture(let bleed) = result.samples.samples[0].pixels else {
      Issue.record("not a picture")
      return
    }
    let pixel = bleed[8, 8]
    #expect(pixel.r > 200 && pixel.g < 20 && pixel.b < 20)
    guard case .picture(let normal) = result.samples.samples[4].pixels else {
      Issue.record("not a picture")
      return
    }
    #expect(normal.width == 8 && normal.height == 6 && normal[3, 3] == (80, 80, 80))
  }

  @Test func perClassSamplingIsSeeded() throws {
    let folder = try Self.makeFolder()
    let listing = try ClassFolderSource.scan(folder.url)
    let a = ClassFolderSource.load(listing, perClass: 2, seed: 9)
    let b = ClassFolderSource.load(listing, perClass: 2, seed: 9)
    #expect(a.samples.classCounts == [2, 2])
    #expect(a.samples.samples.map(\.source) == b.samples.samples.map(\.source))
    let sources = (0..<12).map {
      ClassFolderSource.load(listing, perClass: 1, seed: UInt64($0)).samples.samples.last!.source
    }
    #expect(Set(sources).count > 1)
  }

  @Test func folderWithoutClassesFails() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write(Data("x".utf8), "loose.png")
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("Nothing"), withIntermediateDirectories: true)
    let error = #expect(throws: HemoError.self) { try ClassFolderSource.scan(folder.url) }
    #expect(
      error?.description.hasPrefix("\(folder.url.path): no class folders with images found") == true
    )
    let file = try folder.write(Data("x".utf8), "file.txt")
    #expect(throws: HemoError(file: file.path, "is a file, not a folder")) {
      try ClassFolderSource.scan(file)
    }
    #expect(throws: HemoError.self) { try DataFolder.detect(file) }
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
  func dicomClassFolderUsesTheDICOMHook() throws {
    let folder = try TemporaryFolder()
    let classFolder = folder.url.appendingPathComponent("Slices")
    try FileManager.default.createDirectory(at: classFolder, withIntermediateDirectories: true)
    for file in SharedData.rsnaDICOMFiles.prefix(3) {
      try FileManager.default.createSymbolicLink(
        at: classFolder.appendingPathComponent(file.lastPathComponent), withDestinationURL: file)
    }
    let listing = try ClassFolderSource.scan(folder.url)
    #expect(listing.counts == [3])
    let result = ClassFolderSource.load(listing, decodeDICOM: byteCountDecoder)
    #expect(result.samples.classCounts == [3])
    guard case .hounsfield(let image) = result.samples.samples[0].pixels else {
      Issue.record("not HU")
      return
    }
    #expect(image.pixels == [Float(524_982)])
    let real = ClassFolderSource.load(listing)
    #expect(real.samples.classCounts == [3])
    #expect(real.problems.isEmpty)
  }

  @Test(.enabled(if: getuid() != 0, "skipped: running as root, which ignores file permissions"))
  func unreadableImageIsNamed() throws {
    let folder = try Self.makeFolder()
    let locked = folder.url.appendingPathComponent("Normal/n0.png")
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
    let listing = try ClassFolderSource.scan(folder.url)
    #expect(listing.counts == [3, 2])
    #expect(
      listing.problems.contains(HemoError(file: locked.path, "cannot be read (permission denied)")))
  }
}

@Suite struct ClassFolderDecodeTests {
  @Test func dicomIsRecognisedByItsBytesWhateverTheName() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hemolab-decode-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let slice = HUImage(width: 4, height: 2, pixels: [-1000, 0, 40, 80, 1000, 30, 25, -50])
    let file = folder.appendingPathComponent("slice.img")
    try DICOMWriter.encode(slice, metadata: DICOMWriteMetadata()).write(to: file)
    guard case .hounsfield(let read) = try ClassFolderSource.decode(file) else {
      Issue.record("a DICOM file named .img was not read as Hounsfield units")
      return
    }
    #expect(read.pixels == slice.pixels)
    let png = folder.appendingPathComponent("picture.img")
    try ImageCodec.encodePNG([UInt8](repeating: 7, count: 12), width: 2, height: 2, channels: 3)
      .write(to: png)
    guard case .picture = try ClassFolderSource.decode(png) else {
      Issue.record("a PNG named .img was not read as a picture")
      return
    }
  }
}
