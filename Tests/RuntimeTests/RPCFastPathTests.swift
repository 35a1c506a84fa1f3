import BridgeRPC
import Foundation
import XCTest

/// The paths that skip thread hand-offs: calls run inline on the server's reading thread, and
/// callers that read their own answers; and the fall-backs when calls overlap.
final class RPCFastPathTests: XCTestCase {
    private var harness: RPCTestHarness!

    override func setUpWithError() throws {
        harness = try RPCTestHarness()
    }

    override func tearDown() {
        harness.tearDown()
    }

    func testASlowCallDoesNotHoldUpTheNextCallOnItsConnection() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        _ = try harness.startServer { server in
            server.register("/t/Slow", Self.blocking(entered: entered, until: release))
        }
        let client = harness.client()
        let slowAnswer = LockedBox<[UInt8]?>(nil)
        let slowDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            slowAnswer.set(try? client.call("/t/Slow", [1]))
            slowDone.signal()
        }
        XCTAssertEqual(entered.wait(timeout: .now() + 5), .success)
        // The slow call is the connection's only one, so it runs on the reading thread.
        XCTAssertEqual(try client.call("/test.v1.Test/Echo", [2], timeout: .seconds(3)), [2])
        release.signal()
        XCTAssertEqual(slowDone.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(slowAnswer.get(), [1])
    }

    func testAReaderThatGivesUpPassesReadingToTheNextCaller() throws {
        let release = DispatchSemaphore(value: 0)
        let hangEntered = DispatchSemaphore(value: 0)
        let delayedEntered = DispatchSemaphore(value: 0)
        _ = try harness.startServer { server in
            server.register("/t/Hang", Self.blocking(entered: hangEntered, until: release))
            server.register("/t/Delayed") { bytes, _ in
                delayedEntered.signal()
                usleep(300_000)
                return bytes
            }
        }
        defer { release.signal() }
        let client = harness.client()
        let hangDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            assertRPCError(.deadlineExceeded) {
                _ = try client.call("/t/Hang", [], timeout: .milliseconds(150))
            }
            hangDone.signal()
        }
        XCTAssertEqual(hangEntered.wait(timeout: .now() + 5), .success)
        // Runs while the first caller reads and waits; its answer comes after that caller left.
        let answer = try client.call("/t/Delayed", [5], timeout: .seconds(5))
        XCTAssertEqual(answer, [5])
        XCTAssertEqual(delayedEntered.wait(timeout: .now()), .success)
        XCTAssertEqual(hangDone.wait(timeout: .now() + 5), .success)
    }

    func testPipelinedRequestsInOneWriteAreAllAnswered() throws {
        _ = try harness.startServer()
        let socket = try UnixSocket.connect(path: harness.socketPath)
        defer { socket.close() }
        let requests = (1...20).map { index in
            Envelope(
                kind: .request, callID: UInt64(index), method: "/test.v1.Test/Echo", payload: [UInt8(index)])
        }
        XCTAssertTrue(socket.send(requests.flatMap { $0.encodedFrame() }))
        var decoder = FrameDecoder()
        var answered: [UInt64: [UInt8]] = [:]
        var buffer = [UInt8](repeating: 0, count: 4_096)
        for _ in 0..<200 where answered.count < requests.count {
            let count = buffer.withUnsafeMutableBytes { socket.receive(into: $0) }
            guard count > 0 else { break }
            decoder.append(buffer[0..<count])
            while let frame = try decoder.nextFrame(), let answer = Envelope.decode(frame) {
                answered[answer.callID] = answer.payload
            }
        }
        XCTAssertEqual(answered.count, requests.count)
        for request in requests { XCTAssertEqual(answered[request.callID], request.payload) }
    }

    func testASharedClientKeepsWorkingWhileSomeCallersTimeOut() throws {
        _ = try harness.startServer { server in
            server.register("/t/Sometimes") { bytes, _ in
                if bytes.first == 0 { usleep(50_000) }
                return bytes
            }
        }
        let shared = harness.client()
        let failures = LockedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { thread in
            for index in 0..<60 {
                let payload: [UInt8] = [UInt8(index % 20), UInt8(thread)]
                do {
                    let answer = try shared.call("/t/Sometimes", payload, timeout: .milliseconds(20))
                    if answer != payload { failures.update { $0.append("mismatch \(thread)/\(index)") } }
                } catch let error as RPCError where error.code == .deadlineExceeded && payload[0] == 0 {
                    continue  // the slow ones may time out; the others must not be disturbed
                } catch {
                    failures.update { $0.append("\(thread)/\(index): \(error)") }
                }
            }
        }
        XCTAssertEqual(failures.get(), [])
    }

    /// A handler that signals `entered`, then echoes once `release` is signalled (or after 5 s).
    private static func blocking(
        entered: DispatchSemaphore, until release: DispatchSemaphore
    ) -> RPCServer.Handler {
        { bytes, _ in
            entered.signal()
            _ = release.wait(timeout: .now() + 5)
            return bytes
        }
    }
}
