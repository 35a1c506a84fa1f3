import BridgeRPC
import Contracts
import Foundation
import XCTest

@testable import PlatformBilling

/// A tenant's full event history delivered in 200 random orders with duplicates always ends
/// in the same state.
final class BillingOrderIndependenceTests: XCTestCase {
    typealias E = BillingEvents

    static let history: [[UInt8]] = {
        let sub = { (status: String, quantity: Int64) in
            E.subscription("sub_p", tenant: "TP", status: status, price: "price_team", quantity: quantity)
        }
        let checkout: [String: Any] = [
            "id": "cs_p", "object": "checkout.session", "client_reference_id": "TP", "customer": "cus_TP",
            "subscription": "sub_p", "payment_status": "unpaid",
        ]
        let grant: [String: Any] = [
            "id": "credgr_p", "object": "billing.credit_grant", "customer": "cus_TP", "category": "paid",
            "amount": ["type": "monetary", "monetary": ["currency": "usd", "value": 500]],
            "metadata": ["tenant_id": "TP"],
        ]
        var voided = grant
        voided["voided_at"] = 1_700_000_900
        return [
            E.event("evt_p1", "checkout.session.completed", created: 1_700_000_000, object: checkout),
            E.event(
                "evt_p2", "checkout.session.async_payment_succeeded", created: 1_700_000_050,
                object: checkout),
            E.event(
                "evt_p3", "customer.subscription.created", created: 1_700_000_000,
                object: sub("incomplete", 1)),
            E.event(
                "evt_p4", "customer.subscription.updated", created: 1_700_000_060, object: sub("active", 3)),
            E.event(
                "evt_p5", "invoice.finalized", created: 1_700_000_010,
                object: E.invoice("in_p1", tenant: "TP", status: "open", subscription: "sub_p")),
            E.event(
                "evt_p6", "invoice.paid", created: 1_700_000_055,
                object: E.invoice("in_p1", tenant: "TP", status: "paid", subscription: "sub_p")),
            E.event(
                "evt_p7", "invoice.payment_failed", created: 1_700_000_800,
                object: E.invoice("in_p2", tenant: "TP", status: "open", subscription: "sub_p")),
            E.event(
                "evt_p8", "customer.subscription.updated", created: 1_700_000_800,
                object: sub("past_due", 3)),
            E.event(
                "evt_p9", "invoice.paid", created: 1_700_000_900,
                object: E.invoice("in_p2", tenant: "TP", status: "paid", subscription: "sub_p", credits: 40)
            ),
            E.event(
                "evt_p10", "customer.subscription.updated", created: 1_700_000_900, object: sub("active", 5)
            ),
            E.event(
                "evt_p11", "customer.subscription.trial_will_end", created: 1_700_000_900,
                object: sub("past_due", 3)),
            E.event("evt_p12", "billing.credit_grant.created", created: 1_700_000_500, object: grant),
            E.event("evt_p13", "billing.credit_grant.updated", created: 1_700_000_900, object: voided),
            E.event("evt_p14", "invoice.upcoming", created: 1_700_000_950, object: ["object": "invoice"]),
        ]
    }()

    func testRandomOrdersWithDuplicatesEndInTheSameState() throws {
        var generator = SystemRandomNumberGenerator()
        var expected: String?
        for run in 0..<200 {
            let stripe = BillingStripeStub()
            stripe.setCurrent(
                E.subscription("sub_p", tenant: "TP", status: "active", price: "price_team", quantity: 5))
            let harness = try BillingHarness(stripe: stripe)
            var deliveries =
                Self.history + (0..<4).map { _ in Self.history.randomElement(using: &generator)! }
            deliveries.shuffle(using: &generator)
            for body in deliveries { try harness.deliver(body) }
            let state = try Self.finalState(harness)
            if let expected {
                XCTAssertEqual(state, expected, "run \(run) diverged")
                if state != expected { return }
            } else {
                expected = state
            }
        }
        let billing = expected ?? ""
        XCTAssertTrue(billing.contains("status=active"), billing)
        XCTAssertTrue(billing.contains("seats=5"), billing)
        XCTAssertTrue(billing.contains("credits=140"), billing)
    }

    /// Everything stored for the tenant, as one comparable text.
    static func finalState(_ harness: BillingHarness) throws -> String {
        let billing = try harness.billing("TP")
        // Entries are appended in arrival order, so only what was recorded is compared.
        let ledger = try harness.service.store.ledger("TP").map { "\($0.delta)/\($0.source)" }
        var grants: [String] = []
        try harness.database.query(
            "SELECT grant_id, amount, voided_at FROM credit_grants ORDER BY grant_id"
        ) {
            grants.append("\($0.text(0))/\($0.int(1))/\($0.optionalInt(2) ?? 0)")
        }
        let invoices = billing.recentInvoices.map { "\($0.invoiceId)/\($0.status)/\($0.amountPaid)" }
        return "status=\(billing.status) package=\(billing.packageId) seats=\(billing.seatLimit) "
            + "credits=\(billing.creditBalance) access=\(billing.hasAccess) invoices=\(invoices.sorted()) "
            + "ledger=\(ledger.sorted()) grants=\(grants)"
    }
}
