import Foundation
import HemoCore
import HemoLesson
import HemoTrain

/// A file's class probabilities under one experiment's model (inspect's preview from a file).
public struct FilePreview: Sendable, Equatable {
  public var experiment: Int
  /// The path as typed.
  public var path: String
  /// Identifies the weights (epochs done, epoch, batch), as `ImageStore.Preview` does.
  public var weights: [Int]
  /// The decoded image (kept so new weights do not read the file again).
  public var pixels: SamplePixels?
  public var thumbnail: RGBImage?
  public var probabilities: [Float]
  /// Why the file could not be classified (one line: file and problem).
  public var error: String?

  public init(
    experiment: Int, path: String, weights: [Int], pixels: SamplePixels? = nil,
    thumbnail: RGBImage? = nil, probabilities: [Float] = [], error: String? = nil
  ) {
    self.experiment = experiment
    self.path = path
    self.weights = weights
    self.pixels = pixels
    self.thumbnail = thumbnail
    self.probabilities = probabilities
    self.error = error
  }

  /// Reads the file at `path` (unless its pixels are `known`) and classifies it with `model`;
  /// a file that cannot be read or does not fit gives a preview with its `error`.
  static func classify(
    _ path: String, known: SamplePixels?, experiment: Int, weights: [Int],
    preprocessing: Preprocessing, model: Model
  ) -> FilePreview {
    var preview = FilePreview(experiment: experiment, path: path, weights: weights)
    do throws(HemoError) {
      let pixels: SamplePixels
      if let known {
        pixels = known
      } else {
        pixels = try ClassFolderSource.decode(URL(fileURLWithPath: PathCompletion.expand(path)))
      }
      preview.pixels = pixels
      var thumbnail = RGBImage(width: ImageStore.thumbnailSide, height: ImageStore.thumbnailSide)
      thumbnail.pixels = Thumbnail.downsample(
        preprocessing.display(pixels), width: thumbnail.width, height: thumbnail.height)
      preview.thumbnail = thumbnail
      let input = preprocessing.input(pixels)
      guard input.count == model.input.count else {
        throw HemoError(file: path, "does not fit this model's input")
      }
      preview.probabilities = model.predict(input, count: 1).first ?? []
    } catch {
      preview.error = error.description
    }
    return preview
  }
}
