import HemoCore
import Testing

@testable import HemoLesson

@Suite struct LessonStepTests {
  @Test func theLessonHasEightStepsInTheCourseOrder() throws {
    let steps = try LessonStep.builtIn()
    #expect(steps.count == 8)
    #expect(steps.map(\.number) == Array(1...8))
    #expect(
      steps.map(\.kind) == [
        .descent, .data, .experiment(1), .experiment(2), .experiment(3), .experiment(4),
        .experiment(5),
        .generalize,
      ])
    #expect(steps.allSatisfy { !$0.title.isEmpty && $0.text.count > 200 })
  }

  @Test func everyExperimentStepNamesAnExistingExperiment() throws {
    let catalog = try ExperimentCatalog.builtIn()
    for step in try LessonStep.builtIn() {
      if case .experiment(let id) = step.kind {
        #expect(catalog.experiment(id: id) != nil, "step \(step.number) names experiment \(id)")
      }
    }
  }

  @Test func malformedStepsAreExplained() {
    #expect(throws: HemoError.self) { try LessonStep.parse("no title", number: 1, file: "a.md") }
    #expect(throws: HemoError.self) { try LessonStep.parse("# T\nbody", number: 1, file: "a.md") }
    #expect(throws: HemoError.self) {
      try LessonStep.parse("# T\nkind: experiment x", number: 1, file: "a.md")
    }
    let step = try? LessonStep.parse(
      "# Title\nkind: experiment 3\n\nText.", number: 4, file: "a.md")
    #expect(step == LessonStep(number: 4, title: "Title", kind: .experiment(3), text: "Text."))
  }
}
