import HemoCore

/// One convolution stage: conv 3×3 (+ ReLU) (+ 2×2 max-pool), in channels-last (NHWC) layout.
struct ConvStage: Sendable {
  var cin: Int
  var cout: Int
  var height: Int
  var width: Int
  var relu: Bool
  var pool: Bool
  var layerIndex: Int
  var weightOffset: Int
  var biasOffset: Int

  var outHeight: Int { pool ? height / 2 : height }
  var outWidth: Int { pool ? width / 2 : width }
  /// Floats in the zero-padded input, (height + 2) × (width + 2) × cin.
  var paddedInputCount: Int { (height + 2) * (width + 2) * cin }
  var paddedOutputCount: Int { (height + 2) * (width + 2) * cout }
  var inputRow: Int { (width + 2) * cin }
  var weightCount: Int { 9 * cin * cout }
}

/// One dense stage: y = x·W + b (+ ReLU); W is stored [inputs][outputs].
struct DenseStage: Sendable {
  var inputs: Int
  var outputs: Int
  var relu: Bool
  var layerIndex: Int
  var weightOffset: Int
  var biasOffset: Int
}

/// A `NetworkSpec` resolved for one input shape: stages, sizes and where each parameter lives in
/// the flat parameter vector (all convolution parameters first, then the dense ones).
struct NetworkPlan: Sendable {
  static let maximumParameters = 64_000_000
  static let maximumSide = 2048

  let input: TensorShape
  let classes: Int
  let convs: [ConvStage]
  let denses: [DenseStage]
  let features: Int
  let parameterCount: Int
  let convParameterCount: Int

  init(network: NetworkSpec, input: TensorShape, classes: Int) throws(HemoError) {
    func fail(_ problem: String) -> HemoError {
      HemoError(problem, advice: "use conv/relu/maxPool layers, then flatten, then dense layers")
    }
    guard (1...64).contains(input.channels), (1...Self.maximumSide).contains(input.height),
      (1...Self.maximumSide).contains(input.width)
    else { throw HemoError("the network input \(input) is outside 1–64 channels, 1–2048 pixels") }
    guard classes >= 2 else { throw HemoError("a classifier needs at least two classes") }
    var convs: [ConvStage] = []
    var denses: [DenseStage] = []
    var (channels, height, width) = (input.channels, input.height, input.width)
    var flattened = false
    var offset = 0
    var features = 0
    for (index, layer) in network.layers.enumerated() {
      switch layer {
      case .conv(let filters):
        guard !flattened else { throw fail("layer \(index + 1): conv after flatten") }
        guard (1...1024).contains(filters) else {
          throw fail("layer \(index + 1): conv filters must be 1–1024")
        }
        let weights = 9 * channels * filters
        convs.append(
          ConvStage(
            cin: channels, cout: filters, height: height, width: width, relu: false, pool: false,
            layerIndex: index, weightOffset: offset, biasOffset: offset + weights))
        offset += weights + filters
        channels = filters
      case .relu:
        if flattened {
          guard let last = denses.indices.last, !denses[last].relu else {
            throw fail("layer \(index + 1): relu must follow a dense layer")
          }
          denses[last].relu = true
        } else {
          guard let last = convs.indices.last, !convs[last].relu else {
            throw fail("layer \(index + 1): relu must follow a conv layer")
          }
          convs[last].relu = true
        }
      case .maxPool:
        guard !flattened, let last = convs.indices.last, !convs[last].pool else {
          throw fail("layer \(index + 1): maxPool must follow a conv layer")
        }
        guard height % 2 == 0, width % 2 == 0 else {
          throw HemoError(
            "layer \(index + 1): cannot pool a \(height)×\(width) map",
            advice: "choose an input size divisible by 2 for every pooling layer")
        }
        convs[last].pool = true
        height /= 2
        width /= 2
      case .flatten:
        guard !flattened else { throw fail("layer \(index + 1): a second flatten") }
        flattened = true
        features = channels * height * width
      case .dense(let units):
        guard flattened else { throw fail("layer \(index + 1): dense before flatten") }
        guard (1...65536).contains(units) else {
          throw fail("layer \(index + 1): dense units must be 1–65536")
        }
        let inputs = denses.last?.outputs ?? features
        denses.append(
          DenseStage(
            inputs: inputs, outputs: units, relu: false, layerIndex: index, weightOffset: offset,
            biasOffset: offset + inputs * units))
        offset += inputs * units + units
      }
      guard offset <= Self.maximumParameters else {
        throw fail("the network has more than \(Self.maximumParameters) parameters")
      }
    }
    guard let last = denses.last, !last.relu else {
      throw fail("the network must end with a dense layer (the class scores)")
    }
    guard last.outputs == classes else {
      throw fail("the last dense layer has \(last.outputs) units for \(classes) classes")
    }
    self.input = input
    self.classes = classes
    self.convs = convs
    self.denses = denses
    self.features = features
    self.parameterCount = offset
    self.convParameterCount = denses[0].weightOffset
  }

  /// He-normal weights (σ = √(2 / fan-in)) from the seed, zero biases; the output layer's
  /// weights are scaled by `outputScale` (see `TrainingConfig.outputInitScale`).
  func initialParameters(seed: UInt64, outputScale: Double = 1) -> [Float] {
    var rng = SeededRNG(seed: seed, stream: 0x1417)
    var parameters = [Float](repeating: 0, count: parameterCount)
    for stage in convs {
      let sd = (2.0 / Double(9 * stage.cin)).squareRoot()
      for i in 0..<stage.weightCount {
        parameters[stage.weightOffset + i] = Float(rng.normal() * sd)
      }
    }
    for (index, stage) in denses.enumerated() {
      let scale = index == denses.count - 1 ? outputScale : 1
      let sd = (2.0 / Double(stage.inputs)).squareRoot() * scale
      for i in 0..<(stage.inputs * stage.outputs) {
        parameters[stage.weightOffset + i] = Float(rng.normal() * sd)
      }
    }
    return parameters
  }

  /// Named tensors in the parameter vector, for the model file: (name, shape, offset, count).
  var tensors: [(name: String, shape: [Int], offset: Int, count: Int)] {
    var list: [(String, [Int], Int, Int)] = []
    for s in convs {
      list.append(
        ("layers.\(s.layerIndex).weight", [3, 3, s.cin, s.cout], s.weightOffset, s.weightCount))
      list.append(("layers.\(s.layerIndex).bias", [s.cout], s.biasOffset, s.cout))
    }
    for s in denses {
      list.append(
        (
          "layers.\(s.layerIndex).weight", [s.inputs, s.outputs], s.weightOffset,
          s.inputs * s.outputs
        ))
      list.append(("layers.\(s.layerIndex).bias", [s.outputs], s.biasOffset, s.outputs))
    }
    return list
  }
}
