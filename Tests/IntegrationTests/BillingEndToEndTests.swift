import BridgeCrypto
import Contracts
import Foundation
import LocalCluster
import TestSupport
import XCTest

/// PlatformBilling through the real executable: onboarding checkout against the emulator,
/// same-second events resolved by reading the subscription from the emulator, redelivery.
final class BillingEndToEndTests: XCTestCase {
    typealias API = BillingV1.PlatformBilling
    static let dataset = #"{"accounts": {}}"#

    func testOnboardingAndWebhooksThroughTheExecutable() throws {
        let cluster = try ClusterFixture.start(name: "billing", datasetJSON: Self.dataset)
        defer { cluster.stop() }
        let client = cluster.client("platform_billing")
        let pro = BillingV1.BillingPackage(
            packageId: "pro", name: "Pro", stripePriceId: "price_pro", includedSeats: 3,
            creditsPerPeriod: 50)
        _ = try client.call(API.upsertPackage, .init(package: pro))

        let ask = BillingV1.CreateOnboardingCheckoutRequest(
            tenantId: "T1", packageId: "pro", successUrl: "https://platform.example/welcome")
        let first = try client.call(API.createOnboardingCheckout, ask)
        let second = try client.call(API.createOnboardingCheckout, ask)
        XCTAssertEqual(first.sessionId, second.sessionId, "a double click makes one session")
        XCTAssertTrue(first.url.hasPrefix("https://checkout.stripe.com/"), first.url)
        XCTAssertEqual(try client.call(API.getTenantBilling, .init(tenantId: "T1")).status, "pending")

        // S12 against the emulator: Stripe's current subscription is active on price_pro.
        let current = Self.subscription(status: "active", price: "price_pro")
        try Self.post(cluster.stripeBase + "/_emulator/billing/subscriptions", body: current)
        let same: Int64 = Int64(Date().timeIntervalSince1970)
        let events = [
            Self.event(
                "evt_e1", "customer.subscription.updated", same,
                Self.subscription(status: "active", price: "price_pro")),
            Self.event(
                "evt_e2", "customer.subscription.trial_will_end", same,
                Self.subscription(status: "trialing", price: "price_basic")),
        ]
        for body in events {
            let outcome = try client.call(API.handleWebhook, Self.signed(body)).outcome
            XCTAssertEqual(outcome, .applied)
        }
        let billing = try client.call(API.getTenantBilling, .init(tenantId: "T1"))
        XCTAssertEqual(billing.status, "active")
        XCTAssertEqual(billing.packageId, "pro")
        XCTAssertEqual(billing.seatLimit, 3)

        // S15 through the socket: a redelivered paid invoice grants its credits once.
        let invoice: [String: Any] = [
            "id": "in_e", "object": "invoice", "status": "paid", "currency": "usd", "amount_due": 4900,
            "amount_paid": 4900, "created": same, "metadata": ["credits": "100", "tenant_id": "T1"],
        ]
        let paid = Self.event("evt_e9", "invoice.paid", same, invoice)
        XCTAssertEqual(try client.call(API.handleWebhook, Self.signed(paid)).outcome, .applied)
        XCTAssertEqual(try client.call(API.handleWebhook, Self.signed(paid)).outcome, .duplicate)
        XCTAssertEqual(try client.call(API.getTenantBilling, .init(tenantId: "T1")).creditBalance, 100)
    }

    static func subscription(status: String, price: String) -> [String: Any] {
        [
            "id": "sub_e", "object": "subscription", "status": status, "customer": "cus_e",
            "metadata": ["tenant_id": "T1"],
            "items": ["object": "list", "data": [["quantity": 3, "price": ["id": price]]]],
        ]
    }

    static func event(_ id: String, _ type: String, _ created: Int64, _ object: [String: Any])
        -> [UInt8]
    {
        let event: [String: Any] = [
            "id": id, "type": type, "created": created, "data": ["object": object],
        ]
        return [UInt8](try! JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]))
    }

    /// Signed with the fixture's secret exactly as Stripe signs: HMAC-SHA256 of `t.body`.
    static func signed(_ body: [UInt8]) -> BillingV1.HandleWebhookRequest {
        let now = Int64(Date().timeIntervalSince1970)
        let secret = ClusterFixture.environment["STRIPE_WEBHOOK_SECRETS"] ?? ""
        let v1 = Hex.encode(HMAC.sha256(key: Array(secret.utf8), message: Array("\(now).".utf8) + body))
        return .init(payload: body, stripeSignature: "t=\(now),v1=\(v1)")
    }

    static func post(_ url: String, body: [String: Any]) throws {
        let port = EmulatorControl(baseURL: url.components(separatedBy: "/_emulator")[0]).port
        let target = "/_emulator" + url.components(separatedBy: "/_emulator")[1]
        let response = try RawHTTPConnection(port: port).send(
            "POST", target, headers: [("Content-Type", "application/json")],
            body: [UInt8](try JSONSerialization.data(withJSONObject: body)))
        XCTAssertEqual(response.status, 200, response.text)
    }
}
