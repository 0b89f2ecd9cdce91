import Foundation

/// Adam (as TensorFlow.js and Teachable Machine apply it) or SGD with momentum, over the flat
/// parameter vector.
final class Optimizer {
  let kind: OptimizerKind
  /// Set by the training run at each epoch (constant unless the run decays it).
  var learningRate: Float
  private let first: FloatBuffer
  private let second: FloatBuffer
  private(set) var steps = 0

  static let beta1: Float = 0.9
  static let beta2: Float = 0.999
  static let epsilon: Float = 1e-7

  init(kind: OptimizerKind, learningRate: Float, count: Int) {
    self.kind = kind
    self.learningRate = learningRate
    first = FloatBuffer(count: count)
    second = FloatBuffer(count: kind == .adam ? count : 1)
  }

  /// One update of `parameters` from `gradient` (both `count` floats).
  func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, count: Int) {
    update(parameters: parameters, gradient: gradient, range: 0..<count)
    finishStep()
  }

  /// Counts one step; call after `update` has covered every parameter.
  func finishStep() {
    steps += 1
  }

  /// Updates `range` of the parameters for step `steps + 1` (disjoint ranges may run on
  /// different threads).
  func update(
    parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, range: Range<Int>
  ) {
    let step = steps + 1
    let parameters = parameters + range.lowerBound
    let gradient = gradient + range.lowerBound
    let count = range.count
    let m = first.base + range.lowerBound
    switch kind {
    case .adam:
      let v = second.base + range.lowerBound
      let (b1, b2) = (Self.beta1, Self.beta2)
      let correction1 = Float(1 - pow(Double(b1), Double(step)))
      let correction2 = Float(1 - pow(Double(b2), Double(step)))
      let (rate, eps) = (learningRate, Self.epsilon)
      var i = 0
      while i &+ 8 <= count {
        let g = load8(gradient + i)
        let mi = b1 * load8(m + i) + (1 - b1) * g
        let vi = b2 * load8(v + i) + (1 - b2) * g * g
        store8(mi, m + i)
        store8(vi, v + i)
        let update = (mi / correction1) / (sqrt8(vi / correction2) + eps)
        store8(load8(parameters + i) - rate * update, parameters + i)
        i &+= 8
      }
      while i < count {
        let g = gradient[i]
        m[i] = b1 * m[i] + (1 - b1) * g
        v[i] = b2 * v[i] + (1 - b2) * g * g
        let root = sqrt8(F8(repeating: v[i] / correction2))[0]
        parameters[i] -= rate * ((m[i] / correction1) / (root + eps))
        i += 1
      }
    case .sgd(let momentum):
      for i in 0..<count {
        m[i] = momentum * m[i] + gradient[i]
        parameters[i] -= learningRate * m[i]
      }
    }
  }
}
