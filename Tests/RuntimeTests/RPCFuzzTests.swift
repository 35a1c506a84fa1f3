import BridgeRPC
import TestSupport
import XCTest

final class RPCFuzzTests: XCTestCase {
    func testServerSurvivesTenThousandHostileFrames() throws {
        let harness = try RPCTestHarness()
        defer { harness.tearDown() }
        _ = try harness.startServer()
        let report = try FrameFuzzer.run(socketPath: harness.socketPath, frames: 10_000, seed: 0x5EED)
        XCTAssertGreaterThanOrEqual(report.framesSent, 10_000, "\(report)")
        XCTAssertGreaterThan(report.answersReceived, 0, "\(report)")
        let answer = try harness.client().call(
            HealthMessages.checkMethod, HealthMessages.encodeRequest(service: ""))
        XCTAssertEqual(HealthMessages.decodeResponse(answer)?.serving, true)
        print("fuzz: \(report)")
    }
}
