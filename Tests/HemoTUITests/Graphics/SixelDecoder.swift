import Foundation
import HemoCore

/// A small DEC sixel decoder for tests: reads a DCS `ESC P … q … ESC \` stream (raster
/// attributes, RGB colour registers in percent, repeats, `$` and `-`) into an RGB image.
/// Pixels never painted stay black.
struct SixelDecoder {
  enum Failure: Error {
    case noDCS, noTerminator
    case unsupported(String)
  }

  static func decode(_ text: String) throws -> RGBImage {
    let bytes = Array(text.utf8)
    guard let start = bytes.firstIndex(of: 0x1B), bytes.count > start + 1, bytes[start + 1] == 0x50
    else { throw Failure.noDCS }
    guard let q = bytes[start...].firstIndex(of: UInt8(ascii: "q")) else { throw Failure.noDCS }
    var end = bytes.count
    for i in (q + 1)..<bytes.count - 1 where bytes[i] == 0x1B && bytes[i + 1] == 0x5C {
      end = i
      break
    }
    guard end < bytes.count else { throw Failure.noTerminator }
    let body = Array(bytes[(q + 1)..<end])
    var palette: [Int: (UInt8, UInt8, UInt8)] = [:]
    var width = 0
    var height = 0
    var painted: [Int: (UInt8, UInt8, UInt8)] = [:]  // y * 65536 + x
    var colour = 0
    var x = 0
    var band = 0
    var i = 0
    func number() -> Int {
      var value = 0
      while i < body.count, (48...57).contains(body[i]) {
        value = value * 10 + Int(body[i] - 48)
        i += 1
      }
      return value
    }
    func numbers() -> [Int] {
      var out = [number()]
      while i < body.count, body[i] == UInt8(ascii: ";") {
        i += 1
        out.append(number())
      }
      return out
    }
    func paint(_ sixel: UInt8, count: Int) {
      let bits = Int(sixel) - 63
      let rgb = palette[colour] ?? (0, 0, 0)
      for dx in 0..<count {
        for bit in 0..<6 where bits & (1 << bit) != 0 {
          painted[(band * 6 + bit) * 65536 + x + dx] = rgb
        }
      }
      x += count
    }
    while i < body.count {
      let c = body[i]
      switch c {
      case UInt8(ascii: "\""):
        i += 1
        let p = numbers()
        if p.count >= 4 {
          width = p[2]
          height = p[3]
        }
      case UInt8(ascii: "#"):
        i += 1
        let p = numbers()
        colour = p[0]
        if p.count >= 5 {
          guard p[1] == 2 else { throw Failure.unsupported("HLS colour") }
          func level(_ v: Int) -> UInt8 { UInt8((Double(v) * 255 / 100).rounded()) }
          palette[colour] = (level(p[2]), level(p[3]), level(p[4]))
        }
      case UInt8(ascii: "!"):
        i += 1
        let count = number()
        guard i < body.count else { break }
        paint(body[i], count: count)
        i += 1
      case UInt8(ascii: "$"):
        x = 0
        i += 1
      case UInt8(ascii: "-"):
        x = 0
        band += 1
        i += 1
      case 63...126:
        paint(c, count: 1)
        i += 1
      default:
        i += 1
      }
    }
    if width == 0 || height == 0 {
      for key in painted.keys {
        width = max(width, key % 65536 + 1)
        height = max(height, key / 65536 + 1)
      }
    }
    var image = RGBImage(width: max(1, width), height: max(1, height))
    for (key, rgb) in painted where key % 65536 < image.width && key / 65536 < image.height {
      image[key % 65536, key / 65536] = rgb
    }
    return image
  }
}

/// Pearson correlation of two equal-length series.
func correlation(_ a: [Double], _ b: [Double]) -> Double {
  precondition(a.count == b.count && !a.isEmpty)
  let n = Double(a.count)
  let ma = a.reduce(0, +) / n
  let mb = b.reduce(0, +) / n
  var sab = 0.0
  var saa = 0.0
  var sbb = 0.0
  for k in a.indices {
    sab += (a[k] - ma) * (b[k] - mb)
    saa += (a[k] - ma) * (a[k] - ma)
    sbb += (b[k] - mb) * (b[k] - mb)
  }
  return sab / max(1e-12, (saa * sbb).squareRoot())
}

/// Luma of an image as doubles (0…255).
func luma(_ image: RGBImage) -> [Double] { image.luminance.map(Double.init) }
