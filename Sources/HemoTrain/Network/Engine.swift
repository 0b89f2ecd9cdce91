import Foundation

/// The network's numbers for one batch capacity: parameters, gradients and every workspace,
/// allocated once. Convolutions run per image in channels-last layout (split across the compute
/// threads by image); the dense layers run on the whole batch.
///
/// Not thread-safe: one engine belongs to one trainer thread (its helper thread only runs inside
/// `ComputeThreads.run`).
final class Engine {
  let plan: NetworkPlan
  let capacity: Int
  let threads: ComputeThreads
  let parameters: FloatBuffer
  /// Gradient of the mean batch loss; thread 0 accumulates its convolution part here.
  let gradient: FloatBuffer
  /// Thread 1's convolution gradients, added into `gradient` after the backward pass.
  let helperGradient: FloatBuffer
  /// Per conv stage: `capacity` zero-padded input images.
  let stageInputs: [FloatBuffer]
  /// [thread][stage]: the conv output before pooling (reused image after image).
  let convOutputs: [[FloatBuffer?]]
  /// Per conv stage with pooling: `capacity` maps of pooling codes (see `MaxPool2`).
  let poolCodes: [FloatBuffer?]
  /// Flattened features, capacity × features (the first dense layer's input).
  let features: FloatBuffer
  let featureGradient: FloatBuffer
  /// Per dense stage: capacity × outputs (after ReLU where the stage has one).
  let denseOutputs: [FloatBuffer]
  let denseGradients: (FloatBuffer, FloatBuffer)
  let transposeScratch: (FloatBuffer, FloatBuffer)
  /// [thread][stage]: padded gradient of the conv output (after ReLU/pool backward).
  let outputGradients: [[FloatBuffer]]
  /// [thread][stage]: gradient of the stage input (unpadded), for stages after the first.
  let inputGradients: [[FloatBuffer]]
  /// Per stage: flipped, transposed weights for the input gradient.
  let flippedWeights: [FloatBuffer]
  let probabilities: FloatBuffer
  /// The first convolutions that never train (a frozen backbone): no gradient, no update.
  let frozenStages: Int

  init(
    plan: NetworkPlan, capacity: Int, threads: Int, parameters: [Float], frozenStages: Int = 0
  ) {
    precondition(parameters.count == plan.parameterCount && capacity > 0)
    precondition((0...plan.convs.count).contains(frozenStages))
    self.plan = plan
    self.frozenStages = frozenStages
    self.capacity = capacity
    self.threads = ComputeThreads(count: threads)
    self.parameters = FloatBuffer(count: plan.parameterCount)
    self.parameters.copy(from: parameters)
    gradient = FloatBuffer(count: plan.parameterCount)
    helperGradient = FloatBuffer(count: plan.convParameterCount)
    stageInputs = plan.convs.map {
      FloatBuffer(count: capacity * $0.paddedInputCount + Conv3x3.slack($0.cin))
    }
    let threadCount = min(max(threads, 1), 2)
    convOutputs = (0..<threadCount).map { _ in
      plan.convs.map { $0.pool ? FloatBuffer(count: $0.height * $0.width * $0.cout) : nil }
    }
    poolCodes = plan.convs.map {
      $0.pool ? FloatBuffer(count: capacity * $0.outHeight * $0.outWidth * $0.cout) : nil
    }
    features = FloatBuffer(count: capacity * plan.features)
    featureGradient = FloatBuffer(count: capacity * plan.features)
    denseOutputs = plan.denses.map { FloatBuffer(count: capacity * $0.outputs) }
    let widest = plan.denses.map { max($0.inputs, $0.outputs) }.max()!
    denseGradients = (FloatBuffer(count: capacity * widest), FloatBuffer(count: capacity * widest))
    transposeScratch = (
      FloatBuffer(count: capacity * widest), FloatBuffer(count: capacity * widest)
    )
    outputGradients = (0..<self.threads.count).map { _ in
      plan.convs.map { FloatBuffer(count: $0.paddedOutputCount + Conv3x3.slack($0.cout)) }
    }
    inputGradients = (0..<self.threads.count).map { _ in
      plan.convs.map { FloatBuffer(count: $0.height * $0.width * $0.cin) }
    }
    flippedWeights = plan.convs.map { FloatBuffer(count: $0.weightCount) }
    probabilities = FloatBuffer(count: capacity * plan.classes)
    refreshFlippedWeights()
  }

  deinit {
    threads.shutdown()
  }

  var parameterArray: [Float] { parameters.array(0..<plan.parameterCount) }

  func refreshFlippedWeights() {
    for (s, stage) in plan.convs.enumerated() where s > 0 {
      Conv3x3.transposeFlipped(
        weights: parameters.base + stage.weightOffset, cin: stage.cin, cout: stage.cout,
        into: flippedWeights[s].base)
    }
  }

  // MARK: forward

  /// Copies image `source` (planar C×H×W) into batch slot `slot` as channels-last.
  func load(image source: UnsafePointer<Float>, slot: Int) {
    let shape = plan.input
    let (c, h, w) = (shape.channels, shape.height, shape.width)
    let destination: UnsafeMutablePointer<Float>
    let row: Int
    if let first = plan.convs.first {
      destination = stageInputs[0].base + slot * first.paddedInputCount + first.inputRow + c
      row = first.inputRow
    } else {
      destination = features.base + slot * plan.features
      row = w * c
    }
    if c == 1 {
      for y in 0..<h { (destination + y * row).update(from: source + y * w, count: w) }
      return
    }
    for y in 0..<h {
      for x in 0..<w {
        for ch in 0..<c {
          destination[y * row + x * c + ch] = source[(ch * h + y) * w + x]
        }
      }
    }
  }

