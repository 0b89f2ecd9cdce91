import Foundation

/// libFuzzer entry point: any bytes must give a decoded slice or a HemoError, never a trap, a
/// hang or a huge allocation (AddressSanitizer and libFuzzer's -rss_limit_mb watch for those).
@_cdecl("LLVMFuzzerTestOneInput")
public func dicomFuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = start.map { Data(bytes: $0, count: count) } ?? Data()
  if let image = try? DICOMReader.read(data, file: "fuzz") {
    // A decoded slice is consistent with its header.
    precondition(image.hu.pixels.count == image.info.rows * image.info.columns)
    precondition(image.info.rows <= DICOMReader.maxDimension)
  }
  _ = try? DICOMReader.readInfo(data, file: "fuzz")
  return 0
}
