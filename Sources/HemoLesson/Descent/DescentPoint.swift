/// One row of a descent path: the step number, the position of the weights and the loss there.
public struct DescentPoint: Sendable, Hashable, Codable {
  public var step: Int
  public var x: Double
  public var y: Double
  public var loss: Double

  public init(step: Int, x: Double, y: Double, loss: Double) {
    self.step = step
    self.x = x
    self.y = y
    self.loss = loss
  }

  public var position: Point2 { Point2(x, y) }
}