  /// Where stage `s` writes its (pooled) output for `slot`, and the row stride there.
  func stageOutput(_ s: Int, slot: Int) -> (UnsafeMutablePointer<Float>, row: Int) {
    let stage = plan.convs[s]
    if s + 1 < plan.convs.count {
      let next = plan.convs[s + 1]
      return (
        stageInputs[s + 1].base + slot * next.paddedInputCount + next.inputRow + next.cin,
        next.inputRow
      )
    }
    return (features.base + slot * plan.features, stage.outWidth * stage.cout)
  }

  /// The convolution stages for one image already loaded into `slot`.
  func forwardConvolutions(slot: Int, thread: Int) {
    for (s, stage) in plan.convs.enumerated() {
      let input = stageInputs[s].base + slot * stage.paddedInputCount
      let (next, nextRow) = stageOutput(s, slot: slot)
      let weights = parameters.base + stage.weightOffset
      let bias = parameters.base + stage.biasOffset
      if let convOutput = convOutputs[thread][s], let codes = poolCodes[s] {
        let output = convOutput.base
        Conv3x3.forward(
          input: input, inRow: stage.inputRow, cin: stage.cin, height: stage.height,
          width: stage.width, weights: weights, bias: bias, cout: stage.cout, output: output,
          outRow: stage.width * stage.cout, relu: stage.relu)
        MaxPool2.forward(
          input: output, inRow: stage.width * stage.cout, height: stage.height, width: stage.width,
          channels: stage.cout, output: next, outRow: nextRow,
          codes: codes.base + slot * stage.outHeight * stage.outWidth * stage.cout, relu: stage.relu
        )
      } else {
        Conv3x3.forward(
          input: input, inRow: stage.inputRow, cin: stage.cin, height: stage.height,
          width: stage.width, weights: weights, bias: bias, cout: stage.cout, output: next,
          outRow: nextRow, relu: stage.relu)
      }
    }
  }

  /// Loads and runs the convolutions for `count` images, split across the compute threads.
  func forwardImages(_ images: UnsafePointer<Float>, indices: UnsafeBufferPointer<Int>) {
    let size = plan.input.count
    threads.run { thread in
      for slot in threads.share(of: indices.count, thread: thread) {
        load(image: images + indices[slot] * size, slot: slot)
        forwardConvolutions(slot: slot, thread: thread)
      }
    }
  }

  /// `Gemm.multiply` with the rows of C shared between the compute threads when the product is
  /// large enough to pay for the hand-off. Each element is summed in the same order either way.
  func gemm(
    m: Int, n: Int, k: Int, a: UnsafePointer<Float>, rowStrideA: Int, colStrideA: Int,
    b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    guard threads.count == 2, m >= 12, m * n * k >= 200_000 else {
      return Gemm.multiply(
        m: m, n: n, k: k, a: a, rowStrideA: rowStrideA, colStrideA: colStrideA, b: b, ldb: ldb,
        c: c, ldc: ldc, accumulate: false)
    }
    threads.run { thread in
      // Split on a multiple of the 6-row register block.
      let half = (m / 2 + 5) / 6 * 6
      let rows = thread == 0 ? 0..<min(half, m) : min(half, m)..<m
      guard !rows.isEmpty else { return }
      Gemm.multiply(
        m: rows.count, n: n, k: k, a: a + rows.lowerBound * rowStrideA, rowStrideA: rowStrideA,
        colStrideA: colStrideA, b: b, ldb: ldb, c: c + rows.lowerBound * ldc, ldc: ldc,
        accumulate: false)
    }
  }

  /// The dense layers for `count` rows of `features`; logits end in `denseOutputs.last`.
  func forwardDense(count: Int) {
    var x = features.base
    for (l, stage) in plan.denses.enumerated() {
      let out = denseOutputs[l].base
      gemm(
        m: count, n: stage.outputs, k: stage.inputs, a: x, rowStrideA: stage.inputs, colStrideA: 1,
        b: parameters.base + stage.weightOffset, ldb: stage.outputs, c: out, ldc: stage.outputs)
      let bias = parameters.base + stage.biasOffset
      for i in 0..<count {
        let row = out + i * stage.outputs
        for j in 0..<stage.outputs {
          let value = row[j] + bias[j]
          row[j] = stage.relu ? max(value, 0) : value
        }
      }
      x = out
    }
  }

  /// Softmax of the logits into `probabilities` for `count` rows.
  func softmax(count: Int) {
    let classes = plan.classes
    let logits = denseOutputs[denseOutputs.count - 1].base
    for i in 0..<count {
      let row = logits + i * classes
      let p = probabilities.base + i * classes
      var top = row[0]
      for c in 1..<classes { top = max(top, row[c]) }
      var sum: Float = 0
      for c in 0..<classes {
        p[c] = exp(row[c] - top)
        sum += p[c]
      }
      for c in 0..<classes { p[c] /= sum }
    }
  }
}
