import Foundation

/// Loss and backward pass: softmax cross-entropy, dense layers on the batch, then convolutions per
/// image on the compute threads.
extension Engine {
  /// Mean (class-weighted) cross-entropy of the first `count` rows of `probabilities` against
  /// `labels`, and its gradient w.r.t. the logits written into `denseGradients.0`.
  /// Weighted as Keras does: loss = Σ wᵢ·CEᵢ / count.
  func lossAndLogitGradient(labels: UnsafeBufferPointer<Int>, classWeights: [Float]?) -> Double {
    let classes = plan.classes
    let count = labels.count
    let d = denseGradients.0.base
    var total = 0.0
    for i in 0..<count {
      let p = probabilities.base + i * classes
      let label = labels[i]
      let weight = classWeights?[label] ?? 1
      total += -Double(weight) * log(Double(max(p[label], .leastNormalMagnitude)))
      let scale = weight / Float(count)
      for c in 0..<classes {
        d[i * classes + c] = scale * (p[c] - (c == label ? 1 : 0))
      }
    }
    return total / Double(count)
  }

  /// Gradients of every parameter into `gradient`, from the logit gradient in `denseGradients.0`.
  func backward(count: Int) {
    var d = denseGradients.0.base
    var spare = denseGradients.1.base
    for l in stride(from: plan.denses.count - 1, through: 0, by: -1) {
      let stage = plan.denses[l]
      let x = l == 0 ? features.base : denseOutputs[l - 1].base
      let (n, k) = (stage.outputs, stage.inputs)
      // dW = xᵀ·d, db = Σ rows of d
      gemm(
        m: k, n: n, k: count, a: x, rowStrideA: 1, colStrideA: k, b: d, ldb: n,
        c: gradient.base + stage.weightOffset, ldc: n)
      let db = gradient.base + stage.biasOffset
      for j in 0..<n { db[j] = 0 }
      for i in 0..<count {
        for j in 0..<n { db[j] += d[i * n + j] }
      }
      // dx = d·Wᵀ, computed as (W·dᵀ)ᵀ so the GEMM reads W row by row.
      let dx = l == 0 ? featureGradient.base : spare
      Gemm.transpose(d, rows: count, cols: n, into: transposeScratch.0.base)
      gemm(
        m: k, n: count, k: n, a: parameters.base + stage.weightOffset, rowStrideA: n,
        colStrideA: 1, b: transposeScratch.0.base, ldb: count, c: transposeScratch.1.base,
        ldc: count)
      Gemm.transpose(transposeScratch.1.base, rows: k, cols: count, into: dx)
      if l > 0 && plan.denses[l - 1].relu {
        for i in 0..<(count * k) where x[i] <= 0 { dx[i] = 0 }
      }
      if l > 0 { (d, spare) = (dx, d) }
    }
    backwardConvolutions(count: count)
  }

  private func backwardConvolutions(count: Int) {
    guard plan.convs.count > frozenStages else { return }
    gradient.base.update(repeating: 0, count: plan.convParameterCount)
    helperGradient.zero()
    threads.run { thread in
      let target = thread == 0 ? gradient.base : helperGradient.base
      for slot in threads.share(of: count, thread: thread) {
        backwardConvolutions(slot: slot, thread: thread, into: target)
      }
    }
    if threads.count == 2 {
      for i in 0..<plan.convParameterCount { gradient.base[i] += helperGradient.base[i] }
    }
  }

  private func backwardConvolutions(
    slot: Int, thread: Int, into target: UnsafeMutablePointer<Float>
  ) {
    for s in stride(from: plan.convs.count - 1, through: frozenStages, by: -1) {
      let stage = plan.convs[s]
      let (h, w, cout) = (stage.height, stage.width, stage.cout)
      let outRow = stage.outWidth * cout
      let grad: UnsafePointer<Float> =
        s + 1 < plan.convs.count
        ? UnsafePointer(inputGradients[thread][s + 1].base)
        : UnsafePointer(featureGradient.base + slot * plan.features)
      let padded = outputGradients[thread][s].base
      let dRow = (w + 2) * cout
      let interior = padded + dRow + cout
      if let codes = poolCodes[s] {
        MaxPool2.backward(
          codes: codes.base + slot * stage.outHeight * stage.outWidth * cout, height: h, width: w,
          channels: cout, grad: grad, gradRow: outRow, dInput: interior, dInRow: dRow)
      } else {
        let (activation, activationRow) = stageOutput(s, slot: slot)
        for y in 0..<h {
          for i in 0..<(w * cout) {
            let g = grad[y * outRow + i]
            interior[y * dRow + i] = stage.relu && activation[y * activationRow + i] <= 0 ? 0 : g
          }
        }
      }
      let input = stageInputs[s].base + slot * stage.paddedInputCount
      Conv3x3WeightGradient.accumulate(
        input: input, inRow: stage.inputRow, cin: stage.cin, height: h, width: w, grad: interior,
        gradRow: dRow, cout: cout, dw: target + stage.weightOffset, db: target + stage.biasOffset)
      if s > frozenStages {
        Conv3x3.forward(
          input: padded, inRow: dRow, cin: cout, height: h, width: w,
          weights: flippedWeights[s].base, bias: nil, cout: stage.cin,
          output: inputGradients[thread][s].base, outRow: w * stage.cin, relu: false)
      }
    }
  }
}
