import Foundation

/// The platform account's own billing objects: subscriptions set by tests and the Checkout
/// Sessions created through `POST /v1/checkout/sessions`, with Stripe's idempotent replay,
/// and the webhook endpoint secrets billing events are signed with.
// @unchecked Sendable: every stored property is read and written only inside `lock`, except
// `signer`, which is immutable.
final class BillingObjects: @unchecked Sendable {
    /// From `STRIPE_WEBHOOK_SECRETS`, as the platform reads them; nil when none is set.
    let signer: WebhookSigner?
    private let lock = NSLock()
    private var subscriptions: [String: [UInt8]] = [:]
    /// Idempotency key → (form parameters, first response body).
    private var replays: [String: (form: [String], body: [UInt8])] = [:]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        signer = WebhookSigner.fromEnvironment(environment)
    }

    func putSubscription(id: String, bytes: [UInt8]) {
        lock.withLock { subscriptions[id] = bytes }
    }

    func subscription(_ id: String) -> [UInt8]? {
        lock.withLock { subscriptions[id] }
    }

    /// The first answer for `key`, or `make()`'s answer stored for the next request with it.
    /// Nil from the first element means the key was reused with other parameters.
    func replayOrCreate<Failure: Error>(
        key: String?, form: [String], make: () throws(Failure) -> [UInt8]
    ) throws(Failure) -> [UInt8]? {
        guard let key, !key.isEmpty else { return try make() }
        lock.lock()
        defer { lock.unlock() }
        if let stored = replays[key] { return stored.form == form ? stored.body : nil }
        let body = try make()
        replays[key] = (form, body)
        return body
    }
}
