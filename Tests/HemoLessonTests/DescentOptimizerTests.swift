import Testing

@testable import HemoLesson

/// Two steps of each optimizer from (2, 1) with learning rate 0.1, fed the gradients
/// g₀ = (2, −4) then g₁ = (1, 0.5), against numbers worked out by hand (shown in each test).
@Suite struct DescentOptimizerTests {
  static let start = Point2(2, 1)
  static let gradients = [Point2(2, -4), Point2(1, 0.5)]

  static func twoSteps(_ kind: OptimizerKind) -> (Optimizer, [Point2]) {
    var optimizer = Optimizer(kind, learningRate: 0.1)
    var p = start
    var positions: [Point2] = []
    for g in gradients {
      p = optimizer.step(p, gradient: g)
      positions.append(p)
    }
    return (optimizer, positions)
  }

  static func close(_ a: Point2, _ b: Point2, _ tolerance: Double = 1e-9) -> Bool {
    abs(a.x - b.x) < tolerance && abs(a.y - b.y) < tolerance
  }

  @Test func gradientDescent() {
    // p₁ = (2, 1) − 0.1·(2, −4) = (1.8, 1.4)
    // p₂ = (1.8, 1.4) − 0.1·(1, 0.5) = (1.7, 1.35)
    let (_, p) = Self.twoSteps(.gradientDescent)
    #expect(Self.close(p[0], Point2(1.8, 1.4)))
    #expect(Self.close(p[1], Point2(1.7, 1.35)))
  }

  @Test func momentum() {
    // v₁ = (2, −4);              p₁ = (2, 1) − 0.1·(2, −4) = (1.8, 1.4)
    // v₂ = 0.9·(2, −4) + (1, 0.5) = (2.8, −3.1); p₂ = (1.8, 1.4) − 0.1·(2.8, −3.1) = (1.52, 1.71)
    let (optimizer, p) = Self.twoSteps(.momentum)
    #expect(Self.close(p[0], Point2(1.8, 1.4)))
    #expect(Self.close(optimizer.velocity, Point2(2.8, -3.1)))
    #expect(Self.close(p[1], Point2(1.52, 1.71)))
  }

  @Test func rmsprop() {
    // s₁ = 0.1·(4, 16) = (0.4, 1.6); √s₁ = (0.632456, 1.264911)
    // p₁ = (2 − 0.1·2/0.632456, 1 + 0.1·4/1.264911) = (1.683772, 1.316228)
    // s₂ = 0.9·(0.4, 1.6) + 0.1·(1, 0.25) = (0.46, 1.465); √s₂ = (0.678233, 1.210372)
    // p₂ = (1.683772 − 0.1·1/0.678233, 1.316228 − 0.1·0.5/1.210372) = (1.536330, 1.274918)
    let (optimizer, p) = Self.twoSteps(.rmsprop)
    #expect(Self.close(p[0], Point2(1.683772, 1.316228), 1e-6))
    #expect(Self.close(optimizer.squares, Point2(0.46, 1.465)))
    #expect(Self.close(p[1], Point2(1.536330, 1.274918), 1e-6))
  }

  @Test func adam() {
    // t=1: m = 0.1·(2, −4) = (0.2, −0.4); s = 0.001·(4, 16) = (0.004, 0.016)
    //      m̂ = (2, −4); ŝ = (4, 16); step = 0.1·m̂/(√ŝ + 1e-7) ≈ 0.1·(1, −1)
    //      p₁ = (1.9, 1.1) (to within 1e-8: the ε)
    // t=2: m = 0.9·(0.2, −0.4) + 0.1·(1, 0.5) = (0.28, −0.31); m̂ = m/0.19 = (1.473684, −1.631579)
    //      s = 0.999·(0.004, 0.016) + 0.001·(1, 0.25) = (0.004996, 0.016234)
    //      ŝ = s/0.001999 = (2.499250, 8.120960); √ŝ = (1.580902, 2.849730)
    //      p₂ = (1.9 − 0.1·1.473684/1.580902, 1.1 + 0.1·1.631579/2.849730) = (1.806782, 1.157254)
    let (optimizer, p) = Self.twoSteps(.adam)
    #expect(Self.close(p[0], Point2(1.9, 1.1), 1e-8))
    #expect(Self.close(optimizer.velocity, Point2(0.28, -0.31)))
    #expect(Self.close(optimizer.squares, Point2(0.004996, 0.016234)))
    #expect(Self.close(p[1], Point2(1.806782, 1.157254), 1e-6))
    #expect(optimizer.stepCount == 2)
  }

  @Test func namesParse() {
    for kind in OptimizerKind.allCases {
      #expect(OptimizerKind(name: kind.rawValue) == kind)
    }
    #expect(OptimizerKind(name: "SGD") == .gradientDescent)
    #expect(OptimizerKind(name: "lbfgs") == nil)
  }
}
