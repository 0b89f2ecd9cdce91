/// The checked description of a slice's pixel data (Image Pixel module, PS3.3 C.7.6.3) and its
/// decoding to Hounsfield units.
struct DICOMPixelLayout {
  let info: DICOMInfo
  let pixelData: DICOMElement
  /// 8-bit samples stored in OW under big endian come byte-swapped in pairs.
  let swapPairs: Bool

  enum Tag {
    static let sopClassUID: UInt32 = 0x0008_0016
    static let sopInstanceUID: UInt32 = 0x0008_0018
    static let modality: UInt32 = 0x0008_0060
    static let sliceThickness: UInt32 = 0x0018_0050
    static let studyInstanceUID: UInt32 = 0x0020_000D
    static let seriesInstanceUID: UInt32 = 0x0020_000E
    static let imagePositionPatient: UInt32 = 0x0020_0032
    static let samplesPerPixel: UInt32 = 0x0028_0002
    static let photometric: UInt32 = 0x0028_0004
    static let numberOfFrames: UInt32 = 0x0028_0008
    static let rows: UInt32 = 0x0028_0010
    static let columns: UInt32 = 0x0028_0011
    static let pixelSpacing: UInt32 = 0x0028_0030
    static let bitsAllocated: UInt32 = 0x0028_0100
    static let bitsStored: UInt32 = 0x0028_0101
    static let highBit: UInt32 = 0x0028_0102
    static let pixelRepresentation: UInt32 = 0x0028_0103
    static let pixelPaddingValue: UInt32 = 0x0028_0120
    static let windowCenter: UInt32 = 0x0028_1050
    static let windowWidth: UInt32 = 0x0028_1051
    static let rescaleIntercept: UInt32 = 0x0028_1052
    static let rescaleSlope: UInt32 = 0x0028_1053
    static let floatPixelData: UInt32 = 0x7FE0_0008
    static let doublePixelData: UInt32 = 0x7FE0_0009
    static let pixelData: UInt32 = 0x7FE0_0010
  }

  init(header: DICOMHeader, file: String) throws(HemoError) {
    let set = header.dataSet
    func fail(_ problem: String, advice: String? = nil) -> HemoError {
      HemoError(file: file, problem, advice: advice)
    }
    guard let pixels = set.elements[Tag.pixelData] else {
      if set.elements[Tag.floatPixelData] != nil || set.elements[Tag.doublePixelData] != nil {
        throw fail("unsupported: floating-point pixel data")
      }
      throw fail("no pixel data: this DICOM file holds no image")
    }
    guard !pixels.undefinedLength else {
      throw fail(
        "unsupported: encapsulated (compressed) pixel data in \(header.syntax.name)",
        advice: "HemoLab reads uncompressed DICOM; convert it first, e.g. `gdcmconv --raw`")
    }
    let samples = set.uint16(Tag.samplesPerPixel) ?? 1
    let photometric =
      set.string(Tag.photometric).map { $0.isEmpty ? "MONOCHROME2" : $0 }
      ?? "MONOCHROME2"
    guard samples == 1, photometric == "MONOCHROME1" || photometric == "MONOCHROME2" else {
      throw fail(
        "unsupported: colour DICOM (\(photometric), \(samples) sample\(samples == 1 ? "" : "s") "
          + "per pixel)", advice: "HemoLab reads monochrome CT slices")
    }
    guard let rows = set.uint16(Tag.rows), let columns = set.uint16(Tag.columns) else {
      throw fail("Rows or Columns is missing: the image size is unknown")
    }
    let limit = DICOMReader.maxDimension
    guard rows > 0, columns > 0, rows <= limit, columns <= limit else {
      throw fail("image size \(columns)×\(rows) is outside 1…\(limit) pixels per side")
    }
    guard let allocated = set.uint16(Tag.bitsAllocated) else {
      throw fail("BitsAllocated is missing")
    }
    guard allocated == 8 || allocated == 16 else {
      throw fail("unsupported: \(allocated)-bit pixels (HemoLab reads 8 and 16 bits allocated)")
    }
    let stored = set.uint16(Tag.bitsStored) ?? allocated
    guard stored >= 1, stored <= allocated else {
      throw fail("BitsStored \(stored) does not fit BitsAllocated \(allocated)")
    }
    let highBit = set.uint16(Tag.highBit) ?? (stored - 1)
    guard highBit >= stored - 1, highBit < allocated else {
      throw fail("HighBit \(highBit) does not fit BitsStored \(stored) in \(allocated) bits")
    }
    let representation = set.uint16(Tag.pixelRepresentation) ?? 0
    guard representation <= 1 else {
      throw fail("PixelRepresentation \(representation) is neither 0 nor 1")
    }
    let slope = try Self.firstDecimal(set, Tag.rescaleSlope, name: "RescaleSlope", file) ?? 1
    let intercept =
      try Self.firstDecimal(set, Tag.rescaleIntercept, name: "RescaleIntercept", file) ?? 0
    let frameBytes = rows * columns * (allocated / 8)
    guard pixels.length >= frameBytes else {
      throw fail(
        "pixel data holds \(pixels.length) bytes; a \(columns)×\(rows) \(allocated)-bit image "
          + "needs \(frameBytes)", advice: "the file may be incomplete")
    }
    let frames =
      set.decimals(Tag.numberOfFrames)?.first.map { $0 >= 1 && $0 < 1e9 ? Int($0) : 1 } ?? 1
    let modality = set.string(Tag.modality)
    let wrap = stored == 12 && representation == 0 && intercept > -100 && modality == "CT"
    let spacing = set.decimals(Tag.pixelSpacing)

    info = DICOMInfo(
      transferSyntaxUID: header.syntax.uid, transferSyntaxName: header.syntax.name,
      transferSyntaxInferred: header.syntaxInferred, hasPreamble: header.hasPreamble,
      hasFileMeta: header.hasFileMeta,
      sopClassUID: set.string(Tag.sopClassUID) ?? header.mediaStorageSOPClassUID,
      sopInstanceUID: set.string(Tag.sopInstanceUID),
      studyInstanceUID: set.string(Tag.studyInstanceUID),
      seriesInstanceUID: set.string(Tag.seriesInstanceUID), modality: modality,
      rows: rows, columns: columns, numberOfFrames: max(1, frames), samplesPerPixel: samples,
      bitsAllocated: allocated, bitsStored: stored, highBit: highBit,
      pixelRepresentation: representation, photometricInterpretation: photometric,
      rescaleSlope: slope, rescaleIntercept: intercept, appliedIntercept: wrap ? -1000 : intercept,
      rsnaWrapCorrected: wrap, windowCenters: set.decimals(Tag.windowCenter) ?? [],
      windowWidths: set.decimals(Tag.windowWidth) ?? [],
      pixelSpacing: spacing.flatMap { $0.count >= 2 ? Array($0.prefix(2)) : nil },
      imagePositionPatient: set.decimals(Tag.imagePositionPatient).flatMap {
        $0.count >= 3 ? Array($0.prefix(3)) : nil
      },
      sliceThickness: set.decimals(Tag.sliceThickness)?.first,
      pixelPaddingValue: representation == 1
        ? set.int16(Tag.pixelPaddingValue) : set.uint16(Tag.pixelPaddingValue),
      elementCount: set.elementCount, privateElementCount: set.privateElementCount)
    pixelData = pixels
    swapPairs = !set.littleEndian && allocated == 8 && pixels.vr == DICOMParser.vrCode("OW")
  }

