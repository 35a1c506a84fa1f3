import Contracts
import XCTest

/// Scenarios S06 to S11 and S17 through RevenueQuery's calls over its Unix socket.
final class RevenueScenarioTests: XCTestCase {
    private var fixture: RevenueServiceFixture!

    override func setUpWithError() throws {
        fixture = try RevenueServiceFixture()
    }

    override func tearDown() {
        fixture.tearDown()
    }

    private func usd(_ summary: RevenueV1.EmailSummary, _ code: String = "usd") -> RevenueV1.CurrencyTotal? {
        summary.totals.first { $0.currency == code }
    }

    func testS06SubscriptionThroughCheckoutCountsOnce() throws {
        try fixture.apply("biz_a", LedgerScenarioObjects.s06)
        let row = try XCTUnwrap(fixture.summaries("biz_a", ["a@example.com"]).first)
        XCTAssertEqual(usd(row)?.spent, 4900)
        XCTAssertEqual(row.orders, 1)
        XCTAssertEqual(row.lastPurchaseAt, 1_700_000_060, "the charge's time")
    }

    func testS07InvoiceLinkedOnlyThroughInvoicePayment() throws {
        try fixture.apply(
            "biz_a",
            [
                .init("customer", #"{"id":"cus_2","email":"b@example.com"}"#),
                .init(
                    "invoice",
                    """
                    {"id":"in_2","status":"paid","amount_paid":4900,"currency":"usd","customer":"cus_2",
                     "parent":{"subscription_details":{"subscription":"sub_2"}}}
                    """),
                .init(
                    "invoice_payment",
                    """
                    {"id":"inpay_2","invoice":"in_2","status":"paid","amount_paid":4900,"currency":"usd",
                     "payment":{"type":"payment_intent","payment_intent":"pi_2"}}
                    """),
                .init(
                    "payment_intent",
                    """
                    {"id":"pi_2","status":"succeeded","amount_received":4900,"currency":"usd","customer":"cus_2"}
                    """),
            ])
        let row = try XCTUnwrap(fixture.summaries("biz_a", ["b@example.com"]).first)
        XCTAssertEqual(usd(row)?.spent, 4900)
        XCTAssertEqual(row.orders, 1)
        let info = try fixture.call(
            RevenueV1.RevenueQuery.stripeInfoByEmail, .init(businessId: "biz_a", email: "b@example.com"),
            grantFor: "biz_a"
        )
        XCTAssertEqual(info.payments.map(\.paymentKey), ["pi_2"])
        XCTAssertEqual(info.invoices.map(\.subscriptionId), ["sub_2"])
    }

    func testS08GuestCheckoutArrivingInSeparateBatches() throws {
        try fixture.apply("biz_a", [LedgerScenarioObjects.s08Charge])
        try fixture.apply("biz_a", [LedgerScenarioObjects.s08Session, LedgerScenarioObjects.s08PaymentIntent])
        let row = try XCTUnwrap(fixture.summaries("biz_a", ["c@example.com"]).first)
        XCTAssertEqual(row.totals.map(\.currency), ["eur"])
        XCTAssertEqual(usd(row, "eur")?.spent, 2500)
        XCTAssertEqual(row.orders, 1)
    }

    func testS09DelayedPaymentMethodCountsOnceItIsPaid() throws {
        let session = { (status: String) in
            LedgerTestObject(
                "checkout.session",
                """
                {"id":"cs_5","mode":"payment","status":"complete","payment_status":"\(status)",
                 "amount_total":3000,"currency":"eur","customer_details":{"email":"e@example.com"},
                 "payment_intent":"pi_5"}
                """)
        }
        try fixture.apply(
            "biz_a",
            [
                session("unpaid"),
                .init("payment_intent", #"{"id":"pi_5","status":"processing","amount_received":0,"currency":"eur"}"#),
            ])
        var row = try XCTUnwrap(fixture.summaries("biz_a", ["e@example.com"]).first)
        XCTAssertFalse(row.found)
        XCTAssertEqual(row.orders, 0)
        try fixture.apply(
            "biz_a",
            [
                session("paid"),
                .init(
                    "payment_intent",
                    """
                    {"id":"pi_5","status":"succeeded","amount_received":3000,"currency":"eur","latest_charge":"ch_5"}
                    """),
                .init(
                    "charge",
                    """
                    {"id":"ch_5","status":"succeeded","captured":true,"amount_captured":3000,"currency":"eur",
                     "payment_intent":"pi_5","created":1700003000}
                    """),
            ], version: 2)
        row = try XCTUnwrap(fixture.summaries("biz_a", ["e@example.com"]).first)
        XCTAssertEqual(usd(row, "eur")?.spent, 3000)
        XCTAssertEqual(row.orders, 1)
    }

    func testS10RefundSeenOnlyOnTheCharge() throws {
        try fixture.apply("biz_a", [LedgerScenarioObjects.s10Customer, LedgerScenarioObjects.s10Charge(refunded: 0)])
        try fixture.apply("biz_a", [LedgerScenarioObjects.s10Charge(refunded: 1500)], version: 2)
        let total = try XCTUnwrap(usd(try XCTUnwrap(fixture.summaries("biz_a", ["f@example.com"]).first)))
        XCTAssertEqual([total.gross, total.refunded, total.spent, total.orders], [4900, 1500, 3400, 1])
        // An older version arriving late changes nothing.
        try fixture.apply("biz_a", [LedgerScenarioObjects.s10Charge(refunded: 0)], version: 1)
        XCTAssertEqual(usd(try XCTUnwrap(fixture.summaries("biz_a", ["f@example.com"]).first))?.spent, 3400)
    }

    func testS11ZeroDecimalCurrencyStaysApart() throws {
        let charge = { (id: String, amount: Int, currency: String, time: Int) in
            LedgerTestObject(
                "charge",
                """
                {"id":"\(id)","status":"succeeded","captured":true,"amount_captured":\(amount),
                 "currency":"\(currency)","billing_details":{"email":"d@example.com"},"created":\(time)}
                """)
        }
        try fixture.apply("biz_a", [charge("ch_9a", 500, "jpy", 100), charge("ch_9b", 4900, "usd", 200)])
        let row = try XCTUnwrap(fixture.summaries("biz_a", ["d@example.com"]).first)
        XCTAssertEqual(row.totals.map(\.currency), ["usd", "jpy"], "most recent currency first")
        XCTAssertEqual(row.totals.map(\.display), ["$49.00", "¥500"])
        XCTAssertEqual(row.orders, 2)
        let columns = try fixture.call(
            RevenueV1.RevenueQuery.stripeColumns, .init(businessId: "biz_a", emails: ["d@example.com"]),
            grantFor: "biz_a"
        )
        XCTAssertEqual(columns.columns.first?.spentDisplay, "$49.00")
        XCTAssertEqual(columns.columns.first?.otherCurrencies, 1, "the grid says there are several")
    }

    func testS17TwoBusinessesOneEmail() throws {
        try fixture.apply(
            "biz_b",
            [
                .init(
                    "charge",
                    """
                    {"id":"ch_c","status":"succeeded","captured":true,"amount_captured":1200,"currency":"usd",
                     "billing_details":{"email":"a@example.com"}}
                    """)
            ])
        try fixture.apply("biz_a", LedgerScenarioObjects.s06)
        XCTAssertEqual(usd(try XCTUnwrap(fixture.summaries("biz_a", ["a@example.com"]).first))?.spent, 4900)
        XCTAssertEqual(usd(try XCTUnwrap(fixture.summaries("biz_b", ["a@example.com"]).first))?.spent, 1200)
        let denied = assertRevenueError(.permissionDenied) {
            _ = try fixture.call(
                RevenueV1.RevenueQuery.summaryByEmails, .init(businessId: "biz_b", emails: ["a@example.com"]),
                grantFor: "biz_a"
            )
        }
        XCTAssertTrue(denied?.message.contains("another business") == true, "\(String(describing: denied))")
        let info = try fixture.call(
            RevenueV1.RevenueQuery.stripeInfoByEmail, .init(businessId: "biz_b", email: "a@example.com"),
            grantFor: "biz_b"
        )
        XCTAssertEqual(info.payments.map(\.paymentKey), ["ch_c"])
    }
}
