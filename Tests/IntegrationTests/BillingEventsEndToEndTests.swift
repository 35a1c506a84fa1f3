import BridgeRPC
import Contracts
import Foundation
import LocalCluster
import TestSupport
import XCTest

/// The emulator's signed events for a tenant's whole subscription, delivered to the real
/// platform-billing executable through HandleWebhook: in Stripe's order, and shuffled with
/// duplicates. Both end on the subscription the emulator serves.
final class BillingEventsEndToEndTests: XCTestCase {
    typealias API = BillingV1.PlatformBilling

    /// Onboarding on pro with 3 seats, 5 seats, a renewal on pro, a switch to team with
    /// 8 seats and a renewal on team: three paid invoices worth 50 + 50 + 200 credits.
    static let changes =
        #"[{"quantity": 5}, {"renew": true}, {"price": "price_team", "quantity": 8}, {"renew": true}]"#

    func testEmulatorEventsInOrderAndShuffledWithDuplicatesEndOnTheServedSubscription() throws {
        let cluster = try ClusterFixture.start(name: "billing-events", datasetJSON: #"{"accounts": {}}"#)
        defer { cluster.stop() }
        let client = cluster.client("platform_billing")
        defer { client.close() }
        for package in [
            BillingV1.BillingPackage(
                packageId: "pro", name: "Pro", stripePriceId: "price_pro", includedSeats: 3,
                creditsPerPeriod: 50),
            BillingV1.BillingPackage(
                packageId: "team", name: "Team", stripePriceId: "price_team", includedSeats: 8,
                creditsPerPeriod: 200),
        ] {
            _ = try client.call(API.upsertPackage, .init(package: package))
        }

        let tenants = [("T-ordered", false)] + (1...5).map { ("T-shuffled-\($0)", true) }
        for (tenant, shuffled) in tenants {
            let session = try client.call(
                API.createOnboardingCheckout,
                .init(tenantId: tenant, packageId: "pro", successUrl: "https://platform.example/ok"))
            let played = try Self.play(
                cluster, #"{"checkout_session": "\#(session.sessionId)", "changes": \#(Self.changes)}"#)
            var deliveries = played.events
            if shuffled {
                // Every event once more, some a third time, in a random order.
                deliveries += deliveries + deliveries.filter { _ in Bool.random() }
                deliveries.shuffle()
            }
            // A repeat is a duplicate, except events with nothing to store: never recorded,
            // they are skipped again.
            var first: [String: BillingV1.WebhookOutcome] = [:]
            for event in deliveries {
                let answer = try client.call(API.handleWebhook, event)
                if let earlier = first[answer.eventId] {
                    let expected: BillingV1.WebhookOutcome = earlier == .skipped ? .skipped : .duplicate
                    XCTAssertEqual(answer.outcome, expected, "\(tenant): \(answer.detail)")
                } else {
                    XCTAssertNotEqual(answer.outcome, .duplicate, "\(tenant): \(answer.detail)")
                    first[answer.eventId] = answer.outcome
                }
            }
            XCTAssertEqual(first.count, played.events.count, tenant)
            try assertTenant(tenant, matches: played.subscriptionID, cluster: cluster, client: client)
        }
    }

    private func assertTenant(
        _ tenant: String, matches subscriptionID: String, cluster: LocalCluster, client: RPCClient
    ) throws {
        let served = try Self.servedSubscription(subscriptionID, cluster: cluster)
        let items = try XCTUnwrap((served["items"] as? [String: Any])?["data"] as? [[String: Any]])
        let item = try XCTUnwrap(items.first)
        let billing = try client.call(API.getTenantBilling, .init(tenantId: tenant))
        XCTAssertEqual(billing.status, served["status"] as? String, tenant)
        XCTAssertEqual(billing.status, "active", tenant)
        XCTAssertTrue(billing.hasAccess, tenant)
        XCTAssertEqual(billing.stripeSubscriptionId, subscriptionID, tenant)
        XCTAssertEqual(billing.stripeCustomerId, served["customer"] as? String, tenant)
        XCTAssertEqual(billing.stripePriceId, (item["price"] as? [String: Any])?["id"] as? String)
        XCTAssertEqual(billing.packageId, "team", tenant)
        XCTAssertEqual(billing.seatLimit, Int64(item["quantity"] as? Int ?? -1), tenant)
        XCTAssertEqual(billing.seatLimit, 8, tenant)
        XCTAssertEqual(billing.currentPeriodStart, Int64(item["current_period_start"] as? Int ?? -1))
        XCTAssertEqual(billing.currentPeriodEnd, Int64(item["current_period_end"] as? Int ?? -1))
        XCTAssertEqual(billing.creditBalance, 300, "\(tenant): 50 + 50 + 200, each invoice once")
        XCTAssertEqual(billing.recentInvoices.count, 3, tenant)
        XCTAssertTrue(billing.recentInvoices.allSatisfy { $0.status == "paid" }, tenant)
        let ledger = try client.call(API.getCreditLedger, .init(tenantId: tenant)).entries
        XCTAssertEqual(ledger.map(\.delta).sorted(), [50, 50, 200], "\(tenant): one entry per invoice")
    }

    /// Plays a lifecycle on the emulator; the events come back signed with the fixture secret.
    static func play(_ cluster: LocalCluster, _ body: String) throws
        -> (subscriptionID: String, events: [BillingV1.HandleWebhookRequest])
    {
        let port = EmulatorControl(baseURL: cluster.stripeBase).port
        let response = try RawHTTPConnection(port: port).send(
            "POST", "/_emulator/billing/subscriptions",
            headers: [("Content-Type", "application/json")], body: Array(body.utf8))
        XCTAssertEqual(response.status, 200, response.text)
        let json = try response.json()
        let subscription = try XCTUnwrap(json["subscription"] as? [String: Any])
        let entries = try XCTUnwrap(json["data"] as? [[String: Any]])
        let events = entries.map {
            BillingV1.HandleWebhookRequest(
                payload: Array(($0["payload"] as? String ?? "").utf8),
                stripeSignature: $0["stripe_signature"] as? String ?? "")
        }
        return (try XCTUnwrap(subscription["id"] as? String), events)
    }

    /// `GET /v1/subscriptions/{id}` with the platform's key, as platform-billing reads it.
    static func servedSubscription(_ id: String, cluster: LocalCluster) throws -> [String: Any] {
        let key = ClusterFixture.environment["STRIPE_SECRET_KEY"] ?? ""
        let response = try RawHTTPConnection(port: EmulatorControl(baseURL: cluster.stripeBase).port).send(
            "GET", "/v1/subscriptions/\(id)", headers: [("Authorization", "Bearer \(key)")])
        XCTAssertEqual(response.status, 200, response.text)
        return try response.json()
    }
}
