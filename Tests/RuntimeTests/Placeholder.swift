import XCTest

final class RuntimeTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
