import Testing

@testable import HemoTrain

@Suite struct HemoTrainModuleTests {
  @Test func moduleLinks() {
    #expect(Bool(true))
  }
}
