import Foundation
import HemoCore
import Testing

@testable import HemoTrain

/// SIMD kernels against naive reference loops on odd shapes (exercising the 16-, 8-channel and
/// scalar paths and the block tails).
@Suite struct KernelTests {
  /// Random floats from a seed.
  static func random(_ count: Int, seed: UInt64) -> [Float] {
    var rng = SeededRNG(seed: seed)
    return (0..<count).map { _ in Float(rng.uniform(-1, 1)) }
  }

  /// A zero-padded channels-last image (with kernel slack) holding `values` (h × w × c).
  static func padded(_ values: [Float], h: Int, w: Int, c: Int) -> [Float] {
    var result = [Float](repeating: 0, count: (h + 2) * (w + 2) * c + Conv3x3.slack(c))
    for y in 0..<h {
      for x in 0..<w {
        for ch in 0..<c {
          result[((y + 1) * (w + 2) + x + 1) * c + ch] = values[(y * w + x) * c + ch]
        }
      }
    }
    return result
  }

  static func naiveConv(
    _ input: [Float], h: Int, w: Int, cin: Int, weights: [Float], bias: [Float], cout: Int
  ) -> [Float] {
    var out = [Float](repeating: 0, count: h * w * cout)
    for y in 0..<h {
      for x in 0..<w {
        for co in 0..<cout {
          var sum = Double(bias[co])
          for ky in 0..<3 {
            for kx in 0..<3 {
              let (iy, ix) = (y + ky - 1, x + kx - 1)
              guard (0..<h).contains(iy), (0..<w).contains(ix) else { continue }
              for ci in 0..<cin {
                sum +=
                  Double(input[(iy * w + ix) * cin + ci])
                  * Double(weights[((ky * 3 + kx) * cin + ci) * cout + co])
              }
            }
          }
          out[(y * w + x) * cout + co] = Float(sum)
        }
      }
    }
    return out
  }

