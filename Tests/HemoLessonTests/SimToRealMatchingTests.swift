import HemoCore
import Testing

@testable import HemoLesson

/// How `hemolab realism` pairs a real project's class names with the experiment's classes.
@Suite struct SimToRealMatchingTests {
  let model = ["Normal", "Subdural", "Intraparenchymal"]

  @Test func sameNamesMatchIgnoringCaseAndPunctuation() throws {
    let mapping = try SimToRealEvaluation.match(
      real: ["intra-parenchymal", "NORMAL", "sub_dural"], model: model, file: "x.tm")
    #expect(mapping == [2, 0, 1])
  }

  @Test func aNameInsideAnotherCountsAsAMatch() throws {
    let mapping = try SimToRealEvaluation.match(
      real: ["Normal", "Subdural", "Parenchymal"], model: model, file: "x.tm")
    #expect(mapping == [0, 1, 2])
  }

  @Test func anUnknownClassIsRefusedNamingTheFile() {
    #expect {
      try SimToRealEvaluation.match(
        real: ["Normal", "Subdural", "Epidural"], model: model, file: "course.tm")
    } throws: { error in
      let error = error as? HemoError
      return error?.file == "course.tm" && error?.problem.contains("\"Epidural\"") == true
    }
  }

  @Test func twoRealClassesOnOneModelClassAreRefused() {
    #expect(throws: HemoError.self) {
      try SimToRealEvaluation.match(
        real: ["Normal", "normal", "Subdural"], model: model, file: "x.tm")
    }
  }
}
