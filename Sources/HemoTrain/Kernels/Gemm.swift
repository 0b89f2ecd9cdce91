/// Single-precision matrix product for the dense layers: C = A·B or C += A·B.
///
/// A(i, p) = a[i·rowStrideA + p·colStrideA] (so A may be read transposed), B is row-major with
/// rows `ldb` apart, C row-major with rows `ldc` apart. Register blocking: 6 rows × 16 columns
/// (12 AVX2 registers), then 6 × 8, then scalar columns; the row tail repeats the last row and
/// discards it.
enum Gemm {
  static func multiply(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, rowStrideA: Int, colStrideA: Int,
    b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
  ) {
    guard m > 0, n > 0 else { return }
    var j0 = 0
    while n - j0 >= 16 {
      var i0 = 0
      while i0 < m {
        let r0 = a + i0 * rowStrideA
        let r1 = a + min(i0 + 1, m - 1) * rowStrideA
        let r2 = a + min(i0 + 2, m - 1) * rowStrideA
        let r3 = a + min(i0 + 3, m - 1) * rowStrideA
        let r4 = a + min(i0 + 4, m - 1) * rowStrideA
        let r5 = a + min(i0 + 5, m - 1) * rowStrideA
        var c0 = F16()
        var c1 = F16()
        var c2 = F16()
        var c3 = F16()
        var c4 = F16()
        var c5 = F16()
        for p in 0..<k {
          let w = load16(b + p * ldb + j0)
          let q = p * colStrideA
          c0.addProduct(splat16(r0[q]), w)
          c1.addProduct(splat16(r1[q]), w)
          c2.addProduct(splat16(r2[q]), w)
          c3.addProduct(splat16(r3[q]), w)
          c4.addProduct(splat16(r4[q]), w)
          c5.addProduct(splat16(r5[q]), w)
        }
        let sums = [c0, c1, c2, c3, c4, c5]
        for row in 0..<min(6, m - i0) {
          let d = c + (i0 + row) * ldc + j0
          store16(accumulate ? load16(d) + sums[row] : sums[row], d)
        }
        i0 += 6
      }
      j0 += 16
    }
    while n - j0 >= 8 {
      var i0 = 0
      while i0 < m {
        let r0 = a + i0 * rowStrideA
        let r1 = a + min(i0 + 1, m - 1) * rowStrideA
        let r2 = a + min(i0 + 2, m - 1) * rowStrideA
        let r3 = a + min(i0 + 3, m - 1) * rowStrideA
        let r4 = a + min(i0 + 4, m - 1) * rowStrideA
        let r5 = a + min(i0 + 5, m - 1) * rowStrideA
        var c0 = F8()
        var c1 = F8()
        var c2 = F8()
        var c3 = F8()
        var c4 = F8()
        var c5 = F8()
        for p in 0..<k {
          let w = load8(b + p * ldb + j0)
          let q = p * colStrideA
          c0.addProduct(splat8(r0[q]), w)
          c1.addProduct(splat8(r1[q]), w)
          c2.addProduct(splat8(r2[q]), w)
          c3.addProduct(splat8(r3[q]), w)
          c4.addProduct(splat8(r4[q]), w)
          c5.addProduct(splat8(r5[q]), w)
        }
        let sums = [c0, c1, c2, c3, c4, c5]
        for row in 0..<min(6, m - i0) {
          let d = c + (i0 + row) * ldc + j0
          store8(accumulate ? load8(d) + sums[row] : sums[row], d)
        }
        i0 += 6
      }
      j0 += 8
    }
    for j in j0..<n {
      for i in 0..<m {
        var sum: Float = 0
        for p in 0..<k {
          sum += a[i * rowStrideA + p * colStrideA] * b[p * ldb + j]
        }
        c[i * ldc + j] = accumulate ? c[i * ldc + j] + sum : sum
      }
    }
  }

  /// Writes the transpose of the rows × cols row-major matrix `source` into `destination`.
  static func transpose(
    _ source: UnsafePointer<Float>, rows: Int, cols: Int,
    into destination: UnsafeMutablePointer<Float>
  ) {
    for i in 0..<rows {
      for j in 0..<cols {
        destination[j * rows + i] = source[i * cols + j]
      }
    }
  }
}
