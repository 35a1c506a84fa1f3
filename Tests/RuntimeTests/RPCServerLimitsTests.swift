import BridgeRPC
import Foundation
import XCTest

final class RPCServerLimitsTests: XCTestCase {
    private var harness: RPCTestHarness!

    override func setUpWithError() throws {
        harness = try RPCTestHarness()
    }

    override func tearDown() {
        harness.tearDown()
    }

    func testConnectionsBeyondTheCapAreClosed() throws {
        var limits = RPCServer.Limits()
        limits.maxConnections = 2
        _ = try harness.startServer(limits: limits)
        let admitted = try (0..<2).map { _ in try UnixSocket.connect(path: harness.socketPath) }
        defer { admitted.forEach { $0.close() } }
        for socket in admitted { XCTAssertTrue(try echoes(on: socket), "an admitted connection must work") }
        let extra = try UnixSocket.connect(path: harness.socketPath)
        defer { extra.close() }
        XCTAssertFalse(try echoes(on: extra), "the third connection must be closed")
    }

    func testIdleAndTricklingConnectionsAreClosedSoTheyCannotHoldEverySlot() throws {
        var limits = RPCServer.Limits()
        limits.maxConnections = 2
        limits.idleTimeout = .milliseconds(300)
        limits.frameTimeout = .milliseconds(300)
        _ = try harness.startServer(limits: limits)
        let idle = try UnixSocket.connect(path: harness.socketPath)
        defer { idle.close() }
        let trickling = try UnixSocket.connect(path: harness.socketPath)
        defer { trickling.close() }
        XCTAssertTrue(trickling.send([0, 0, 0, 40, 1, 2]), "the start of a frame that never ends")
        Thread.sleep(forTimeInterval: 0.1)
        let early = try UnixSocket.connect(path: harness.socketPath)
        XCTAssertFalse(try echoes(on: early), "both slots are held for now")
        early.close()

        Thread.sleep(forTimeInterval: 0.8)
        let later = try UnixSocket.connect(path: harness.socketPath)
        defer { later.close() }
        XCTAssertTrue(try echoes(on: later), "the idle and the trickling connection were closed")
        // A client whose idle connection was closed reconnects on its next call.
        let client = harness.client()
        XCTAssertNoThrow(try client.call(HealthMessages.checkMethod, []))
        Thread.sleep(forTimeInterval: 0.8)
        XCTAssertNoThrow(try client.call(HealthMessages.checkMethod, []))
    }

    func testCallsInFlightPerConnectionAreCapped() throws {
        var limits = RPCServer.Limits()
        limits.maxCallsInFlightPerConnection = 2
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        _ = try harness.startServer(limits: limits, workers: 4) { server in
            server.register("/t/Block") { _, _ in
                entered.signal()
                _ = release.wait(timeout: .now() + 5)
                return [1]
            }
        }
        let client = harness.client()
        let answers = LockedBox(0)
        let group = DispatchGroup()
        for _ in 0..<5 {
            DispatchQueue.global().async(group: group) {
                if (try? client.call("/t/Block", [])) == [1] { answers.update { $0 += 1 } }
            }
        }
        XCTAssertEqual(entered.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(entered.wait(timeout: .now() + 5), .success)
        // Four workers are idle, yet a third call must not start while two are unanswered.
        XCTAssertEqual(entered.wait(timeout: .now() + .milliseconds(200)), .timedOut)
        for _ in 0..<5 { release.signal() }
        XCTAssertEqual(group.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(answers.get(), 5)
    }

    func testAStoppedServerCannotStartAgain() throws {
        let server = try harness.startServer()
        server.stop()
        XCTAssertThrowsError(try server.start()) { error in
            XCTAssertTrue(error is ServerStartError, "\(error)")
        }
    }

    /// Sends one Echo request on a raw socket; true when its answer comes back.
    private func echoes(on socket: UnixSocket) throws -> Bool {
        let request = Envelope(kind: .request, callID: 1, method: "/test.v1.Test/Echo", payload: [9])
        guard socket.send(request.encodedFrame()) else { return false }
        var decoder = FrameDecoder()
        var buffer = [UInt8](repeating: 0, count: 1_024)
        for _ in 0..<100 {
            if let frame = try decoder.nextFrame() { return Envelope.decode(frame)?.payload == [9] }
            let count = buffer.withUnsafeMutableBytes { socket.receive(into: $0) }
            if count <= 0 { return false }
            decoder.append(buffer[0..<count])
        }
        return false
    }
}
