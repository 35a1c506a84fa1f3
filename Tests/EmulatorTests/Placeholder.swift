import XCTest

final class EmulatorTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