  /// The first value of a DS element; nil when absent or empty, an error when it is not a number.
  static func firstDecimal(_ set: DICOMDataSet, _ tag: UInt32, name: String, _ file: String)
    throws(HemoError) -> Double?
  {
    guard let text = set.string(tag), !text.isEmpty else { return nil }
    let first = String(text.split(separator: "\\", omittingEmptySubsequences: false).first ?? "")
    guard let value = DICOMBytes.decimals(first).first else {
      throw HemoError(file: file, "\(name) \"\(text.prefix(40))\" is not a number")
    }
    return value
  }

  /// Decodes the first frame to HU: mask to BitsStored below HighBit, sign-extend, invert
  /// MONOCHROME1, unwrap the RSNA quirk, then stored × slope + intercept.
  func decode(_ set: DICOMDataSet) -> HUImage {
    let count = info.rows * info.columns
    let bytesPerSample = info.bitsAllocated / 8
    let shift = info.highBit + 1 - info.bitsStored
    let mask = (1 << info.bitsStored) - 1
    let signBit = 1 << (info.bitsStored - 1)
    let range = 1 << info.bitsStored
    let signed = info.isSigned
    let invert = info.isInverted
    let wrap = info.rsnaWrapCorrected
    let slope = info.rescaleSlope
    let intercept = info.appliedIntercept
    let little = set.littleEndian
    let start = pixelData.offset
    let swap = swapPairs
    let available = pixelData.length
    let pixels = set.bytes.withUnsafeBufferPointer { bytes in
      [Float](unsafeUninitializedCapacity: count) { buffer, initialised in
        for index in 0..<count {
          var raw: Int
          if bytesPerSample == 1 {
            // An odd-length OW (invalid) keeps its last byte in place.
            let source = swap && index ^ 1 < available ? index ^ 1 : index
            raw = Int(bytes[start + source])
          } else {
            let a = Int(bytes[start + 2 * index])
            let b = Int(bytes[start + 2 * index + 1])
            raw = little ? a | b << 8 : a << 8 | b
          }
          var value = (raw &>> shift) & mask
          if signed && value & signBit != 0 { value -= range }
          if invert { value = signed ? -1 - value : mask - value }
          if wrap {
            value += 1000
            if value >= 4096 { value -= 4096 }
          }
          buffer[index] = Float(Double(value) * slope + intercept)
        }
        initialised = count
      }
    }
    let spacing = info.pixelSpacing.map { (row: $0[0], column: $0[1]) }
    return HUImage(width: info.columns, height: info.rows, pixels: pixels, pixelSpacing: spacing)
  }
}
