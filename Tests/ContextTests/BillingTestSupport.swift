import BridgeCrypto
import BridgeLog
import BridgeStore
import Contracts
import Foundation
import XCTest

@testable import PlatformBilling

/// Stripe as PlatformBilling sees it, held in memory: current subscriptions and sessions.
// @unchecked Sendable: every stored property is read and written only inside `lock`.
final class BillingStripeStub: BillingStripeAPI, @unchecked Sendable {
    private let lock = NSLock()
    private var subscriptions: [String: [String: Any]] = [:]
    private(set) var subscriptionReads = 0

    func setCurrent(_ subscription: [String: Any]) {
        lock.withLock { subscriptions[subscription["id"] as? String ?? ""] = subscription }
    }

    func currentSubscription(id: String) throws -> [String: Any] {
        try lock.withLock {
            subscriptionReads += 1
            guard let found = subscriptions[id] else { throw RPCStubError.missing(id) }
            return found
        }
    }

    func createCheckoutSession(form: [(String, String)], idempotencyKey: String) throws -> [String:
        Any]
    {
        ["id": "cs_stub_\(idempotencyKey)", "url": "https://checkout.stripe.com/c/pay/cs_stub"]
    }

    enum RPCStubError: Error { case missing(String) }
}

/// A billing service on a fresh SQLite file with the clock pinned, plus Stripe-style signing.
final class BillingHarness: Sendable {
    static let secret = "whsec_test_current"
    static let now: Int64 = 1_700_000_450

    let folder: URL
    let database: Database
    let service: BillingService
    let stripe: BillingStripeAPI
    let logLines = LogLines()

    init(stripe: BillingStripeAPI = BillingStripeStub(), secrets: [String] = [secret]) throws {
        folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("sb-billing-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = logLines
        let logger = Logger(label: "billing.test", level: .debug, sink: LogSink { lines.append($0) })
        database = try Database(
            path: folder.appendingPathComponent("billing.sqlite").path, logger: logger)
        self.stripe = stripe
        service = try BillingService(
            database: database, stripe: stripe, webhookSecrets: secrets, logger: logger,
            clock: { Self.now })
        _ = try service.upsertPackage(
            .init(
                package: .init(
                    packageId: "basic", name: "Basic", stripePriceId: "price_basic", includedSeats: 1,
                    creditsPerPeriod: 10)))
        _ = try service.upsertPackage(
            .init(
                package: .init(
                    packageId: "pro", name: "Pro", stripePriceId: "price_pro", includedSeats: 3,
                    creditsPerPeriod: 50)))
        _ = try service.upsertPackage(
            .init(
                package: .init(
                    packageId: "team", name: "Team", stripePriceId: "price_team", includedSeats: 5,
                    creditsPerPeriod: 100)))
    }

    deinit {
        database.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Signs `payload` the way Stripe does: hex HMAC-SHA256 of `t.body` keyed by the secret.
    static func signature(_ payload: [UInt8], secret: String = secret, at time: Int64 = now) -> String {
        Hex.encode(HMAC.sha256(key: Array(secret.utf8), message: Array("\(time).".utf8) + payload))
    }

    @discardableResult
    func deliver(_ payload: [UInt8], header: String? = nil) throws -> BillingV1.HandleWebhookResponse {
        let header = header ?? "t=\(Self.now),v1=\(Self.signature(payload))"
        return try service.webhooks.handle(.init(payload: payload, stripeSignature: header))
    }

    func billing(_ tenant: String) throws -> BillingV1.GetTenantBillingResponse {
        try service.tenantBilling(tenant)
    }

    func count(_ table: String) throws -> Int64 {
        try database.queryOne("SELECT COUNT(*) FROM \(table)", [], { $0.int(0) }) ?? -1
    }
}

/// Log lines captured from a test's logger.
// @unchecked Sendable: `lines` is touched only inside `lock`.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// Stripe event bodies as raw bytes, shaped like API version 2026-07-29.dahlia.
enum BillingEvents {
    static func event(_ id: String, _ type: String, created: Int64, object: [String: Any]) -> [UInt8] {
        let event: [String: Any] = [
            "id": id, "object": "event", "type": type, "created": created, "livemode": false,
            "api_version": "2026-07-29.dahlia", "data": ["object": object],
        ]
        let data = try! JSONSerialization.data(
            withJSONObject: event, options: [.sortedKeys, .prettyPrinted])
        return [UInt8](data)
    }

    static func subscription(
        _ id: String, tenant: String, status: String, price: String, quantity: Int64 = 1,
        period: Int64 = 0
    ) -> [String: Any] {
        [
            "id": id, "object": "subscription", "status": status, "customer": "cus_\(tenant)",
            "metadata": ["tenant_id": tenant],
            "items": [
                "object": "list",
                "data": [
                    [
                        "id": "si_\(id)", "object": "subscription_item", "quantity": quantity,
                        "price": ["id": price, "object": "price"],
                        "current_period_start": period, "current_period_end": period + 2_592_000,
                    ]
                ],
            ],
        ]
    }

    static func invoice(
        _ id: String, tenant: String, status: String, subscription: String, credits: Int64? = nil,
        price: String = "price_team", created: Int64 = 1_700_000_000
    ) -> [String: Any] {
        var object: [String: Any] = [
            "id": id, "object": "invoice", "status": status, "currency": "usd", "amount_due": 9900,
            "amount_paid": status == "paid" ? 9900 : 0, "created": created, "customer": "cus_\(tenant)",
            "parent": [
                "type": "subscription_details",
                "subscription_details": ["subscription": subscription, "metadata": ["tenant_id": tenant]],
            ],
            "lines": ["object": "list", "data": [["pricing": ["price_details": ["price": price]]]]],
        ]
        if let credits { object["metadata"] = ["credits": "\(credits)"] }
        return object
    }
}
