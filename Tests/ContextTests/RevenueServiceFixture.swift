import AccessControl
import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import Foundation
import ProtoBridge
import RevenueQuery
import XCTest

/// A RevenueService on its own SQLite file in a fresh temp folder, served over a real Unix
/// socket, with a client that signs grants with the service's key.
final class RevenueServiceFixture {
    static let grantKey = "revenue-test-grant-key"
    static let logger = Logger(label: "revenue-test", level: .critical)

    let directory: URL
    private(set) var database: Database
    private(set) var service: RevenueService
    private var server: RPCServer
    private var client: RPCClient
    private var batch = 0

    init() throws {
        // Short on purpose: sockaddr_un paths are limited to 107 bytes.
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent(
            "rq-" + UUID().uuidString.prefix(8).lowercased())
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        (database, service, server, client) = try Self.start(in: directory)
    }

    private static func start(in directory: URL) throws -> (Database, RevenueService, RPCServer, RPCClient) {
        let database = try Database(path: directory.appendingPathComponent("revenue.sqlite").path, logger: logger)
        let service = try RevenueService(database: database, logger: logger, grantKey: grantKey)
        let socket = directory.appendingPathComponent("r.sock").path
        let server = RPCServer(socketPath: socket, serviceName: "revenue_query", logger: logger)
        service.register(on: server)
        try server.start()
        return (database, service, server, RPCClient(socketPath: socket, caller: "tests"))
    }

    /// Stops serving and loads the service again from its SQLite file.
    func restart() throws {
        stop()
        (database, service, server, client) = try Self.start(in: directory)
    }

    private func stop() {
        client.close()
        server.stop()
        database.close()
    }

    func tearDown() {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Sends objects to ApplyChanges as SyncEngine would, as one new batch.
    @discardableResult
    func apply(
        _ business: String, _ objects: [LedgerTestObject], version: Int64 = 1, purge: Bool = false
    ) throws -> RevenueV1.ApplyChangesResponse {
        batch += 1
        let changes = objects.map { object in
            let id = (try? JSONSerialization.jsonObject(with: Data(object.json.utf8)) as? [String: Any])?["id"]
            return RevenueV1.ObjectChange(
                objectType: object.type, objectId: id as? String ?? "", json: Array(object.json.utf8), version: version
            )
        }
        return try call(
            RevenueV1.RevenueQuery.applyChanges,
            .init(
                businessId: business, stripeAccountId: "acct_\(business)", batchId: "batch-\(batch)",
                changes: changes, purge: purge, connected: true
            ),
            grantFor: nil
        )
    }

    /// Calls a method with a fresh agency grant for `grantFor` (none when nil).
    func call<Request, Response>(
        _ method: RPCMethod<Request, Response>, _ request: Request, grantFor business: String?
    ) throws -> Response {
        let metadata =
            business.map {
                AccessGuard.metadata(userID: "user-1", businessID: $0, role: .agency, key: Self.grantKey)
            } ?? [:]
        return try client.call(method, request, timeout: .seconds(10), metadata: metadata)
    }

    func summaries(_ business: String, _ emails: [String]) throws -> [RevenueV1.EmailSummary] {
        try call(
            RevenueV1.RevenueQuery.summaryByEmails, .init(businessId: business, emails: emails), grantFor: business
        )
        .summaries
    }
}

/// Asserts that `body` fails with an RPC error of `code`; returns the error.
@discardableResult
func assertRevenueError(
    _ code: StatusCode, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
) -> RPCError? {
    do {
        try body()
        XCTFail("expected \(code), but the call succeeded", file: file, line: line)
    } catch let error as RPCError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        return error
    } catch {
        XCTFail("expected an RPCError \(code), got \(error)", file: file, line: line)
    }
    return nil
}
