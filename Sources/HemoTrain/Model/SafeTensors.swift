import Foundation
import HemoCore

/// The safetensors file layout (as the Hugging Face `safetensors` package reads it): an 8-byte
/// little-endian header length, a JSON header naming each tensor's dtype, shape and byte range
/// (plus a `__metadata__` map of strings), padded with spaces to 8 bytes, then the raw
/// little-endian data. Only F32 tensors are written or accepted.
enum SafeTensors {
  struct Tensor {
    var shape: [Int]
    var values: [Float]
  }

  static let maximumHeader = 16 << 20

  static func encode(tensors: [(name: String, tensor: Tensor)], metadata: [String: String]) -> Data
  {
    var header: [String: Any] = ["__metadata__": metadata]
    var offset = 0
    for (name, tensor) in tensors {
      let bytes = tensor.values.count * 4
      header[name] = [
        "dtype": "F32", "shape": tensor.shape, "data_offsets": [offset, offset + bytes],
      ]
      offset += bytes
    }
    var json = try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
    while json.count % 8 != 0 { json.append(0x20) }
    var data = Data(capacity: 8 + json.count + offset)
    withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
    data.append(json)
    for (_, tensor) in tensors {
      for value in tensor.values {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
      }
    }
    return data
  }

  static func decode(_ data: Data, file: String) throws(HemoError) -> (
    metadata: [String: String], tensors: [String: Tensor]
  ) {
    func bad(_ problem: String) -> HemoError {
      HemoError(file: file, problem, advice: "expected a model saved by hemolab train")
    }
    guard data.count >= 8 else { throw bad("the file is too short to be a safetensors model") }
    let length = data.prefix(8).enumerated().reduce(UInt64(0)) {
      $0 | UInt64($1.element) << (8 * UInt64($1.offset))
    }
    guard length <= UInt64(maximumHeader), 8 + Int(length) <= data.count else {
      throw bad("the header length does not fit the file (truncated or not safetensors)")
    }
    let start = data.startIndex
    let headerData = data[(start + 8)..<(start + 8 + Int(length))]
    guard let object = try? JSONSerialization.jsonObject(with: headerData),
      let header = object as? [String: Any]
    else { throw bad("the header is not a JSON object (not a safetensors file)") }
    let body = data[(start + 8 + Int(length))...]
    var metadata: [String: String] = [:]
    var tensors: [String: Tensor] = [:]
    for (name, value) in header {
      if name == "__metadata__" {
        guard let map = value as? [String: String] else { throw bad("__metadata__ is not strings") }
        metadata = map
        continue
      }
      guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
        let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int],
        offsets.count == 2
      else { throw bad("tensor \(name) has a malformed header entry") }
      guard dtype == "F32" else { throw bad("tensor \(name) is \(dtype), expected F32") }
      let count = shape.reduce(1) { $0.multipliedReportingOverflow(by: max($1, 0)).partialValue }
      guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[1] >= offsets[0],
        offsets[1] - offsets[0] == count * 4, offsets[1] <= body.count
      else { throw bad("tensor \(name) does not fit the file (truncated?)") }
      let from = body.startIndex + offsets[0]
      var values = [Float](repeating: 0, count: count)
      body[from..<(from + count * 4)].withUnsafeBytes { raw in
        for i in 0..<count {
          values[i] = Float(
            bitPattern: UInt32(
              littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
        }
      }
      tensors[name] = Tensor(shape: shape, values: values)
    }
    return (metadata, tensors)
  }
}
