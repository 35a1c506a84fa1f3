import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import Foundation
import Outbox
import XCTest

/// The outbox delivers in order, waits out a receiver that is down, and sets aside a message
/// its receiver refuses for good instead of blocking everything behind it.
final class OutboxRelayTests: XCTestCase {
    private let logger = Logger(label: "outbox-test", level: .critical)

    func testDeliversInOrderWaitsForTheReceiverAndSetsAsideARefusedMessage() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("outbox-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try Database(path: folder.appendingPathComponent("o.sqlite").path, logger: logger)
        try database.migrate([OutboxStore.migration])
        let store = OutboxStore(database: database)
        for batch in ["b1", "poison", "b3"] {
            try store.enqueue(
                RevenueV1.RevenueQuery.applyChanges, .init(businessId: "biz", batchId: batch), businessID: "biz"
            )
        }

        let socket = folder.appendingPathComponent("r.sock").path
        let relay = OutboxRelay(
            store: store, clients: ["/stripebridge.revenue.v1.": RPCClient(socketPath: socket, caller: "test")],
            logger: logger, idleWait: 0.05, retryWait: 0.05
        )
        relay.start()
        defer { relay.stop() }
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(try store.pendingCount(), 3, "nothing is lost while the receiver is down")

        let received = ReceivedBatches()
        let server = RPCServer(socketPath: socket, serviceName: "receiver", logger: logger)
        server.register(RevenueV1.RevenueQuery.applyChanges) { request, _ in
            guard request.batchId != "poison" else { throw RPCError.invalidArgument("unreadable batch") }
            received.append(request.batchId)
            return .init(applied: 0)
        }
        try server.start()
        defer { server.stop() }
        relay.wake()
        let deadline = Date().addingTimeInterval(10)
        while try store.pendingCount() > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }

        XCTAssertEqual(received.all, ["b1", "b3"])
        XCTAssertEqual(try store.pendingCount(), 0)
        XCTAssertEqual(try store.rejectedCount(), 1)
    }
}

/// Batch ids seen by the test receiver, from its worker threads.
private final class ReceivedBatches: @unchecked Sendable {
    // @unchecked Sendable: `batches` is only touched under `lock`.
    private let lock = NSLock()
    private var batches: [String] = []
    func append(_ id: String) { lock.withLock { batches.append(id) } }
    var all: [String] { lock.withLock { batches } }
}
