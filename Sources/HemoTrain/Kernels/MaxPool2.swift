/// 2×2 max-pool with stride 2 in channels-last layout, and its gradient.
///
/// Maps are height × width × channels with rows `inRow` / `outRow` floats apart. The forward pass
/// also records, per output value, which window position won (0–3, the first maximum, as PyTorch
/// picks it) or 4 when `relu` is set and the maximum is not positive (ReLU's gradient is zero
/// there). The backward pass only routes gradients by those codes, so the conv output need not
/// be kept, and ReLU + pool backward is one pass.
enum MaxPool2 {
  static func forward(
    input: UnsafePointer<Float>, inRow: Int, height: Int, width: Int, channels: Int,
    output: UnsafeMutablePointer<Float>, outRow: Int, codes: UnsafeMutablePointer<Float>,
    relu: Bool
  ) {
    let vector = channels % 8 == 0
    let (outWidth, c) = (width / 2, channels)
    for oy in 0..<(height / 2) {
      let top = input + 2 &* oy &* inRow
      let bottom = top + inRow
      let out = output + oy &* outRow
      let code = codes + oy &* outWidth &* c
      for ox in 0..<outWidth {
        let i = 2 &* ox &* c
        let o = ox &* c
        if vector {
          var ch = 0
          while ch < c {
            let v0 = load8(top + (i &+ ch))
            let v1 = load8(top + (i &+ c &+ ch))
            let v2 = load8(bottom + (i &+ ch))
            let v3 = load8(bottom + (i &+ c &+ ch))
            let m = max8(max8(v0, v1), max8(v2, v3))
            var k = F8(repeating: 3)
            k = k.replacing(with: 2, where: v2 .== m)
            k = k.replacing(with: 1, where: v1 .== m)
            k = k.replacing(with: 0, where: v0 .== m)
            if relu { k = k.replacing(with: 4, where: m .<= 0) }
            store8(m, out + (o &+ ch))
            store8(k, code + (o &+ ch))
            ch &+= 8
          }
        } else {
          for ch in 0..<c {
            let values = [top[i + ch], top[i + c + ch], bottom[i + ch], bottom[i + c + ch]]
            let m = values.max()!
            out[o + ch] = m
            code[o + ch] = relu && !(m > 0) ? 4 : Float(values.firstIndex(of: m) ?? 4)
          }
        }
      }
    }
  }

  /// dInput (height × width × channels, rows `dInRow` apart) from dOutput (pooled, rows `gradRow`
  /// apart) and the forward pass's codes. Every input position is written.
  static func backward(
    codes: UnsafePointer<Float>, height: Int, width: Int, channels: Int,
    grad: UnsafePointer<Float>, gradRow: Int, dInput: UnsafeMutablePointer<Float>, dInRow: Int
  ) {
    let vector = channels % 8 == 0
    let (outWidth, c) = (width / 2, channels)
    for oy in 0..<(height / 2) {
      let dTop = dInput + 2 &* oy &* dInRow
      let dBottom = dTop + dInRow
      let g = grad + oy &* gradRow
      let code = codes + oy &* outWidth &* c
      for ox in 0..<outWidth {
        let i = 2 &* ox &* c
        let o = ox &* c
        if vector {
          var ch = 0
          while ch < c {
            let k = load8(code + (o &+ ch))
            let gv = load8(g + (o &+ ch))
            let zero = F8()
            store8(zero.replacing(with: gv, where: k .== 0), dTop + (i &+ ch))
            store8(zero.replacing(with: gv, where: k .== 1), dTop + (i &+ c &+ ch))
            store8(zero.replacing(with: gv, where: k .== 2), dBottom + (i &+ ch))
            store8(zero.replacing(with: gv, where: k .== 3), dBottom + (i &+ c &+ ch))
            ch &+= 8
          }
        } else {
          for ch in 0..<c {
            let k = code[o + ch]
            let value = g[o + ch]
            dTop[i + ch] = k == 0 ? value : 0
            dTop[i + c + ch] = k == 1 ? value : 0
            dBottom[i + ch] = k == 2 ? value : 0
            dBottom[i + c + ch] = k == 3 ? value : 0
          }
        }
      }
    }
  }
}
