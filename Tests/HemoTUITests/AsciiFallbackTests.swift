import HemoLesson
import Testing

@testable import HemoTUI

/// In a non-UTF-8 locale every character of the lesson's own text has a readable ASCII stand-in
/// (no `?` for a minus sign, a dash or a multiplication sign).
@Suite struct AsciiFallbackTests {
  @Test func everyCharacterOfTheLessonTextHasAnASCIIStandIn() throws {
    var texts = try LessonStep.builtIn().flatMap { [$0.title, $0.text] }
    texts += try ExperimentCatalog.builtIn().experiments.flatMap {
      [$0.title, $0.expectation] + $0.classes.map(\.name)
    }
    texts.append(lessonHelp)
    let unmapped = Set(
      texts.joined().filter { !$0.isASCII && Glyphs.asciiFallback($0) == "?" })
    #expect(unmapped.isEmpty, "no ASCII stand-in for \(unmapped.sorted())")
    #expect(Glyphs.asciiFallback("−") == "-")
  }
}
