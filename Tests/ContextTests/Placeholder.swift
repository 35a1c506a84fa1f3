import XCTest

final class ContextTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
