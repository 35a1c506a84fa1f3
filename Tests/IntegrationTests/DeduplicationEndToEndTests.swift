import Contracts
import LocalCluster
import TestSupport
import XCTest

/// S06, S07 and S08 through the real executables: connect over OAuth, sync from the emulator,
/// look up by email.
final class DeduplicationEndToEndTests: XCTestCase {
    func testEachPaymentCountsOnceAcrossCheckoutInvoiceAndPaymentIntent() throws {
        let cluster = try ClusterFixture.start(name: "dedup", datasetJSON: ScenarioDatasets.deduplication)
        defer { cluster.stop() }
        let flow = DemoFlow(cluster: cluster)

        let linked = try flow.connect(business: "biz_1")
        XCTAssertTrue(linked.connected, linked.reason)
        XCTAssertEqual(linked.stripeAccountId, "acct_scenarios")
        XCTAssertEqual(linked.accountName, "Scenario Shop")
        XCTAssertTrue(linked.redirectUrl.hasSuffix("/settings/stripe?stripe=connected"), linked.redirectUrl)

        let job = try flow.syncAndWait(business: "biz_1", timeout: .seconds(60))
        XCTAssertEqual(job.state, "succeeded", job.error)

        let asked = ["a@example.com", "  B@Example.COM ", "c@example.com", "nobody@example.com"]
        let answer = try flow.summaries(business: "biz_1", emails: asked)
        XCTAssertTrue(answer.connected)
        XCTAssertEqual(answer.summaries.map(\.email), asked, "one row per email asked, in order")

        // S06: the checkout session, its invoice, the InvoicePayment and pi_1 are one payment.
        let a = answer.summaries[0]
        XCTAssertEqual(a.totals.map(\.currency), ["usd"])
        XCTAssertEqual(a.totals.first?.spent, 4900)
        XCTAssertEqual(a.totals.first?.orders, 1)
        XCTAssertEqual(a.totals.first?.display, "$49.00")
        XCTAssertEqual(a.lastPurchaseAt, 1_767_225_600, "last purchase is ch_1's time")

        // S07: the invoice reaches pi_2 only through its InvoicePayment.
        let b = answer.summaries[1]
        XCTAssertEqual(b.normalizedEmail, "b@example.com")
        XCTAssertEqual(b.totals.first?.spent, 4900)
        XCTAssertEqual(b.orders, 1)

        // S08: a guest checkout counts once, under the email typed at checkout.
        let c = answer.summaries[2]
        XCTAssertEqual(c.totals.map(\.currency), ["eur"])
        XCTAssertEqual(c.totals.first?.spent, 2500)
        XCTAssertEqual(c.orders, 1)

        // The guest's contact history: the session with what it sold, and the payment once.
        let revenue = cluster.client("revenue_query")
        defer { revenue.close() }
        let detail = try revenue.call(
            RevenueV1.RevenueQuery.stripeInfoByEmail, .init(businessId: "biz_1", email: "C@example.com"),
            metadata: flow.grant(business: "biz_1")
        )
        XCTAssertEqual(detail.payments.count, 1)
        XCTAssertEqual(detail.checkoutSessions.map(\.sessionId), ["cs_4"])
        XCTAssertEqual(detail.checkoutSessions.first?.lineItems.map(\.description), ["Espresso machine"])
        XCTAssertEqual(detail.checkoutSessions.first?.lineItems.first?.productId, "prod_4")

        XCTAssertFalse(answer.summaries[3].found)
        XCTAssertTrue(answer.summaries[3].totals.isEmpty)
    }
}
