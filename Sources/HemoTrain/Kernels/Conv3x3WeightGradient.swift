/// Weight and bias gradients of the 3×3 convolution, accumulated into `dw` and `db`:
/// dw[j, co] += Σ_{y,x} in[y + ky, x + kx, ci] · g[y, x, co] with j = (ky·3 + kx)·cin + ci, and
/// db[co] += Σ_{y,x} g[y, x, co].
///
/// `input` is the padded input (as in `Conv3x3.forward`); `grad` is the interior of a zero-padded
/// output gradient (rows `gradRow` = (width + 2)·cout apart, pad columns zero). Register blocking:
/// 6 weight rows × 16 channels, or 8 rows × 8 channels; the row tail reuses the last row and
/// discards it, so no separate tail loop exists.
enum Conv3x3WeightGradient {
  static func accumulate(
    input: UnsafePointer<Float>, inRow: Int, cin: Int, height: Int, width: Int,
    grad: UnsafePointer<Float>, gradRow: Int, cout: Int,
    dw: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>
  ) {
    precondition(inRow == (width + 2) * cin && gradRow == (width + 2) * cout)
    let rows = 9 * cin
    // Pixels walked as one run over the padded pitch; the pad columns of `grad` are zero, so
    // the two extra pixels per row add nothing.
    let total = height * (width + 2) - 2
    var offsets = [Int](repeating: 0, count: rows)
    for j in 0..<rows {
      offsets[j] = (j / (3 * cin)) * inRow + j % (3 * cin)
    }
    offsets.withUnsafeBufferPointer { offsets in
      var c0 = 0
      while cout - c0 >= 16 {
        var j0 = 0
        while j0 < rows {
          block16(
            input: input, cin: cin, total: total, grad: grad, cout: cout, c0: c0,
            offsets: offsets, j0: j0, dw: dw)
          j0 += 6
        }
        c0 += 16
      }
      while cout - c0 >= 8 {
        var j0 = 0
        while j0 < rows {
          block8(
            input: input, cin: cin, total: total, grad: grad, cout: cout, c0: c0,
            offsets: offsets, j0: j0, dw: dw)
          j0 += 8
        }
        c0 += 8
      }
      for co in c0..<cout {
        for j in 0..<rows {
          var sum: Float = 0
          for y in 0..<height {
            for x in 0..<width {
              sum += input[y * inRow + x * cin + offsets[j]] * grad[y * gradRow + x * cout + co]
            }
          }
          dw[j * cout + co] += sum
        }
      }
    }
    if cout % 8 == 0 {
      // Over the padded run, like the weights: the pad columns add zeros.
      var c0 = 0
      while c0 < cout {
        var sum = F8()
        var g = grad + c0
        for _ in 0..<total {
          sum += load8(g)
          g += cout
        }
        store8(load8(db + c0) + sum, db + c0)
        c0 += 8
      }
      return
    }
    for y in 0..<height {
      let g = grad + y * gradRow
      for x in 0..<width {
        for co in 0..<cout {
          db[co] += g[x * cout + co]
        }
      }
    }
  }

  private static func block16(
    input: UnsafePointer<Float>, cin: Int, total: Int, grad: UnsafePointer<Float>, cout: Int,
    c0: Int, offsets: UnsafeBufferPointer<Int>, j0: Int, dw: UnsafeMutablePointer<Float>
  ) {
    let last = offsets.count &- 1
    let o0 = offsets[min(j0 &+ 0, last)]
    let o1 = offsets[min(j0 &+ 1, last)]
    let o2 = offsets[min(j0 &+ 2, last)]
    let o3 = offsets[min(j0 &+ 3, last)]
    let o4 = offsets[min(j0 &+ 4, last)]
    let o5 = offsets[min(j0 &+ 5, last)]
    var a0 = F16()
    var a1 = F16()
    var a2 = F16()
    var a3 = F16()
    var a4 = F16()
    var a5 = F16()
    var p = input
    var g = grad + c0
    for _ in 0..<total {
      let gv = load16(g)
      a0.addProduct(splat16(p[o0]), gv)
      a1.addProduct(splat16(p[o1]), gv)
      a2.addProduct(splat16(p[o2]), gv)
      a3.addProduct(splat16(p[o3]), gv)
      a4.addProduct(splat16(p[o4]), gv)
      a5.addProduct(splat16(p[o5]), gv)
      p += cin
      g += cout
    }
    let sums = (a0, a1, a2, a3, a4, a5)
    func add(_ value: F16, _ r: Int) {
      guard j0 &+ r <= last else { return }
      let d = dw + ((j0 &+ r) &* cout &+ c0)
      store16(load16(d) + value, d)
    }
    add(sums.0, 0)
    add(sums.1, 1)
    add(sums.2, 2)
    add(sums.3, 3)
    add(sums.4, 4)
    add(sums.5, 5)
  }

  private static func block8(
    input: UnsafePointer<Float>, cin: Int, total: Int, grad: UnsafePointer<Float>, cout: Int,
    c0: Int, offsets: UnsafeBufferPointer<Int>, j0: Int, dw: UnsafeMutablePointer<Float>
  ) {
    let last = offsets.count &- 1
    let o0 = offsets[min(j0 &+ 0, last)]
    let o1 = offsets[min(j0 &+ 1, last)]
    let o2 = offsets[min(j0 &+ 2, last)]
    let o3 = offsets[min(j0 &+ 3, last)]
    let o4 = offsets[min(j0 &+ 4, last)]
    let o5 = offsets[min(j0 &+ 5, last)]
    let o6 = offsets[min(j0 &+ 6, last)]
    let o7 = offsets[min(j0 &+ 7, last)]
    var a0 = F8()
    var a1 = F8()
    var a2 = F8()
    var a3 = F8()
    var a4 = F8()
    var a5 = F8()
    var a6 = F8()
    var a7 = F8()
    var p = input
    var g = grad + c0
    for _ in 0..<total {
      let gv = load8(g)
      a0.addProduct(splat8(p[o0]), gv)
      a1.addProduct(splat8(p[o1]), gv)
      a2.addProduct(splat8(p[o2]), gv)
      a3.addProduct(splat8(p[o3]), gv)
      a4.addProduct(splat8(p[o4]), gv)
      a5.addProduct(splat8(p[o5]), gv)
      a6.addProduct(splat8(p[o6]), gv)
      a7.addProduct(splat8(p[o7]), gv)
      p += cin
      g += cout
    }
    let sums = (a0, a1, a2, a3, a4, a5, a6, a7)
    func add(_ value: F8, _ r: Int) {
      guard j0 &+ r <= last else { return }
      let d = dw + ((j0 &+ r) &* cout &+ c0)
      store8(load8(d) + value, d)
    }
    add(sums.0, 0)
    add(sums.1, 1)
    add(sums.2, 2)
    add(sums.3, 3)
    add(sums.4, 4)
    add(sums.5, 5)
    add(sums.6, 6)
    add(sums.7, 7)
  }
}
