/// How a saliency map is computed from a model and one image.
public enum SaliencyMethod: String, Sendable, Codable, CaseIterable {
  /// Grad-CAM (Selvaraju et al. 2017) on the last convolution, upsampled to the image.
  case gradCAM
  /// HiResCAM (Draelos & Carin 2020): like Grad-CAM, but each activation is weighted by its own
  /// gradient instead of its channel's mean gradient. Faithful to a network that flattens its last
  /// feature map into dense layers (as HemoLab's do), where Grad-CAM's averaging can light up
  /// places the score does not depend on.
  case hiResCAM
  /// |gradient × input| of the class score, at input resolution, summed over channels.
  case gradientTimesInput
  /// SmoothGrad (Smilkov et al. 2017): |gradient × input| averaged over noisy copies of the image,
  /// the noise drawn from the seed.
  case smoothGrad

  /// "Grad-CAM", "gradient × input", "SmoothGrad".
  public var title: String {
    switch self {
    case .gradCAM: "Grad-CAM"
    case .hiResCAM: "HiResCAM"
    case .gradientTimesInput: "gradient × input"
    case .smoothGrad: "SmoothGrad"
    }
  }
}
