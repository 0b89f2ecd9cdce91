import Testing

@testable import HemoLesson

@Suite struct HemoLessonModuleTests {
  @Test func moduleLinks() {
    #expect(Bool(true))
  }
}
