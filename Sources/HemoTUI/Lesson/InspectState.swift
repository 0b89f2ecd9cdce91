import HemoTrain

/// Inspecting a paused or finished run: a cursor on the confusion matrix, the test images of the
/// chosen cell, one image large, and other panes (epochs, filters, preview).
public struct InspectState: Sendable, Equatable {
  /// What the right-hand pane shows.
  public enum Pane: Int, Sendable, CaseIterable {
    case cell, epochs, filters, preview

    public var title: String {
      switch self {
      case .cell: "Images in cell"
      case .epochs: "Epochs"
      case .filters: "Filters"
      case .preview: "Preview"
      }
    }
  }

  /// Where the keys go.
  public enum Focus: Sendable, Equatable {
    case matrix, list, image
  }

  public var experiment: Int
  public var cursor: ConfusionMatrixView.Position
  public var pane: Pane
  public var focus: Focus
  /// Selected row of the cell's image list.
  public var listSelection: Int
  /// Viewer settings for the large image.
  public var windowIndex: Int
  public var colourCoding: Bool
  public var showsMask: Bool
  /// Gallery image shown in the preview pane.
  public var previewIndex: Int
  /// A file the learner picked for the preview (`o`); nil shows the gallery image.
  public var previewFile: String? = nil
  /// Whether the large image and the file preview show the saliency heatmap (`g`), and for
  /// which class (nil: the predicted one; ←/→ picks another).
  public var showsHeatmap = false
  public var heatmapClass: Int? = nil

  public init(experiment: Int, colourCoding: Bool = false) {
    self.experiment = experiment
    cursor = ConfusionMatrixView.Position(row: 0, column: 0)
    pane = .cell
    focus = .matrix
    listSelection = 0
    windowIndex = 0
    self.colourCoding = colourCoding
    showsMask = true
    previewIndex = 0
  }
}

/// The training settings form (`s`): values stepped with ←/→, applied when it closes.
public struct SettingsForm: Sendable, Equatable {
  public static let batchSizes = [4, 8, 16, 32, 64, 128]
  public static let learningRates: [Float] = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1]
  public static let epochRange = 1...200
  public static let rowNames = [
    "Epochs", "Batch size", "Learning rate", "Seed", "Class weighting", "Backbone",
  ]

  public var experiment: Int
  public var row: Int
  public var epochs: Int
  public var batchSize: Int
  public var learningRate: Float
  public var seed: UInt64
  public var classWeighting: Bool
  /// Scratch, or the pretrained backbone frozen or fine-tuned.
  public var backbone: BackboneMode

  public init(
    experiment: Int, epochs: Int, batchSize: Int, learningRate: Float, seed: UInt64,
    classWeighting: Bool, backbone: BackboneMode = .scratch
  ) {
    self.experiment = experiment
    row = 0
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.seed = seed
    self.classWeighting = classWeighting
    self.backbone = backbone
  }

  /// Moves the selected row's value one step (`delta` ±1).
  public mutating func change(_ delta: Int) {
    switch row {
    case 0:
      epochs = min(Self.epochRange.upperBound, max(Self.epochRange.lowerBound, epochs + delta))
    case 1: batchSize = Self.step(Self.batchSizes, from: batchSize, by: delta)
    case 2: learningRate = Self.step(Self.learningRates, from: learningRate, by: delta)
    case 3: seed = delta < 0 ? (seed > 0 ? seed - 1 : 0) : seed &+ 1
    case 4: classWeighting.toggle()
    default:
      let modes = BackboneMode.allCases
      let index = modes.firstIndex(of: backbone) ?? 0
      backbone = modes[(index + (delta < 0 ? modes.count - 1 : 1)) % modes.count]
    }
  }

  /// The value shown for row `index`.
  public func value(_ index: Int) -> String {
    switch index {
    case 0: String(epochs)
    case 1: String(batchSize)
    case 2: Self.formatRate(learningRate)
    case 3: String(seed)
    case 4: classWeighting ? "on" : "off"
    default: backbone.rawValue
    }
  }

  /// A learning rate as a person writes it (0.001, 0.0003).
  public static func formatRate(_ rate: Float) -> String {
    for decimals in 1...6 {
      let text = NumberFormat.fixed(Double(rate), decimals)
      if abs((Double(text) ?? 0) - Double(rate)) < Double(rate) * 1e-3 { return text }
    }
    return NumberFormat.fixed(Double(rate), 6)
  }

  /// The index of the listed value nearest to `value`, moved `delta` places along the list.
  static func stepIndex(_ list: [Double], from value: Double, by delta: Int) -> Int {
    let nearest = list.indices.min { abs(list[$0] - value) < abs(list[$1] - value) } ?? 0
    return min(list.count - 1, max(0, nearest + delta))
  }

  static func step(_ list: [Int], from value: Int, by delta: Int) -> Int {
    list[stepIndex(list.map(Double.init), from: Double(value), by: delta)]
  }

  static func step(_ list: [Float], from value: Float, by delta: Int) -> Float {
    list[stepIndex(list.map(Double.init), from: Double(value), by: delta)]
  }
}
