import BridgeLog
import Foundation
import XCTest

@testable import BridgeRPC

/// Connections refused at the connection limit are warned about, at most once per 10 seconds,
/// with the count since the last warning and nothing about the callers.
final class RPCRefusalWarningTests: XCTestCase {
    func testThrottleWarnsOncePerIntervalWithTheCountSinceTheLastWarning() {
        var throttle = WarningThrottle(interval: .seconds(10))
        let start = ContinuousClock.now
        XCTAssertEqual(throttle.record(at: start), 1, "the first event warns at once")
        XCTAssertNil(throttle.record(at: start + .seconds(1)))
        XCTAssertNil(throttle.record(at: start + .seconds(9)))
        XCTAssertEqual(throttle.record(at: start + .seconds(10)), 3, "two quiet ones and this one")
        XCTAssertNil(throttle.record(at: start + .seconds(19)))
        XCTAssertEqual(throttle.record(at: start + .seconds(60)), 2)
        XCTAssertEqual(throttle.record(at: start + .seconds(120)), 1)
    }

    func testRefusalsAtTheLimitLogOneWarningWithoutClientData() throws {
        let harness = try RPCTestHarness()
        defer { harness.tearDown() }
        let lines = LockedBox<[String]>([])
        let logger = Logger(
            label: "rpc", level: .warning, sink: LogSink { line in lines.update { $0.append(line) } })
        var limits = RPCServer.Limits()
        limits.maxConnections = 1
        let server = RPCServer(
            socketPath: harness.socketPath, serviceName: "crowded", logger: logger, workers: 1,
            limits: limits)
        try server.start()
        defer { server.stop() }
        let holder = try UnixSocket.connect(path: harness.socketPath)
        defer { holder.close() }
        let health = Envelope(kind: .request, callID: 1, method: HealthMessages.checkMethod)
        XCTAssertTrue(holder.send(health.encodedFrame()))
        XCTAssertNotNil(holder.receiveAnswerBytes(), "the first connection is admitted")
        for _ in 0..<4 {
            let refused = try UnixSocket.connect(path: harness.socketPath)
            defer { refused.close() }
            XCTAssertNil(refused.receiveAnswerBytes(), "the server closes a connection over the limit")
        }
        let warnings = lines.get().filter { $0.contains("refusing connections") }
        XCTAssertEqual(warnings.count, 1, "\(lines.get())")
        let warning = try XCTUnwrap(warnings.first)
        let parts = [
            "\"level\":\"warning\"", "\"rpc.max_connections\":\"1\"",
            "\"rpc.refused_since_last_warning\":\"1\"",
        ]
        for part in parts {
            XCTAssertTrue(warning.contains(part), "missing \(part) in \(warning)")
        }
    }
}

extension UnixSocket {
    /// Waits (at most 5 s) for bytes from the server: some bytes, or nil once it closes the
    /// connection.
    fileprivate func receiveAnswerBytes() -> [UInt8]? {
        setReceiveTimeout(.seconds(5))
        var buffer = [UInt8](repeating: 0, count: 1_024)
        let count = buffer.withUnsafeMutableBytes { receive(into: $0) }
        return count > 0 ? Array(buffer[0..<count]) : nil
    }
}
