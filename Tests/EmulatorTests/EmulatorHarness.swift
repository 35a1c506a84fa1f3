import StripeEmulatorKit
import TestSupport
import XCTest

/// Runs a `StripeEmulator` in-process and talks to it over one keep-alive socket.
final class EmulatorHarness {
    static let secretKey = "sk_test_emulatorHarnessKey123"
    static let clientID = "ca_harness"

    let emulator: StripeEmulator
    private let connection: RawHTTPConnection

    init(_ dataset: EmulatorDataset) throws {
        emulator = try StripeEmulator(
            dataset: dataset, secretKey: Self.secretKey, connectClientID: Self.clientID
        )
        connection = try RawHTTPConnection(port: emulator.port)
    }

    deinit {
        emulator.stop()
    }

    /// A GET with the platform key, acting as `account` unless it is nil.
    func get(
        _ target: String, account: String? = "acct_a", key: String? = EmulatorHarness.secretKey
    ) throws -> RawHTTPConnection.Response {
        var headers: [(String, String)] = [("Stripe-Version", "2026-07-29.dahlia")]
        if let key { headers.append(("Authorization", "Bearer \(key)")) }
        if let account { headers.append(("Stripe-Account", account)) }
        return try connection.send("GET", target, headers: headers)
    }

    func send(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: String = ""
    ) throws -> RawHTTPConnection.Response {
        try connection.send(method, target, headers: headers, body: Array(body.utf8))
    }

    /// The ids of a list response's `data`, in order.
    static func ids(_ response: RawHTTPConnection.Response) throws -> [String] {
        let data = try XCTUnwrap(try response.json()["data"] as? [[String: Any]])
        return data.compactMap { $0["id"] as? String }
    }

    static func errorField(_ response: RawHTTPConnection.Response, _ name: String) throws -> String? {
        let error = try XCTUnwrap(try response.json()["error"] as? [String: Any])
        return error[name] as? String
    }
}
