import RevenueQuery
import XCTest

/// S06–S09: one payment however many Stripe objects describe it.
final class LedgerTestsDeduplication: XCTestCase {
    func testS06SubscriptionThroughCheckoutCountsOnce() throws {
        let ledger = try AccountLedger.holding(LedgerScenarioObjects.s06)

        let payments = ledger.payments()
        XCTAssertEqual(payments.map(\.key), ["pi_1"])
        let sources = try XCTUnwrap(payments.first).sources
        XCTAssertEqual(sources.paymentIntent, "pi_1")
        XCTAssertEqual(sources.charges, ["ch_1"])
        XCTAssertEqual(sources.invoices, ["in_1"])
        XCTAssertEqual(sources.invoicePayments, ["inpay_1"])
        XCTAssertEqual(sources.checkoutSessions, ["cs_1"])

        let usd = try XCTUnwrap(ledger.totalsByEmail()["a@example.com"]?["usd"])
        XCTAssertEqual(usd.spent, 4900)
        XCTAssertEqual(usd.orders, 1)
        XCTAssertEqual(usd.lastPurchaseAt, 1_700_000_060, "the last purchase is ch_1's time")
    }

    func testS07InvoiceLinkedOnlyThroughInvoicePayment() throws {
        let objects: [LedgerTestObject] = [
            .init("customer", #"{"id":"cus_2","object":"customer","email":"b@example.com"}"#),
            .init(
                "invoice",
                """
                {"id":"in_2","object":"invoice","status":"paid","amount_paid":4900,
                 "currency":"usd","customer":"cus_2","status_transitions":{"paid_at":50},
                 "parent":{"subscription_details":{"subscription":{"id":"sub_2","object":"subscription"}}}}
                """),
            .init(
                "invoice_payment",
                """
                {"id":"inpay_2","object":"invoice_payment","invoice":"in_2","status":"paid",
                 "amount_paid":4900,"currency":"usd",
                 "payment":{"type":"payment_intent","payment_intent":"pi_2"}}
                """),
            .init(
                "payment_intent",
                """
                {"id":"pi_2","object":"payment_intent","status":"succeeded","amount_received":4900,
                 "currency":"usd","customer":"cus_2","created":40}
                """),
        ]
        let ledger = try AccountLedger.holding(objects)

        XCTAssertEqual(ledger.payments().map(\.key), ["pi_2"])
        let usd = try XCTUnwrap(ledger.totalsByEmail()["b@example.com"]?["usd"])
        XCTAssertEqual(usd.spent, 4900)
        XCTAssertEqual(usd.orders, 1)
        XCTAssertEqual(ledger.invoices["in_2"]?.subscription, "sub_2")
    }

    func testS08GuestCheckoutInEitherArrivalOrder() throws {
        let sessionFirst = try AccountLedger.holding([
            LedgerScenarioObjects.s08Session, LedgerScenarioObjects.s08Charge,
        ])
        let chargeFirst = try AccountLedger.holding([
            LedgerScenarioObjects.s08Charge, LedgerScenarioObjects.s08Session,
        ])
        XCTAssertEqual(sessionFirst.payments(), chargeFirst.payments())
        XCTAssertEqual(sessionFirst.payments().map(\.key), ["pi_4"])

        var complete = chargeFirst
        try complete.upsert([LedgerScenarioObjects.s08PaymentIntent])
        for ledger in [sessionFirst, complete] {
            let eur = try XCTUnwrap(ledger.totalsByEmail()["c@example.com"]?["eur"])
            XCTAssertEqual(eur.spent, 2500)
            XCTAssertEqual(eur.orders, 1)
            XCTAssertEqual(ledger.totalsByEmail().count, 1)
        }
    }

    func testS09DelayedPaymentCountsOnlyOncePaid() throws {
        let customer = LedgerTestObject(
            "customer", #"{"id":"cus_5","object":"customer","email":"e@example.com"}"#)
        func session(paymentStatus: String) -> LedgerTestObject {
            LedgerTestObject(
                "checkout.session",
                """
                {"id":"cs_5","object":"checkout.session","mode":"payment","status":"complete",
                 "payment_status":"\(paymentStatus)","amount_total":3000,"currency":"eur",
                 "customer":"cus_5","payment_intent":"pi_5","created":10}
                """)
        }
        func intent(status: String, received: Int) -> LedgerTestObject {
            LedgerTestObject(
                "payment_intent",
                """
                {"id":"pi_5","object":"payment_intent","status":"\(status)",
                 "amount_received":\(received),"currency":"eur","customer":"cus_5","created":11}
                """)
        }
        var ledger = try AccountLedger.holding([
            customer, session(paymentStatus: "unpaid"), intent(status: "processing", received: 0),
        ])
        XCTAssertEqual(ledger.payments(), [])
        XCTAssertEqual(ledger.totalsByEmail()["e@example.com"]?["eur"]?.spent ?? 0, 0)

        try ledger.upsert([
            session(paymentStatus: "paid"), intent(status: "succeeded", received: 3000),
            LedgerTestObject(
                "charge",
                """
                {"id":"ch_5","object":"charge","status":"succeeded","captured":true,
                 "amount_captured":3000,"currency":"eur","payment_intent":"pi_5","created":12}
                """),
        ])
        let eur = try XCTUnwrap(ledger.totalsByEmail()["e@example.com"]?["eur"])
        XCTAssertEqual(eur.spent, 3000)
        XCTAssertEqual(eur.orders, 1)
        XCTAssertEqual(eur.lastPurchaseAt, 12)
    }

    func testOutOfBandInvoiceIsKeyedByItsId() throws {
        let ledger = try AccountLedger.holding([
            .init(
                "invoice",
                """
                {"id":"in_oob","object":"invoice","status":"paid","amount_paid":1200,
                 "currency":"USD","customer_email":"h@example.com","status_transitions":{"paid_at":7}}
                """),
            .init(
                "invoice_payment",
                """
                {"id":"inpay_oob","object":"invoice_payment","invoice":"in_oob","status":"paid",
                 "amount_paid":1200,"payment":{"type":"payment_record","payment_record":"pr_1"}}
                """),
            .init("invoice", #"{"id":"in_free","object":"invoice","status":"paid","amount_paid":0}"#),
        ])
        let payment = try XCTUnwrap(ledger.payments().first)
        XCTAssertEqual(ledger.payments().count, 1, "a paid invoice of 0 carries no payment")
        XCTAssertEqual(payment.key, "in_oob")
        XCTAssertEqual(payment.gross, 1200)
        XCTAssertEqual(payment.currency, "usd")
        XCTAssertEqual(payment.email, "h@example.com")
        XCTAssertEqual(payment.time, 7)
    }

    func testSessionsWithoutMoneyAddNothing() throws {
        let ledger = try AccountLedger.holding([
            .init(
                "checkout.session",
                """
                {"id":"cs_free","object":"checkout.session","mode":"subscription",
                 "status":"complete","payment_status":"no_payment_required","invoice":"in_t"}
                """),
            .init(
                "checkout.session",
                """
                {"id":"cs_setup","object":"checkout.session","mode":"setup","status":"complete",
                 "payment_status":"paid","payment_intent":"pi_setup"}
                """),
            .init("invoice", #"{"id":"in_t","object":"invoice","status":"paid","amount_paid":0}"#),
        ])
        XCTAssertEqual(ledger.payments(), [])
    }
}
