import HemoCore

extension NetworkSpec {
  /// Checks that the network can be built for `input` and `classes` and that `backbone` fits
  /// its first convolutions, with a one-line reason if not.
  public func validate(input: TensorShape, classes: Int, backbone: Backbone) throws(HemoError) {
    let plan = try NetworkPlan(network: self, input: input, classes: classes)
    try plan.check(backbone: backbone)
  }
}
