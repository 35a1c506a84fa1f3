import BridgeRPC
import XCTest

final class RPCStatusTests: XCTestCase {
    func testCodesMatchGRPC() {
        XCTAssertEqual(StatusCode.allCases.count, 17)
        XCTAssertEqual(StatusCode.deadlineExceeded.rawValue, 4)
        XCTAssertEqual(StatusCode.unauthenticated.rawValue, 16)
        XCTAssertEqual(StatusCode.invalidArgument.name, "INVALID_ARGUMENT")
        XCTAssertEqual(StatusCode(wireValue: 99), .unknown)
    }

    func testErrorDescriptionNamesTheCode() {
        XCTAssertEqual(
            "\(RPCError(.invalidArgument, "amount must be positive"))",
            "INVALID_ARGUMENT: amount must be positive")
        XCTAssertEqual(
            "\(RPCError(.internal, "boom", cause: "disk full"))", "INTERNAL: boom (cause: disk full)")
    }

    func testHealthMessagesRoundTrip() {
        let status = HealthMessages.Status(serving: true, service: "revenue-query", uptimeSeconds: 42)
        XCTAssertEqual(HealthMessages.decodeResponse(HealthMessages.encodeResponse(status)), status)
        XCTAssertEqual(HealthMessages.decodeRequest(HealthMessages.encodeRequest(service: "x")), "x")
    }
}
