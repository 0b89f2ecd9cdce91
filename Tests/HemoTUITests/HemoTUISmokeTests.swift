import Testing

@testable import HemoTUI

@Suite struct HemoTUIModuleTests {
  @Test func moduleLinks() {
    #expect(Bool(true))
  }
}
