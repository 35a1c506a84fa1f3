import AccessControl
import BridgeRPC
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
        try SyncTestKit.count(cluster, service, sql, sql.contains("?") ? [.text(business)] : [])
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
    func waitUntil(seconds: Double = 60, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }
}
