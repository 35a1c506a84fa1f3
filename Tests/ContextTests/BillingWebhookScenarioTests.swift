import BridgeRPC
import BridgeStore
import Contracts
import Foundation
import XCTest

@testable import PlatformBilling

/// S12–S16: signed deliveries handed over as raw bytes, in process.
final class BillingWebhookScenarioTests: XCTestCase {
    typealias E = BillingEvents

    /// S12: same-second trial_will_end (trialing, basic) and updated (active, pro); Stripe says pro.
    func testSameSecondEventsEndOnStripesCurrentSubscriptionInEitherOrder() throws {
        let trialEnds = E.event(
            "evt_12a", "customer.subscription.trial_will_end", created: 1_700_000_100,
            object: E.subscription("sub_1", tenant: "T1", status: "trialing", price: "price_basic"))
        let updated = E.event(
            "evt_12b", "customer.subscription.updated", created: 1_700_000_100,
            object: E.subscription("sub_1", tenant: "T1", status: "active", price: "price_pro"))
        for order in [[trialEnds, updated], [updated, trialEnds]] {
            let stripe = BillingStripeStub()
            stripe.setCurrent(E.subscription("sub_1", tenant: "T1", status: "active", price: "price_pro"))
            let harness = try BillingHarness(stripe: stripe)
            for body in order { XCTAssertEqual(try harness.deliver(body).outcome, .applied) }
            let billing = try harness.billing("T1")
            XCTAssertEqual(billing.status, "active")
            XCTAssertEqual(billing.packageId, "pro")
            XCTAssertEqual(billing.stripePriceId, "price_pro")
            XCTAssertEqual(stripe.subscriptionReads, 1, "only the tie needs Stripe's current object")
        }
    }

    /// S13: updated (active, 5 seats of team) arrives before the older created (incomplete).
    func testLateCreatedEventChangesNothing() throws {
        let harness = try BillingHarness()
        let updated = E.event(
            "evt_13b", "customer.subscription.updated", created: 1_700_000_200,
            object: E.subscription(
                "sub_7", tenant: "T7", status: "active", price: "price_team", quantity: 5))
        let created = E.event(
            "evt_13a", "customer.subscription.created", created: 1_700_000_190,
            object: E.subscription(
                "sub_7", tenant: "T7", status: "incomplete", price: "price_team", quantity: 1))
        XCTAssertEqual(try harness.deliver(updated).outcome, .applied)
        XCTAssertEqual(try harness.deliver(created).outcome, .stale)
        let billing = try harness.billing("T7")
        XCTAssertEqual(billing.status, "active")
        XCTAssertEqual(billing.packageId, "team")
        XCTAssertEqual(billing.seatLimit, 5)
        XCTAssertTrue(billing.hasAccess)
    }

    /// S14: rotated secrets, exact bytes, tolerance, v1 only, header required.
    func testSignaturesAreCheckedBeforeAnythingIsStored() throws {
        let oldSecret = "whsec_test_old"
        let signedAt: Int64 = 1_700_000_400
        let body = E.event(
            "evt_14", "invoice.paid", created: signedAt,
            object: E.invoice("in_14", tenant: "T14", status: "paid", subscription: "sub_14", credits: 5))
        let oldV1 = BillingHarness.signature(body, secret: oldSecret, at: signedAt)
        let newV1 = BillingHarness.signature(body, at: signedAt)
        let fakeV0 = String(repeating: "0", count: 64)
        let header = "t=\(signedAt),v1=\(oldV1),v1=\(newV1),v0=\(fakeV0)"

        let harness = try BillingHarness()
        let respaced = Array(
            String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let rejected: [(String, [UInt8], String?)] = [
            ("different whitespace", respaced, header),
            ("no v1", body, "t=\(signedAt),v0=\(newV1)"),
            ("only v0 matching", body, "t=\(signedAt),v1=\(oldV1),v0=\(newV1)"),
            ("no header", body, ""),
        ]
        for (name, payload, candidate) in rejected {
            XCTAssertThrowsError(try harness.deliver(payload, header: candidate), name) { error in
                XCTAssertEqual((error as? RPCError)?.code, .unauthenticated, name)
            }
        }
        XCTAssertEqual(try harness.count("processed_events"), 0)
        XCTAssertEqual(try harness.count("tenants"), 0)
        XCTAssertEqual(try harness.count("credit_ledger"), 0)

        let late = try BillingHarness(stripe: BillingStripeStub())
        let lateService = try BillingService(
            database: late.database, stripe: late.stripe, webhookSecrets: [BillingHarness.secret],
            logger: .init(label: "test"), clock: { 1_700_000_800 })
        XCTAssertThrowsError(
            try lateService.webhooks.handle(.init(payload: body, stripeSignature: header)))
        XCTAssertEqual(try late.count("processed_events"), 0)

        XCTAssertEqual(
            try harness.deliver(body, header: header).outcome, .applied, "clock at 1700000450")
        XCTAssertEqual(try harness.billing("T14").creditBalance, 5)
    }

    /// S15: invoice.paid evt_9 for T2 (100 credits) twice in a row and twice at once.
    func testRedeliveredInvoiceGrantsCreditsOnce() throws {
        let harness = try BillingHarness()
        let body = E.event(
            "evt_9", "invoice.paid", created: 1_700_000_300,
            object: E.invoice("in_9", tenant: "T2", status: "paid", subscription: "sub_2", credits: 100))
        XCTAssertEqual(try harness.deliver(body).outcome, .applied)
        XCTAssertEqual(try harness.deliver(body).outcome, .duplicate)
        let outcomes = LogLines()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let outcome = try? harness.deliver(body).outcome
            outcomes.append(outcome.map { "\($0)" } ?? "failed")
        }
        XCTAssertEqual(outcomes.all, ["duplicate", "duplicate"])
        XCTAssertEqual(try harness.billing("T2").creditBalance, 100)
        let ledger = try harness.service.store.ledger("T2")
        XCTAssertEqual(ledger.map(\.delta), [100])
        XCTAssertEqual(ledger.first?.source, "invoice:in_9")

        let fresh = try BillingHarness()
        let results = LogLines()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            results.append((try? fresh.deliver(body).outcome).map { "\($0)" } ?? "failed")
        }
        XCTAssertEqual(results.all.sorted(), ["applied", "duplicate"])
        XCTAssertEqual(try fresh.billing("T2").creditBalance, 100)
    }

    /// S16: an upcoming invoice without id and an unknown type: acknowledged, nothing written.
    func testEventsWithNothingToStoreAreSkipped() throws {
        let harness = try BillingHarness()
        var upcoming = E.invoice("x", tenant: "T3", status: "draft", subscription: "sub_3")
        upcoming.removeValue(forKey: "id")
        let bodies = [
            E.event("evt_16a", "invoice.upcoming", created: 1_700_000_300, object: upcoming),
            E.event(
                "evt_16b", "radar.early_fraud_warning.created", created: 1_700_000_300,
                object: ["id": "issfr_1"]),
        ]
        for body in bodies { XCTAssertEqual(try harness.deliver(body).outcome, .skipped) }
        for table in ["processed_events", "tenants", "invoices", "credit_ledger"] {
            XCTAssertEqual(try harness.count(table), 0, table)
        }
        let skipped = harness.logLines.all.filter { $0.contains("webhook skipped") }
        XCTAssertEqual(skipped.count, 2)
        XCTAssertTrue(
            skipped.contains { $0.contains("evt_16a") } && skipped.contains { $0.contains("evt_16b") })
    }
}
