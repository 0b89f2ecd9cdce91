import Foundation
import HemoCore
import HemoLesson

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
}

extension LessonImages {
  /// Classifies the preview's file with the inspected experiment's latest weights, when the
  /// preview pane shows a file and the stored result is for other weights or another file.
  static func updateFilePreview(_ state: inout LessonState, controller: LessonController) {
    guard let inspect = state.inspect, inspect.pane == .preview,
      let path = inspect.previewFile, let run = state.live[inspect.experiment]?.run
    else { return }
    let weights = [run.epochs.count, run.epoch, run.batch]
    let stored = state.images.filePreview
    let sameFile = stored?.experiment == inspect.experiment && stored?.path == path
    if sameFile, stored?.weights == weights || stored?.error != nil { return }
    guard let slot = controller.slot(inspect.experiment), let data = slot.data,
      let model = slot.snapshot?.model
    else { return }
    var preview = FilePreview(experiment: inspect.experiment, path: path, weights: weights)
    do throws(HemoError) {
      let pixels: SamplePixels
      if sameFile, let known = stored?.pixels {
        pixels = known
      } else {
        let url = URL(fileURLWithPath: PathCompletion.expand(path))
        pixels = try ClassFolderSource.decode(url)
      }
      preview.pixels = pixels
      var thumbnail = RGBImage(width: ImageStore.thumbnailSide, height: ImageStore.thumbnailSide)
      thumbnail.pixels = Thumbnail.downsample(
        data.preprocessing.display(pixels), width: thumbnail.width, height: thumbnail.height)
      preview.thumbnail = thumbnail
      let input = data.preprocessing.input(pixels)
      guard input.count == model.input.count else {
        throw HemoError(file: path, "does not fit this model's input")
      }
      preview.probabilities = model.predict(input, count: 1).first ?? []
    } catch {
      preview.error = error.description
    }
    state.images.filePreview = preview
  }
}
