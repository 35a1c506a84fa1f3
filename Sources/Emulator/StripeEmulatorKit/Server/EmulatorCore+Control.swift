import Foundation
import HTTPServe

/// The `/_emulator` endpoints tests use to steer the emulator. They need no key.
extension EmulatorCore {
    func handleControl(_ request: HTTPRequest) -> HTTPResponse {
        do {
            switch (request.method, request.path) {
            case ("GET", "/_emulator/health"):
                return .json(200, "{\"ok\":true}")
            case ("POST", "/_emulator/faults"):
                faults.add(try FaultRule(json: try JSONValue.parse(request.body)))
                return .json(200, "{\"ok\":true}")
            case ("DELETE", "/_emulator/faults"):
                faults.clear()
                return .json(200, "{\"ok\":true}")
            case ("GET", "/_emulator/requests"):
                return .json(200, log.json)
            case ("DELETE", "/_emulator/requests"):
                log.clear()
                return .json(200, "{\"ok\":true}")
            case ("POST", "/_emulator/billing/subscriptions"):
                return try putBillingSubscription(request)
            case ("POST", "/_emulator/objects"):
                return try putObject(request)
            default:
                return StripeAPIError.unknownURL(request.method, request.path).response
            }
        } catch {
            return StripeAPIError(
                status: 400, type: "invalid_request_error", code: "emulator_control",
                message: String(describing: error), param: nil
            ).response
        }
    }

    /// Inserts or replaces one object; `_event_type` also appends an event carrying it as served
    /// (an invoice with a long list carries its first page, as Stripe's events do; a session
    /// carries no line items, which only an expanded read shows).
    private func putObject(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let account = request.queryValue("account"), !account.isEmpty else {
            throw DatasetError("POST /_emulator/objects needs ?account=acct_…")
        }
        guard var object = try JSONValue.parse(request.body).objectValue else {
            throw DatasetError("the body must be one JSON object with \"object\" and \"id\"")
        }
        let eventType = object.removeValue(forKey: "_event_type")?.stringValue
        let eventCreated = object.removeValue(forKey: "_event_created")?.intValue
        let stored = try data.upsert(try StoredObject(object), into: account)
        var response = jsonResponse(stored.bytes)
        if let eventType {
            let created = eventCreated ?? Int64(Date().timeIntervalSince1970)
            let event = try makeEvent(type: eventType, created: created, object: stored, account: account)
            try data.upsert(event, into: account)
            response.headers.append(("Emulator-Event-Id", event.id))
        }
        return response
    }

    private func makeEvent(type: String, created: Int64, object: StoredObject, account: String) throws
        -> StoredObject
    {
        try StoredObject(
            JSONObject([
                ("id", .string(ids.make("evt_"))),
                ("object", "event"),
                ("account", .string(account)),
                ("api_version", .string(StripeEmulator.apiVersion)),
                ("created", .int(created)),
                ("data", .object(JSONObject([("object", .encoded(try object.bytesAsInEvents()))]))),
                ("livemode", false),
                ("pending_webhooks", 0),
                ("request", .object(JSONObject([("id", nil), ("idempotency_key", nil)]))),
                ("type", .string(type)),
            ])
        )
    }
}
