/// How a saliency map is computed from a model and one image.
public enum SaliencyMethod: String, Sendable, Codable, CaseIterable {
  /// Grad-CAM (Selvaraju et al. 2017) on the last convolution, upsampled to the image.
  case gradCAM
  /// |gradient × input| of the class score, at input resolution, summed over channels.
  case gradientTimesInput
  /// SmoothGrad (Smilkov et al. 2017): |gradient × input| averaged over noisy copies of the image,
  /// the noise drawn from the seed.
  case smoothGrad

  /// "Grad-CAM", "gradient × input", "SmoothGrad".
  public var title: String {
    switch self {
    case .gradCAM: "Grad-CAM"
    case .gradientTimesInput: "gradient × input"
    case .smoothGrad: "SmoothGrad"
    }
  }
}
