import BridgeRPC
import Foundation
import XCTest

final class RPCClientTests: XCTestCase {
    private var harness: RPCTestHarness!

    override func setUpWithError() throws {
        harness = try RPCTestHarness()
    }

    override func tearDown() {
        harness.tearDown()
    }

    func testManyThreadsShareOneClient() throws {
        _ = try harness.startServer(workers: 4)
        let client = harness.client()
        let failures = LockedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for index in 0..<200 {
                let payload = Array("t\(thread)-c\(index)".utf8)
                do {
                    let answer = try client.call("/test.v1.Test/Echo", payload)
                    if answer != payload {
                        failures.update { $0.append("mismatch t\(thread) c\(index)") }
                    }
                } catch {
                    failures.update { $0.append("\(error)") }
                }
            }
        }
        XCTAssertEqual(failures.get(), [])
    }

    func testCallerGetsDeadlineExceededWhenTheServerNeverAnswers() throws {
        let release = DispatchSemaphore(value: 0)
        _ = try harness.startServer { server in
            server.register("/t/Hang") { _, _ in
                _ = release.wait(timeout: .now() + 5)
                return []
            }
        }
        defer { release.signal() }
        let client = harness.client()
        let started = ContinuousClock.now
        assertRPCError(.deadlineExceeded) {
            _ = try client.call("/t/Hang", [], timeout: .milliseconds(150))
        }
        let waited = ContinuousClock.now - started
        XCTAssertGreaterThanOrEqual(waited, .milliseconds(140))
        XCTAssertLessThan(waited, .seconds(2))
        release.signal()
        XCTAssertEqual(
            try client.call("/test.v1.Test/Echo", [6]), [6], "a late answer does not confuse later calls")
    }

    func testClientReconnectsAfterServerRestart() throws {
        let first = try harness.startServer()
        let client = harness.client()
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [1]), [1])
        first.stop()
        assertRPCError(.unavailable) { _ = try client.call("/test.v1.Test/Echo", [2]) }
        _ = try harness.startServer()
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [3]), [3])
    }

    func testCallAfterRestartWithoutAnInterveningFailure() throws {
        let first = try harness.startServer()
        let client = harness.client()
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [1]), [1])
        first.stop()
        _ = try harness.startServer()
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [2]), [2])
    }

    func testMissingSocketIsUnavailableAndNamesThePath() {
        let client = harness.client()
        let error = assertRPCError(.unavailable) { _ = try client.call("/test.v1.Test/Echo", []) }
        XCTAssertTrue(error?.message.contains(harness.socketPath) ?? false, "\(String(describing: error))")
    }

    func testARequestOverTheFrameLimitIsRefusedByTheClientWithTheSizes() throws {
        _ = try harness.startServer()
        let client = harness.client()
        let error = assertRPCError(.resourceExhausted) {
            _ = try client.call("/test.v1.Test/Echo", [UInt8](repeating: 7, count: 4 << 20))
        }
        XCTAssertTrue(error?.message.contains("4194304-byte frame limit") ?? false, "\(String(describing: error))")
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [1]), [1], "the client keeps working")
    }

    func testClosedClientRefusesCalls() throws {
        _ = try harness.startServer()
        let client = harness.client()
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [1]), [1])
        client.close()
        assertRPCError(.unavailable) { _ = try client.call("/test.v1.Test/Echo", [1]) }
    }

    func testHealthRoundTripIsFast() throws {
        _ = try harness.startServer()
        let client = harness.client()
        let request = HealthMessages.encodeRequest(service: "")
        _ = try client.call(HealthMessages.checkMethod, request)
        let rounds = 2_000
        let started = ContinuousClock.now
        for _ in 0..<rounds { _ = try client.call(HealthMessages.checkMethod, request) }
        let perCall = (ContinuousClock.now - started) / rounds
        // Generous bound for a loaded debug build; typically tens of microseconds.
        XCTAssertLessThan(perCall, .milliseconds(2), "one Health round trip took \(perCall)")
        print("Health round trip: \(perCall) per call")
    }
}
