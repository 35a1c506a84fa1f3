import BridgeRPC
import Foundation
import XCTest

final class RPCServiceRunnerTests: XCTestCase {
    func testSIGTERMStopsTheServerAndRunsOnStop() throws {
        let harness = try RPCTestHarness()
        defer { harness.tearDown() }
        let server = RPCServer(
            socketPath: harness.socketPath, serviceName: "runner", logger: RPCTestHarness.quietLogger)
        let stoppedCleanly = LockedBox(false)
        let returned = DispatchSemaphore(value: 0)
        let signalSeen = LockedBox<Int32>(0)
        Thread.detachNewThread {
            let number = try? ServiceRunner.serve(server: server, logger: RPCTestHarness.quietLogger) {
                stoppedCleanly.set(true)
            }
            signalSeen.set(number ?? -1)
            returned.signal()
        }
        let client = harness.client()
        // The runner starts the server on its thread; wait (bounded) until it answers.
        var answered = false
        for _ in 0..<500 where !answered {
            answered = (try? client.call(HealthMessages.checkMethod, [], timeout: .seconds(1))) != nil
            if !answered { usleep(2_000) }
        }
        XCTAssertTrue(answered, "the runner never started the server")
        kill(getpid(), SIGTERM)
        // Generous: under a loaded CI machine the drain and thread wake-ups can take seconds.
        XCTAssertEqual(returned.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(signalSeen.get(), SIGTERM)
        XCTAssertTrue(stoppedCleanly.get())
        XCTAssertFalse(FileManager.default.fileExists(atPath: harness.socketPath))
    }
}
