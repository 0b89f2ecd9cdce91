import Testing

@testable import HemoTrain

/// Adam and SGD-with-momentum updates against hand-computed values.
@Suite struct OptimizerTests {
  @Test func adamFirstStepMovesByTheLearningRate() {
    // Step 1: m̂ = g and v̂ = g², so each parameter moves by lr · g / (|g| + ε).
    let optimizer = Optimizer(kind: .adam, learningRate: 0.01, count: 11)
    var parameters = [Float](repeating: 1, count: 11)
    let gradient: [Float] = [0.5, -2, 1e-3, 0, 4, -0.25, 3, -1, 2, 0.125, -8]
    optimizer.step(parameters: &parameters, gradient: gradient, count: 11)
    for (p, g) in zip(parameters, gradient) {
      let expected = 1 - 0.01 * Double(g) / (abs(Double(g)) + 1e-7)
      #expect(abs(Double(p) - expected) < 1e-6)
    }
    // Step 2 with the same gradient: m̂ = g and v̂ = g² again.
    optimizer.step(parameters: &parameters, gradient: gradient, count: 11)
    #expect(abs(Double(parameters[1]) - (1 + 0.02)) < 1e-5)
  }

  @Test func sgdWithMomentum() {
    let optimizer = Optimizer(kind: .sgd(momentum: 0.9), learningRate: 0.1, count: 2)
    var parameters: [Float] = [1, -1]
    optimizer.step(parameters: &parameters, gradient: [1, 2], count: 2)
    #expect(parameters == [0.9, -1.2])
    // v = 0.9·v + g → [1.9, 3.8]; p −= 0.1·v.
    optimizer.step(parameters: &parameters, gradient: [1, 2], count: 2)
    #expect(abs(parameters[0] - 0.71) < 1e-6 && abs(parameters[1] + 1.58) < 1e-6)
  }
}
