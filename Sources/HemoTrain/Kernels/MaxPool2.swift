/// 2×2 max-pool with stride 2 in channels-last layout, and its gradient.
///
/// Maps are height × width × channels with rows `inRow` / `outRow` floats apart. The gradient goes
/// to the first maximum of each window (as PyTorch does); with `relu` it is also zeroed where the
/// (already rectified) value is not positive, which fuses ReLU's gradient into the same pass.
enum MaxPool2 {
  static func forward(
    input: UnsafePointer<Float>, inRow: Int, height: Int, width: Int, channels: Int,
    output: UnsafeMutablePointer<Float>, outRow: Int
  ) {
    let vector = channels % 8 == 0
    for oy in 0..<(height / 2) {
      let top = input + 2 * oy * inRow
      let bottom = top + inRow
      let out = output + oy * outRow
      for ox in 0..<(width / 2) {
        let i = 2 * ox * channels
        let o = ox * channels
        if vector {
          var c = 0
          while c < channels {
            let m0 = max8(load8(top + i + c), load8(top + i + channels + c))
            let m1 = max8(load8(bottom + i + c), load8(bottom + i + channels + c))
            store8(max8(m0, m1), out + o + c)
            c += 8
          }
        } else {
          for c in 0..<channels {
            out[o + c] = max(
              max(top[i + c], top[i + channels + c]), max(bottom[i + c], bottom[i + channels + c]))
          }
        }
      }
    }
  }

  /// dInput (height × width × channels, rows `dInRow` apart) from dOutput (pooled, rows `gradRow`
  /// apart), recomputing each window's maximum from `input`. Every input position is written.
  static func backward(
    input: UnsafePointer<Float>, inRow: Int, height: Int, width: Int, channels: Int,
    grad: UnsafePointer<Float>, gradRow: Int, relu: Bool,
    dInput: UnsafeMutablePointer<Float>, dInRow: Int
  ) {
    let vector = channels % 8 == 0
    for oy in 0..<(height / 2) {
      let top = input + 2 * oy * inRow
      let bottom = top + inRow
      let dTop = dInput + 2 * oy * dInRow
      let dBottom = dTop + dInRow
      let g = grad + oy * gradRow
      for ox in 0..<(width / 2) {
        let i = 2 * ox * channels
        let o = ox * channels
        if vector {
          var c = 0
          while c < channels {
            let v0 = load8(top + i + c)
            let v1 = load8(top + i + channels + c)
            let v2 = load8(bottom + i + c)
            let v3 = load8(bottom + i + channels + c)
            let m = max8(max8(v0, v1), max8(v2, v3))
            let gv = load8(g + o + c)
            var free = relu ? m .> 0 : SIMDMask(repeating: true)
            let t0 = free .& (v0 .== m)
            free = free .& .!t0
            let t1 = free .& (v1 .== m)
            free = free .& .!t1
            let t2 = free .& (v2 .== m)
            free = free .& .!t2
            let t3 = free .& (v3 .== m)
            let zero = F8()
            store8(zero.replacing(with: gv, where: t0), dTop + i + c)
            store8(zero.replacing(with: gv, where: t1), dTop + i + channels + c)
            store8(zero.replacing(with: gv, where: t2), dBottom + i + c)
            store8(zero.replacing(with: gv, where: t3), dBottom + i + channels + c)
            c += 8
          }
        } else {
          for c in 0..<channels {
            let values = [top[i + c], top[i + channels + c], bottom[i + c], bottom[i + channels + c]]
            let targets = [dTop + i + c, dTop + i + channels + c, dBottom + i + c,
              dBottom + i + channels + c]
            let m = values.max()!
            var taken = relu && !(m > 0)
            for q in 0..<4 {
              if !taken && values[q] == m {
                targets[q].pointee = g[o + c]
                taken = true
              } else {
                targets[q].pointee = 0
              }
            }
          }
        }
      }
    }
  }
}
