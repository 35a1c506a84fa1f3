import AccessControl
import BridgeRPC
import CSQLite
import Contracts
import Foundation
import LocalCluster
import ProtoBridge
import StripeClient
import TestSupport
import XCTest

/// Two connected accounts with one customer and one charge each, and named account objects.
enum ConnectDatasets {
    static let twoAccounts = """
        {
          "oauth": {"default_account": "acct_A"},
          "accounts": {
            \(account("acct_A", name: "Shop A", email: "a@example.com", amount: 1200)),
            \(account("acct_B", name: "Shop B", email: "b@example.com", amount: 4900))
          }
        }
        """

    private static func account(_ id: String, name: String, email: String, amount: Int) -> String {
        let suffix = id.suffix(1).lowercased()
        return """
            "\(id)": {
              "account": {"id": "\(id)", "object": "account", "business_profile": {"name": "\(name)"}},
              "customers": [{"id": "cus_\(suffix)", "object": "customer", "email": "\(email)",
                             "created": 1767225000}],
              "charges": [
                {"id": "ch_\(suffix)", "object": "charge", "status": "succeeded", "captured": true, "paid": true,
                 "amount": \(amount), "amount_captured": \(amount), "amount_refunded": 0, "currency": "usd",
                 "customer": "cus_\(suffix)", "payment_intent": null, "billing_details": {"email": "\(email)"},
                 "created": 1767225600}
              ]
            }
            """
    }
}

/// Drives ConnectAuth of a running cluster the way the main application and a browser would.
struct ConnectDriver {
    let cluster: LocalCluster
    let flow: DemoFlow

    let emulator: EmulatorControl
    private let browser: StripeClient

    init(cluster: LocalCluster) {
        self.cluster = cluster
        flow = DemoFlow(cluster: cluster)
        emulator = EmulatorControl(baseURL: cluster.stripeBase)
        let settings = StripeClientSettings(
            apiBase: cluster.stripeBase, connectBase: cluster.stripeBase,
            apiVersion: "2026-07-29.dahlia", secretKey: "unused-by-the-browser-step")
        browser = StripeClient(settings: settings, logger: .init(label: "test.browser"))
    }

    /// Whether the emulator served a request to `path` so far.
    func emulatorServed(_ path: String) throws -> Bool {
        try emulator.requests().contains { $0["path"] as? String == path }
    }

    static let agencyPage = "http://127.0.0.1:8080/settings/stripe"
    static let clientPage = "http://127.0.0.1:8080/portal/stripe"

    func call<Request, Response>(
        _ method: RPCMethod<Request, Response>, _ request: Request, grant: [String: String] = [:]
    ) throws -> Response {
        let client = cluster.client("connect_auth")
        defer { client.close() }
        return try client.call(method, request, metadata: grant)
    }

    func status(_ business: String) throws -> ConnectV1.StatusResponse {
        try call(
            ConnectV1.ConnectAuth.status, .init(businessId: business),
            grant: flow.grant(business: business))
    }

    /// A fresh signed state from ConnectURL, as a user of `business` would start the flow.
    func startState(_ business: String, flow kind: ConnectV1.Flow = .agency) throws -> String {
        let role: AccessGrant.Role = kind == .clientPortal ? .client : .agency
        return try call(
            ConnectV1.ConnectAuth.connectURL, .init(businessId: business, flow: kind),
            grant: flow.grant(business: business, role: role)
        ).state
    }

    /// Authorizes at the emulator with a fresh state and returns the callback query it sends back.
    func authorize(_ business: String, extraQuery: String = "") throws
        -> ConnectV1.CompleteCallbackRequest
    {
        let url = try call(
            ConnectV1.ConnectAuth.connectURL, .init(businessId: business),
            grant: flow.grant(business: business)
        ).url
        let location = try browser.redirectLocation(of: url + extraQuery)
        let query = Dictionary(
            (URLComponents(string: location)?.queryItems ?? []).map { ($0.name, $0.value ?? "") },
            uniquingKeysWith: { first, _ in first }
        )
        return .init(
            code: query["code"] ?? "", state: query["state"] ?? "", error: query["error"] ?? "")
    }

    func complete(_ request: ConnectV1.CompleteCallbackRequest) throws
        -> ConnectV1.CompleteCallbackResponse
    {
        try call(ConnectV1.ConnectAuth.completeCallback, request)
    }

    func count(_ service: String, _ sql: String, _ business: String) throws -> Int64 {
        try ReadOnlySQLite(path: cluster.databasePath(service)).count(sql, business)
    }

    func linkRows(_ business: String) throws -> Int64 {
        try count("connect_auth", "SELECT count(*) FROM stripe_access WHERE business_id = ?", business)
    }

    /// Asserts a refused callback: sent to `page` with `reason`, and no link saved anywhere here.
    func assertRefused(
        _ response: ConnectV1.CompleteCallbackResponse, reason: String, page: String = agencyPage,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertFalse(response.connected, file: file, line: line)
        XCTAssertEqual(response.reason, reason, file: file, line: line)
        XCTAssertEqual(
            response.redirectUrl, page + "?stripe=error&reason=" + reason, file: file, line: line)
        let rows = try count(
            "connect_auth", "SELECT count(*) FROM stripe_access WHERE business_id != ?", "")
        XCTAssertEqual(rows, 0, "a refused callback saved a link", file: file, line: line)
    }

    /// Rewrites one setting of `services.yaml` and restarts ConnectAuth so it takes effect.
    func reconfigureConnectAuth(replacing old: String, with new: String) throws {
        let config = try String(contentsOfFile: cluster.configPath, encoding: .utf8)
        try config.replacingOccurrences(of: old, with: new)
            .write(toFile: cluster.configPath, atomically: true, encoding: .utf8)
        cluster.stopService("connect_auth")
        try cluster.startService("connect_auth")
    }

    /// Polls `condition` every 20 ms until it holds or `seconds` pass.
    func waitUntil(seconds: Double = 15, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }
}

/// A SQLite file opened read-only, to look at what a service saved without changing it.
final class ReadOnlySQLite {
    private var handle: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            sqlite3_close_v2(handle)
            throw ConnectTestError("cannot open \(path) read-only")
        }
        sqlite3_busy_timeout(handle, 2000)
    }

    deinit { sqlite3_close_v2(handle) }

    /// The single integer `sql` selects, with `argument` bound to its one parameter.
    func count(_ sql: String, _ argument: String) throws -> Int64 {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw ConnectTestError("cannot prepare \(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
        defer { sqlite3_finalize(statement) }
        if sqlite3_bind_parameter_count(statement) > 0 {
            sqlite3_bind_text(
                statement, 1, argument, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        guard sqlite3_step(statement) == SQLITE_ROW else {
            throw ConnectTestError("\(sql) returned no row")
        }
        return sqlite3_column_int64(statement, 0)
    }
}

struct ConnectTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
