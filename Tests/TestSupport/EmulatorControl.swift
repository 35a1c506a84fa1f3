import Foundation

/// The Stripe emulator's control plane (`/_emulator/…`), as the tests drive it.
public struct EmulatorControl {
    public let port: UInt16

    /// `baseURL` like `http://127.0.0.1:PORT`.
    public init(baseURL: String) {
        port = UInt16(baseURL.split(separator: ":").last.map(String.init) ?? "") ?? 0
    }

    @discardableResult
    private func send(_ method: String, _ target: String, json: String = "") throws -> RawHTTPConnection.Response {
        let response = try RawHTTPConnection(port: port).send(
            method, target, headers: [("Content-Type", "application/json")], body: Array(json.utf8)
        )
        guard (200..<300).contains(response.status) else {
            throw RawHTTPConnection.RawHTTPError("\(method) \(target) → \(response.status): \(response.text)")
        }
        return response
    }

    /// Adds a fault rule, e.g. `{"path_prefix":"/v1/invoices","status":429,"count":-1,"retry_after":1}`.
    public func addFault(_ json: String) throws { try send("POST", "/_emulator/faults", json: json) }

    public func clearFaults() throws { try send("DELETE", "/_emulator/faults") }

    /// Inserts or replaces an object of `account`; `_event_type` in the JSON also records an event.
    public func upsert(account: String, _ json: String) throws {
        try send("POST", "/_emulator/objects?account=\(account)", json: json)
    }

    /// The requests the emulator has seen, oldest first.
    public func requests() throws -> [[String: Any]] {
        let body = try send("GET", "/_emulator/requests").body
        let parsed = try JSONSerialization.jsonObject(with: Data(body))
        if let list = parsed as? [[String: Any]] { return list }
        return ((parsed as? [String: Any])?["data"] as? [[String: Any]]) ?? []
    }

    public func clearRequests() throws { try send("DELETE", "/_emulator/requests") }
}
