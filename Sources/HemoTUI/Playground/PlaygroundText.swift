/// The playground's short explanation, linking the rolling ball to the experiments that follow.
public enum PlaygroundText {
  public static let title = "How a model learns: walking downhill"

  /// Paragraphs, to be wrapped to the panel's width.
  public static let paragraphs = [
    "The ball is a model with just two weights; the map shows its loss for every pair of "
      + "weights. Each step moves it downhill by the slope times the learning rate.",
    "Where the ball starts stands for the random initial weights, and the jitter (n) for the "
      + "order in which the images arrive in mini-batches. The seed decides both.",
    "Every HemoLab experiment shows its seed. Train again with another seed and the model walks "
      + "another path and may end somewhere else. Once training is over the weights are fixed: "
      + "the same test images always get the same predictions.",
  ]
}
