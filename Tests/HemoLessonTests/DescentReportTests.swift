import Foundation
import Testing

@testable import HemoLesson

@Suite struct DescentReportTests {
  @Test func tableOfThreeBowlSteps() {
    // Gradient descent, lr 0.1, on 0.5·(x² + 2y²): x ← 0.9x, y ← 0.8y from (−2.5, 1.8).
    // x: −2.5, −2.25, −2.025, −1.8225; y: 1.8, 1.44, 1.152, 0.9216
    // loss: 6.365, 4.60485, 3.3774165, 2.5100997; last step √(0.2025² + 0.2304²) = 0.306742
    let run = DescentRun(
      DescentSetup(surface: .bowl, optimizer: .gradientDescent, learningRate: 0.1), steps: 3)
    let expected = """
      surface bowl, optimizer gd, learning rate 0.1, start (-2.5000, 1.8000) the surface's default start, noise off
      step        x       y    loss
         0  -2.5000  1.8000  6.3650
         1  -2.2500  1.4400  4.6048
         2  -2.0250  1.1520  3.3774
         3  -1.8225  0.9216  2.5101
      still moving after 3 steps: loss 2.5101, last step 0.3067 long, not near a minimum yet

      """
    #expect(DescentReport.table(run) == expected)
  }

  @Test func verdicts() {
    let diverged = DescentRun(
      DescentSetup(surface: .bowl, optimizer: .gradientDescent, learningRate: 1.5), steps: 50)
    #expect(
      DescentReport.verdict(diverged)
        == "diverged at step 10: the weights flew off (beyond ±1000); the learning rate 1.5 is too large here, try a smaller one"
    )
    let converged = DescentRun(
      DescentSetup(surface: .bowl, optimizer: .gradientDescent, learningRate: 0.5), steps: 100)
    #expect(DescentReport.verdict(converged).hasPrefix("converged by step "))
    #expect(
      DescentReport.verdict(converged).contains(
        "settled at the global minimum (0.0000, 0.0000), loss 0.0000"))
  }

  @Test func numbersNeverShowMinusZeroOrRunWide() {
    #expect(DescentReport.number(-0.00001) == "0.0000")
    #expect(DescentReport.number(-1.23456) == "-1.2346")
    #expect(DescentReport.number(182_600) == "1.826e+05")
  }

  @Test func jsonDecodesToTheSameRun() throws {
    let setup = DescentSetup(
      surface: .valley, optimizer: .adam, learningRate: 0.1, randomStart: true, seed: 3, noise: true
    )
    let run = DescentRun(setup, steps: 25)
    let text = try DescentReport.json(run)
    let decoded = try JSONDecoder().decode(DescentJSON.self, from: Data(text.utf8))
    #expect(decoded == DescentJSON(run))
    #expect(decoded.path == run.path)
    #expect(decoded.surface == "valley" && decoded.optimizer == "adam" && decoded.seed == 3)
    #expect(decoded.noise && decoded.startOrigin == "seed" && decoded.start == setup.start)
    #expect(decoded.outcome.kind == "still moving" && decoded.outcome.step == nil)
  }

  @Test func divergedJsonHasNoNonFiniteNumbers() throws {
    let run = DescentRun(
      DescentSetup(surface: .basins, optimizer: .gradientDescent, learningRate: 5), steps: 50)
    let text = try DescentReport.json(run)
    let decoded = try JSONDecoder().decode(DescentJSON.self, from: Data(text.utf8))
    #expect(decoded.outcome.kind == "diverged")
    #expect(!text.lowercased().contains("nan") && !text.lowercased().contains("inf"))
  }
}
