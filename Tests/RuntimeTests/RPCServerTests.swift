import BridgeLog
import BridgeRPC
import Foundation
import XCTest

final class RPCServerTests: XCTestCase {
    private var harness: RPCTestHarness!

    override func setUpWithError() throws {
        harness = try RPCTestHarness()
    }

    override func tearDown() {
        harness.tearDown()
    }

    func testEchoRoundTripAndHealth() throws {
        _ = try harness.startServer()
        let client = harness.client()
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [1, 2, 3]), [1, 2, 3])
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", []), [])
        let answer = try client.call(HealthMessages.checkMethod, HealthMessages.encodeRequest(service: ""))
        let status = try XCTUnwrap(HealthMessages.decodeResponse(answer))
        XCTAssertTrue(status.serving)
        XCTAssertEqual(status.service, "test-service")
        XCTAssertGreaterThanOrEqual(status.uptimeSeconds, 0)
    }

    func testUnknownMethodIsUnimplementedAndNamed() throws {
        _ = try harness.startServer()
        let error = assertRPCError(.unimplemented) {
            _ = try harness.client().call("/no.v1.Such/Thing", [])
        }
        XCTAssertTrue(error?.message.contains("/no.v1.Such/Thing") ?? false)
    }

    func testHandlerErrorsMapToStatuses() throws {
        struct LeakyError: Error { let secret = "sk_live_do_not_leak" }
        _ = try harness.startServer { server in
            server.register("/t/NotFound") { _, _ in throw RPCError.notFound("business b_1 is not linked") }
            server.register("/t/Crash") { _, _ in throw LeakyError() }
        }
        let client = harness.client()
        let notFound = assertRPCError(.notFound) { _ = try client.call("/t/NotFound", []) }
        XCTAssertEqual(notFound?.message, "business b_1 is not linked")
        let crash = assertRPCError(.internal) { _ = try client.call("/t/Crash", []) }
        XCTAssertFalse("\(crash.map { "\($0)" } ?? "")".contains("sk_live"))
        let badHealth = assertRPCError(.invalidArgument) {
            _ = try client.call(HealthMessages.checkMethod, [0xFF])
        }
        XCTAssertNotNil(badHealth)
    }

    func testContextCarriesRequestIDCallerAndDeadline() throws {
        let seen = LockedBox<CallContext?>(nil)
        _ = try harness.startServer { server in
            server.register("/t/Context") { _, context in
                seen.set(context)
                return []
            }
        }
        let client = harness.client(caller: "sync-engine")
        _ = try client.call("/t/Context", [], timeout: .seconds(30), metadata: ["request-id": "req-123"])
        let context = try XCTUnwrap(seen.get())
        XCTAssertEqual(context.requestID, "req-123")
        XCTAssertEqual(context.caller, "sync-engine")
        let remaining = try XCTUnwrap(context.remaining)
        XCTAssertGreaterThan(remaining, .seconds(25))
        XCTAssertLessThanOrEqual(remaining, .seconds(31))
        _ = try client.call("/t/Context", [])
        XCTAssertEqual(seen.get()?.requestID.count, 16, "a request id is generated when none is sent")
    }

    func testPastDeadlineIsRefusedWithoutRunningTheHandler() throws {
        let runs = LockedBox(0)
        _ = try harness.startServer { server in
            server.register("/t/Count") { _, _ in
                runs.update { $0 += 1 }
                return []
            }
        }
        let socket = try UnixSocket.connect(path: harness.socketPath)
        defer { socket.close() }
        let expired = Envelope(kind: .request, callID: 7, method: "/t/Count", deadlineUnixMs: 1_000)
        XCTAssertTrue(socket.send(expired.encodedFrame()))
        let answer = try XCTUnwrap(try readEnvelope(from: socket))
        XCTAssertEqual(answer.callID, 7)
        XCTAssertEqual(answer.statusCode, StatusCode.deadlineExceeded.rawValue)
        XCTAssertEqual(runs.get(), 0)
    }

    func testOversizedFrameClosesOnlyThatConnection() throws {
        _ = try harness.startServer(maxFrameBytes: 1_024)
        let client = harness.client()
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [1]), [1])
        let rogue = try UnixSocket.connect(path: harness.socketPath)
        defer { rogue.close() }
        _ = rogue.send([0x7F, 0xFF, 0xFF, 0xFF, 1, 2, 3])
        XCTAssertNil(try readEnvelope(from: rogue), "the server must hang up on an oversized frame")
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [2]), [2])
        assertRPCError(.unavailable) {
            _ = try client.call("/test.v1.Test/Echo", Array(repeating: 1, count: 2_000))
        }
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [3]), [3], "the client reconnects after that")
    }

    func testGarbageClosesTheConnection() throws {
        _ = try harness.startServer()
        let rogue = try UnixSocket.connect(path: harness.socketPath)
        defer { rogue.close() }
        _ = rogue.send(FrameDecoder.frame([0xFF, 0xFF, 0xFF, 0xFF, 0xFF]))
        XCTAssertNil(try readEnvelope(from: rogue))
        XCTAssertEqual(try harness.client().call("/test.v1.Test/Echo", [5]), [5])
    }

    func testSocketIsOwnerOnlyAndStaleFilesAreReplaced() throws {
        let first = try harness.startServer()
        var status = stat()
        XCTAssertEqual(lstat(harness.socketPath, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o600)
        let second = RPCServer(
            socketPath: harness.socketPath, serviceName: "dup", logger: RPCTestHarness.quietLogger)
        XCTAssertThrowsError(try second.start(), "a live server's socket must not be stolen")
        first.stop()
        XCTAssertFalse(FileManager.default.fileExists(atPath: harness.socketPath))
        // A socket file left behind by a dead process is replaced.
        let orphan = try UnixSocketFile.bindOrphan(at: harness.socketPath)
        XCTAssertTrue(orphan)
        _ = try harness.startServer()
        XCTAssertEqual(try harness.client().call("/test.v1.Test/Echo", [4]), [4])
    }

    func testStopLetsCallsInFlightFinish() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let server = try harness.startServer { server in
            server.register("/t/Slow") { bytes, _ in
                entered.signal()
                release.wait()
                return bytes
            }
        }
        let client = harness.client()
        let result = LockedBox<Result<[UInt8], Error>?>(nil)
        let callDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            result.set(Result { try client.call("/t/Slow", [8]) })
            callDone.signal()
        }
        XCTAssertEqual(entered.wait(timeout: .now() + 5), .success)
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.stop()
            stopped.signal()
        }
        release.signal()
        XCTAssertEqual(callDone.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(try result.get()?.get(), [8])
        XCTAssertEqual(stopped.wait(timeout: .now() + 5), .success)
        XCTAssertFalse(FileManager.default.fileExists(atPath: harness.socketPath))
    }

    func testOneDebugLinePerCall() throws {
        let lines = LockedBox<[String]>([])
        let logger = Logger(
            label: "rpc", level: .debug, sink: LogSink { line in lines.update { $0.append(line) } })
        let server = RPCServer(
            socketPath: harness.socketPath, serviceName: "logged", logger: logger, workers: 1)
        server.register("/test.v1.Test/Echo") { bytes, _ in bytes }
        try server.start()
        defer { server.stop() }
        _ = try harness.client().call("/test.v1.Test/Echo", [1], metadata: ["request-id": "rid-9"])
        let callLines = lines.get().filter { $0.contains("\"rpc call\"") }
        XCTAssertEqual(callLines.count, 1)
        for key in [
            "\"rpc.method\":\"/test.v1.Test/Echo\"", "\"rpc.status\":\"OK\"", "rpc.duration_us", "rid-9",
        ] {
            XCTAssertTrue(callLines.first?.contains(key) ?? false, "missing \(key) in \(callLines)")
        }
    }

    /// Reads one answer; nil when the server closes the connection first.
    private func readEnvelope(from socket: UnixSocket) throws -> Envelope? {
        var decoder = FrameDecoder()
        var buffer = [UInt8](repeating: 0, count: 4_096)
        for _ in 0..<100 {
            if let frame = try decoder.nextFrame() { return Envelope.decode(frame) }
            let count = buffer.withUnsafeMutableBytes { socket.receive(into: $0) }
            if count <= 0 { return nil }
            decoder.append(buffer[0..<count])
        }
        return nil
    }
}

/// A value shared between a test and the threads it starts.
// @unchecked Sendable: every access to `value` holds `lock`.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&value) } }
}
