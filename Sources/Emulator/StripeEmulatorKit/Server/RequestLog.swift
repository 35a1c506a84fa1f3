import Foundation
import HTTPServe

/// Every request the emulator saw (except control requests), for tests to inspect.
/// Never records the Authorization header.
// @unchecked Sendable: `entries` is read and written only inside `lock`.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [JSONValue] = []

    func record(_ request: HTTPRequest, status: Int) {
        let query = request.query.map { JSONValue.array([.string($0.0), .string($0.1)]) }
        let entry = JSONValue.object(
            JSONObject([
                ("method", .string(request.method)),
                ("path", .string(request.path)),
                ("query", .array(query)),
                ("stripe_account", .optional(request.header("Stripe-Account"))),
                ("stripe_version", .optional(request.header("Stripe-Version"))),
                ("idempotency_key", .optional(request.header("Idempotency-Key"))),
                ("status", .int(status)),
                ("time", .double(Date().timeIntervalSince1970)),
            ])
        )
        lock.withLock { entries.append(entry) }
    }

    func clear() {
        lock.withLock { entries.removeAll() }
    }

    var json: String {
        let data = lock.withLock { entries }
        return JSONValue.object(JSONObject([("object", "list"), ("data", .array(data))])).text
    }
}