  @Test(arguments: [(1, 8, 5, 7), (3, 24, 6, 13), (5, 16, 3, 2), (2, 5, 4, 9), (8, 32, 2, 1)])
  func convolutionMatchesNaive(cin: Int, cout: Int, h: Int, w: Int) {
    let input = Self.random(h * w * cin, seed: 1)
    let weights = Self.random(9 * cin * cout, seed: 2)
    let bias = Self.random(cout, seed: 3)
    let expected = Self.naiveConv(
      input, h: h, w: w, cin: cin, weights: weights, bias: bias, cout: cout)
    let pad = Self.padded(input, h: h, w: w, c: cin)
    // Write into an output with a wider row stride, to check nothing lands outside the image.
    let outRow = w * cout + 3
    var output = [Float](repeating: 99, count: h * outRow)
    Conv3x3.forward(
      input: pad, inRow: (w + 2) * cin, cin: cin, height: h, width: w, weights: weights,
      bias: bias, cout: cout, output: &output, outRow: outRow, relu: false)
    var worst: Float = 0
    for y in 0..<h {
      for i in 0..<(w * cout) {
        worst = max(worst, abs(output[y * outRow + i] - expected[y * w * cout + i]))
      }
      for i in (w * cout)..<outRow { #expect(output[y * outRow + i] == 99) }
    }
    #expect(worst < 1e-4)
  }

  @Test(arguments: [(1, 8, 5, 7), (3, 24, 6, 13), (5, 16, 3, 2), (2, 5, 4, 9)])
  func weightGradientMatchesNaive(cin: Int, cout: Int, h: Int, w: Int) {
    let input = Self.random(h * w * cin, seed: 4)
    let grad = Self.random(h * w * cout, seed: 5)
    let pad = Self.padded(input, h: h, w: w, c: cin)
    let gradPad = Self.padded(grad, h: h, w: w, c: cout)
    var dw = [Float](repeating: 0.5, count: 9 * cin * cout)
    var db = [Float](repeating: 0.25, count: cout)
    gradPad.withUnsafeBufferPointer { g in
      Conv3x3WeightGradient.accumulate(
        input: pad, inRow: (w + 2) * cin, cin: cin, height: h, width: w,
        grad: g.baseAddress! + (w + 2) * cout + cout, gradRow: (w + 2) * cout, cout: cout,
        dw: &dw, db: &db)
    }
    var worst = 0.0
    for ky in 0..<3 {
      for kx in 0..<3 {
        for ci in 0..<cin {
          for co in 0..<cout {
            var sum = 0.5
            for y in 0..<h {
              for x in 0..<w {
                let (iy, ix) = (y + ky - 1, x + kx - 1)
                guard (0..<h).contains(iy), (0..<w).contains(ix) else { continue }
                sum +=
                  Double(input[(iy * w + ix) * cin + ci]) * Double(grad[(y * w + x) * cout + co])
              }
            }
            worst = max(worst, abs(sum - Double(dw[((ky * 3 + kx) * cin + ci) * cout + co])))
          }
        }
      }
    }
    #expect(worst < 1e-4)
    for co in 0..<cout {
      let sum = (0..<(h * w)).reduce(0.25) { $0 + Double(grad[$1 * cout + co]) }
      #expect(abs(sum - Double(db[co])) < 1e-4)
    }
  }

  @Test(arguments: [(7, 29, 13, false), (1, 16, 5, true), (13, 3, 64, false), (6, 8, 1, true)])
  func gemmMatchesNaive(m: Int, n: Int, k: Int, transposedA: Bool) {
    let a = Self.random(m * k, seed: 6)
    let b = Self.random(k * n, seed: 7)
    var c = Self.random(m * n, seed: 8)
    let before = c
    // A(i, p) = a[i·k + p], or read transposed from a k × m matrix.
    let (rs, cs) = transposedA ? (1, m) : (k, 1)
    Gemm.multiply(
      m: m, n: n, k: k, a: a, rowStrideA: rs, colStrideA: cs, b: b, ldb: n, c: &c, ldc: n,
      accumulate: true)
    for i in 0..<m {
      for j in 0..<n {
        let sum = (0..<k).reduce(Double(before[i * n + j])) {
          $0 + Double(a[i * rs + $1 * cs]) * Double(b[$1 * n + j])
        }
        #expect(abs(sum - Double(c[i * n + j])) < 1e-4)
      }
    }
  }

  @Test(arguments: [8, 3, 16])
  func maxPoolForwardAndBackward(channels: Int) {
    let (h, w) = (6, 10)
    var input = Self.random(h * w * channels, seed: 9)
    input[0] = input[channels]  // a tie: the gradient goes to the first maximum only
    input[1] = -5
    input[channels + 1] = -6
    input[w * channels + 1] = -7
    input[(w + 1) * channels + 1] = -8  // window (0, 0) channel 1 is all negative
    let grad = Self.random((h / 2) * (w / 2) * channels, seed: 10)
    for relu in [false, true] {
      var pooled = [Float](repeating: 0, count: (h / 2) * (w / 2) * channels)
      var codes = pooled
      MaxPool2.forward(
        input: input, inRow: w * channels, height: h, width: w, channels: channels,
        output: &pooled, outRow: (w / 2) * channels, codes: &codes, relu: relu)
      var dInput = [Float](repeating: 42, count: input.count)
      MaxPool2.backward(
        codes: codes, height: h, width: w, channels: channels, grad: grad,
        gradRow: (w / 2) * channels, dInput: &dInput, dInRow: w * channels)
      for oy in 0..<(h / 2) {
        for ox in 0..<(w / 2) {
          for c in 0..<channels {
            let positions = [(0, 0), (0, 1), (1, 0), (1, 1)].map {
              ((2 * oy + $0.0) * w + 2 * ox + $0.1) * channels + c
            }
            let values = positions.map { input[$0] }
            let m = values.max()!
            #expect(pooled[(oy * (w / 2) + ox) * channels + c] == m)
            let first = values.firstIndex(of: m)!
            for (q, position) in positions.enumerated() {
              let routed = q == first && (!relu || m > 0)
              #expect(dInput[position] == (routed ? grad[(oy * (w / 2) + ox) * channels + c] : 0))
            }
          }
        }
      }
    }
  }
}

@Suite struct SquareRootTests {
  @Test func newtonSquareRootIsAccurate() {
    var values: [Float] = [0, 1, 2, 4, 1e-30, 1e-12, 3e-8, 0.25, 7, 1e6, 3.4e38]
    var rng = SeededRNG(seed: 1)
    for _ in 0..<1000 { values.append(Float(pow(10, rng.uniform(-20, 10)))) }
    while values.count % 8 != 0 { values.append(5) }
    for start in stride(from: 0, to: values.count, by: 8) {
      let x = F8(values[start..<(start + 8)])
      let root = sqrt8(x)
      for lane in 0..<8 {
        let exact = Double(x[lane]).squareRoot()
        #expect(abs(Double(root[lane]) - exact) <= 4e-7 * exact, "sqrt(\(x[lane]))")
      }
    }
  }
}
