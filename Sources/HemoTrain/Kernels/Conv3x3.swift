/// Direct 3×3 convolution (stride 1, zero padding) in channels-last layout, without im2col.
///
/// The input is the top-left corner of a zero-padded (height + 2) × (width + 2) × cin image whose
/// rows are `inRow` floats apart; weights are [ky][kx][ci][co] (HWIO). Output pixel (y, x) goes to
/// `output + y·outRow + x·cout`, so a stage can write straight into the next stage's padded
/// interior. The same kernel computes the input gradient (a convolution of the padded output
/// gradient with the flipped, transposed weights).
///
/// The padded rows are walked as one long run of pixels (pitch width + 2), so register blocks of
/// 6 pixels × 16 channels (12 AVX2 registers) or 8 pixels × 8 channels never need a tail loop:
/// the two pad columns per row are computed and not stored. Blocks may read up to
/// `Conv3x3.slack(cin)` floats past the padded image, so buffers carry that much spare room.
/// Other channel counts fall back to a scalar loop.
enum Conv3x3 {
  /// Spare floats a buffer needs after a padded image with `channels` channels.
  static func slack(_ channels: Int) -> Int { 16 * channels + 16 }

  static func forward(
    input: UnsafePointer<Float>, inRow: Int, cin: Int, height: Int, width: Int,
    weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?, cout: Int,
    output: UnsafeMutablePointer<Float>, outRow: Int, relu: Bool
  ) {
    precondition(inRow == (width + 2) * cin, "the input must be a padded image")
    var c0 = 0
    while cout - c0 >= 16 {
      forward16(
        input: input, cin: cin, height: height, width: width, weights: weights,
        bias: bias, cout: cout, c0: c0, output: output, outRow: outRow, relu: relu)
      c0 += 16
    }
    while cout - c0 >= 8 {
      forward8(
        input: input, cin: cin, height: height, width: width, weights: weights,
        bias: bias, cout: cout, c0: c0, output: output, outRow: outRow, relu: relu)
      c0 += 8
    }
    if c0 < cout {
      forwardScalar(
        input: input, inRow: inRow, cin: cin, height: height, width: width, weights: weights,
        bias: bias, cout: cout, channels: c0..<cout, output: output, outRow: outRow, relu: relu)
    }
  }

  private static func forward16(
    input: UnsafePointer<Float>, cin: Int, height: Int, width: Int,
    weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?, cout: Int, c0: Int,
    output: UnsafeMutablePointer<Float>, outRow: Int, relu: Bool
  ) {
    let pitch = width &+ 2
    let inRow = pitch &* cin
    let total = height &* pitch &- 2
    let k = 3 &* cin
    let b = bias.map { load16($0 + c0) } ?? F16()
    let s1 = 1 &* cin
    let s2 = 2 &* cin
    let s3 = 3 &* cin
    let s4 = 4 &* cin
    let s5 = 5 &* cin
    var q = 0
    while q < total {
      var a0 = b
      var a1 = b
      var a2 = b
      var a3 = b
      var a4 = b
      var a5 = b
      for ky in 0..<3 {
        var ip = input + (q &* cin &+ ky &* inRow)
        var wp = weights + (ky &* k &* cout &+ c0)
        for _ in 0..<k {
          let w = load16(wp)
          a0.addProduct(splat16(ip[0]), w)
          a1.addProduct(splat16(ip[s1]), w)
          a2.addProduct(splat16(ip[s2]), w)
          a3.addProduct(splat16(ip[s3]), w)
          a4.addProduct(splat16(ip[s4]), w)
          a5.addProduct(splat16(ip[s5]), w)
          ip += 1
          wp += cout
        }
      }
      var y = q / pitch
      var x = q &- y &* pitch
      func emit(_ value: F16) {
        if x < width && y < height {
          store16(relu ? relu16(value) : value, output + (y &* outRow &+ x &* cout &+ c0))
        }
        x &+= 1
        if x == pitch {
          x = 0
          y &+= 1
        }
      }
      emit(a0)
      emit(a1)
      emit(a2)
      emit(a3)
      emit(a4)
      emit(a5)
      q &+= 6
    }
  }

  private static func forward8(
    input: UnsafePointer<Float>, cin: Int, height: Int, width: Int,
    weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?, cout: Int, c0: Int,
    output: UnsafeMutablePointer<Float>, outRow: Int, relu: Bool
  ) {
    let pitch = width &+ 2
    let inRow = pitch &* cin
    let total = height &* pitch &- 2
    let k = 3 &* cin
    let b = bias.map { load8($0 + c0) } ?? F8()
    let s1 = 1 &* cin
    let s2 = 2 &* cin
    let s3 = 3 &* cin
    let s4 = 4 &* cin
    let s5 = 5 &* cin
    let s6 = 6 &* cin
    let s7 = 7 &* cin
    var q = 0
    while q < total {
      var a0 = b
      var a1 = b
      var a2 = b
      var a3 = b
      var a4 = b
      var a5 = b
      var a6 = b
      var a7 = b
      for ky in 0..<3 {
        var ip = input + (q &* cin &+ ky &* inRow)
        var wp = weights + (ky &* k &* cout &+ c0)
        for _ in 0..<k {
          let w = load8(wp)
          a0.addProduct(splat8(ip[0]), w)
          a1.addProduct(splat8(ip[s1]), w)
          a2.addProduct(splat8(ip[s2]), w)
          a3.addProduct(splat8(ip[s3]), w)
          a4.addProduct(splat8(ip[s4]), w)
          a5.addProduct(splat8(ip[s5]), w)
          a6.addProduct(splat8(ip[s6]), w)
          a7.addProduct(splat8(ip[s7]), w)
          ip += 1
          wp += cout
        }
      }
      var y = q / pitch
      var x = q &- y &* pitch
      func emit(_ value: F8) {
        if x < width && y < height {
          store8(relu ? relu8(value) : value, output + (y &* outRow &+ x &* cout &+ c0))
        }
        x &+= 1
        if x == pitch {
          x = 0
          y &+= 1
        }
      }
      emit(a0)
      emit(a1)
      emit(a2)
      emit(a3)
      emit(a4)
      emit(a5)
      emit(a6)
      emit(a7)
      q &+= 8
    }
  }

  private static func forwardScalar(
    input: UnsafePointer<Float>, inRow: Int, cin: Int, height: Int, width: Int,
    weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?, cout: Int, channels: Range<Int>,
    output: UnsafeMutablePointer<Float>, outRow: Int, relu: Bool
  ) {
    let k = 3 * cin
    for y in 0..<height {
      for x in 0..<width {
        for co in channels {
          var sum = bias?[co] ?? 0
          for ky in 0..<3 {
            let ip = input + (y + ky) * inRow + x * cin
            let wp = weights + ky * k * cout + co
            for j in 0..<k {
              sum += ip[j] * wp[j * cout]
            }
          }
          output[y * outRow + x * cout + co] = relu ? max(sum, 0) : sum
        }
      }
    }
  }

  /// Weights for the input gradient: flipped in space, in and out channels swapped, so that
  /// `forward` on the padded output gradient gives the gradient of the (unpadded) input.
  static func transposeFlipped(
    weights: UnsafePointer<Float>, cin: Int, cout: Int, into result: UnsafeMutablePointer<Float>
  ) {
    for tap in 0..<9 {
      let flipped = 8 - tap
      for ci in 0..<cin {
        for co in 0..<cout {
          result[(flipped * cout + co) * cin + ci] = weights[(tap * cin + ci) * cout + co]
        }
      }
    }
  }
}
