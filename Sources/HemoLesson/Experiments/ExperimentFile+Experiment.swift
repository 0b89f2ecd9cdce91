import HemoCore
import HemoTrain

extension Experiment {
  /// The experiment `document` describes, after `document.validate(file:)` found nothing wrong:
  /// the network parsed, the window, draws and optimizer resolved, the defaults filled in.
  public init(_ document: ExperimentFile, file: String) throws(HemoError) {
    try document.validate(file: file)
    var classes: [ExperimentClass] = []
    for item in document.classes {
      guard let draw = DrawRequest(name: item.draw) else {
        throw HemoError(file: file, "class \(item.name): unknown draw \"\(item.draw)\"")
      }
      classes.append(ExperimentClass(name: item.name, count: item.count, draw: draw))
    }
    let network = try Self.parseNetwork(
      document.network, classes: classes.count, file: file)
    let training = document.training
    let optimizer: HemoTrain.OptimizerKind =
      training.optimizer == "sgd" ? .sgd(momentum: training.momentum ?? 0.9) : .adam
    self.init(
      id: document.id, title: document.title, teachingPoint: document.teachingPoint,
      expectation: document.expectation, classes: classes,
      positiveClass: document.positiveClass,
      preprocessing: Preprocessing(
        window: Window.preset(named: document.preprocessing.window) ?? .brain,
        colourCoding: document.preprocessing.colourCoding.map {
          ColourCoding(low: $0[0], high: $0[1])
        },
        inputSize: document.preprocessing.inputSize, channels: document.preprocessing.channels),
      network: network,
      training: TrainingRecipe(
        epochs: training.epochs, batchSize: training.batchSize,
        learningRate: training.learningRate, seed: training.seed, optimizer: optimizer,
        classWeighting: training.classWeighting ?? false,
        augmentation: training.augmentation?.value ?? .none,
        testFraction: training.testFraction ?? 0.15, backbone: training.backbone ?? .scratch,
        learningRateDecay: training.learningRateDecay == "cosine"),
      data: document.data, courseResult: document.courseResult)
  }

  /// Parses layer lines: `conv N`, `relu`, `maxpool`, `flatten`, `dense N`, `dense classes`;
  /// the last must give one output per class.
  public static func parseNetwork(_ lines: [String], classes: Int, file: String)
    throws(HemoError) -> [ExperimentLayer]
  {
    var layers: [ExperimentLayer] = []
    for (index, line) in lines.enumerated() {
      let words = line.lowercased().split(separator: " ").map(String.init)
      func size() throws(HemoError) -> Int? {
        guard words.count == 2 else {
          throw HemoError(
            file: file,
            "network[\(index)] \"\(line)\" needs a size, e.g. \"\(words.first ?? "dense") 32\"")
        }
        if words[1] == "classes" { return nil }
        guard let value = Int(words[1]), (1...4096).contains(value) else {
          throw HemoError(
            file: file, "network[\(index)] \"\(line)\": size must be 1…4096 or \"classes\"")
        }
        return value
      }
      switch words.first {
      case "conv": layers.append(.conv(filters: try size() ?? classes))
      case "relu": layers.append(.relu)
      case "maxpool", "pool": layers.append(.maxPool)
      case "flatten": layers.append(.flatten)
      case "dense": layers.append(try size().map { .dense(units: $0) } ?? .denseClasses)
      default:
        throw HemoError(
          file: file,
          "network[\(index)] \"\(line)\" is not a layer (conv N, relu, maxpool, flatten, dense N)")
      }
    }
    switch layers.last {
    case .denseClasses?: break
    case .dense(let units)? where units == classes: break
    default:
      throw HemoError(
        file: file, "the network must end with \"dense classes\" (\(classes) outputs)")
    }
    return layers
  }
}
