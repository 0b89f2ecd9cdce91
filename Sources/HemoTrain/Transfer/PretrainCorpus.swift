import Dispatch
import HemoCore

/// The synthetic corpus a backbone is pretrained on: normal slices and all five subtypes in equal
/// shares, at every level, in the brain, subdural and stroke windows, grey or colour-coded (every
/// image has 3 channels; grey ones have R = G = B), a fifth of them from "another hospital".
/// Image `i` depends only on the recipe's seed and `i`.
public enum PretrainCorpus {
  /// Normal, then the five subtypes in `HemorrhageSubtype.allCases` order.
  public static let subtypeNames = ["normal"] + HemorrhageSubtype.allCases.map(\.rawValue)

  /// Class names of the pretext task.
  public static func classNames(_ task: PretextTask) -> [String] {
    switch task {
    case .subtype: subtypeNames
    case .subtypeAndLevel:
      SliceLevel.allCases.flatMap { level in subtypeNames.map { "\($0) @ \(level.rawValue)" } }
    }
  }

  /// The corpus as a dataset, generated on `threads` threads; `progress` gets the fraction done.
  public static func dataset(
    _ recipe: PretrainRecipe, threads: Int = 2, progress: (Double) -> Void = { _ in }
  ) -> Dataset {
    let count = recipe.corpusImages
    let size = recipe.inputSize
    let stride = 3 * size * size
    var images = [Float](repeating: 0, count: count * stride)
    var labels = [Int](repeating: 0, count: count)
    let chunk = 32
    let chunks = (count + chunk - 1) / chunk
    let workers = max(1, min(threads, 8))
    images.withUnsafeMutableBufferPointer { imageBuffer in
      labels.withUnsafeMutableBufferPointer { labelBuffer in
        let target = CorpusBuffers(images: imageBuffer, labels: labelBuffer)
        var next = 0
        while next < chunks {
          let round = min(chunks - next, workers * 4)
          let first = next
          DispatchQueue.concurrentPerform(iterations: round) { offset in
            let start = (first + offset) * chunk
            for index in start..<min(count, start + chunk) {
              let (input, label) = image(index, recipe: recipe)
              target.write(input, label: label, index: index, stride: stride)
            }
          }
          next += round
          progress(Double(min(count, next * chunk)) / Double(max(count, 1)))
        }
      }
    }
    return Dataset(
      shape: TensorShape(channels: 3, height: size, width: size),
      classNames: classNames(recipe.task), images: images, labels: labels)
  }

  /// Image `index` of the corpus (3 × size × size, 0…1) and its pretext label.
  static func image(_ index: Int, recipe: PretrainRecipe) -> ([Float], Int) {
    var rng = SeededRNG(seed: recipe.seed, stream: 0x9_0000_0000 &+ UInt64(index))
    let kind = index % subtypeNames.count
    let request: HemorrhageRequest =
      kind == 0 ? .none : .subtypes([HemorrhageSubtype.allCases[kind - 1]])
    let population: PhantomPopulation = rng.uniform(0, 1) < 0.2 ? .external : .standard
    let slice = PhantomGenerator(seed: recipe.seed, size: recipe.sliceSize, population: population)
      .slice(index: index, hemorrhage: request)
    let draw = rng.uniform(0, 1)
    let window: Window = draw < 0.6 ? .brain : (draw < 0.8 ? .subdural : .stroke)
    let colour = rng.uniform(0, 1) < 0.5
    let preprocessing = Preprocessing(
      window: window, colourCoding: colour ? .acuteBlood : nil, inputSize: recipe.inputSize,
      channels: 3)
    let input = preprocessing.input(.hounsfield(slice.image))
    let level = SliceLevel.allCases.firstIndex(of: slice.level) ?? 0
    let label = recipe.task == .subtype ? kind : level * subtypeNames.count + kind
    return (input, label)
  }
}

/// The corpus buffers that parallel workers fill at disjoint offsets.
private struct CorpusBuffers: @unchecked Sendable {
  let images: UnsafeMutableBufferPointer<Float>
  let labels: UnsafeMutableBufferPointer<Int>

  func write(_ input: [Float], label: Int, index: Int, stride: Int) {
    for (offset, value) in input.enumerated() { images[index * stride + offset] = value }
    labels[index] = label
  }
}
