/// The passes saliency needs on top of training's: one image forward, the gradient of one class
/// score back through the network, the gradient w.r.t. the input image, and the last
/// convolution's activations and their gradient.
///
/// The class score is contrastive: the class's logit minus the mean of the other logits. Softmax
/// only sees differences of logits, so evidence that raises every logit alike (a head is there)
/// says nothing about the class; with two classes this is the log-odds of the class.
extension Engine {
  /// What one backward pass of a class score leaves behind for saliency.
  struct ScoreGradients {
    /// The softmax probabilities of the image.
    var probabilities: [Float]
    /// The class scores before softmax.
    var logits: [Float]
    /// d score / d input, planar C×H×W like the network input.
    var input: [Float]
    /// The last convolution's output after ReLU (before pooling), H×W×C channels-last.
    var activations: [Float]
    /// d score / d those activations, same layout.
    var activationGradient: [Float]
    /// Height, width and channels of the last convolution's output.
    var lastConv: (height: Int, width: Int, channels: Int)
  }

  /// Runs `image` (planar, the network input shape) forward in slot 0 and the gradient of the
  /// logit of `classIndex` backward. The engine must have one compute thread and no convolution-free
  /// plan; `firstFlipped` holds stage 0's flipped, transposed weights.
  func scoreGradients(
    image: UnsafePointer<Float>, classIndex: Int, firstFlipped: UnsafePointer<Float>
  ) -> ScoreGradients {
    precondition(threads.count == 1 && !plan.convs.isEmpty)
    load(image: image, slot: 0)
    forwardConvolutions(slot: 0, thread: 0)
    forwardDense(count: 1)
    softmax(count: 1)
    let classes = plan.classes
    let others = -1 / Float(classes - 1)
    for c in 0..<classes { denseGradients.0.base[c] = c == classIndex ? 1 : others }
    backward(count: 1)

    let last = plan.convs.count - 1
    let stage = plan.convs[last]
    let (h, w, cout) = (stage.height, stage.width, stage.cout)
    var activations = [Float](repeating: 0, count: h * w * cout)
    var activationGradient = [Float](repeating: 0, count: h * w * cout)
    let (activationBase, activationRow): (UnsafePointer<Float>, Int) =
      if let stored = convOutputs[0][last] {
        (UnsafePointer(stored.base), w * cout)
      } else {
        {
          let (p, r) = stageOutput(last, slot: 0)
          return (UnsafePointer(p), r)
        }()
      }
    let dRow = (w + 2) * cout
    let interior = outputGradients[0][last].base + dRow + cout
    for y in 0..<h {
      for i in 0..<(w * cout) {
        activations[y * w * cout + i] = activationBase[y * activationRow + i]
        activationGradient[y * w * cout + i] = interior[y * dRow + i]
      }
    }

    // Stage 0's input gradient: the padded output gradient convolved with the flipped weights
    // (training stops one stage earlier, since it never needs the gradient of the image).
    let first = plan.convs[0]
    let inputGradient = FloatBuffer(count: first.height * first.width * first.cin)
    Conv3x3.forward(
      input: outputGradients[0][0].base, inRow: (first.width + 2) * first.cout, cin: first.cout,
      height: first.height, width: first.width, weights: firstFlipped, bias: nil,
      cout: first.cin, output: inputGradient.base, outRow: first.width * first.cin, relu: false)
    let shape = plan.input
    var planar = [Float](repeating: 0, count: shape.count)
    for y in 0..<shape.height {
      for x in 0..<shape.width {
        for ch in 0..<shape.channels {
          planar[(ch * shape.height + y) * shape.width + x] =
            inputGradient.base[(y * shape.width + x) * shape.channels + ch]
        }
      }
    }
    return ScoreGradients(
      probabilities: probabilities.array(0..<classes),
      logits: denseOutputs[denseOutputs.count - 1].array(0..<classes), input: planar,
      activations: activations,
      activationGradient: activationGradient, lastConv: (h, w, cout))
  }
}
