import RevenueQuery
import XCTest

/// Which email a payment belongs to, and S17: businesses never mix.
final class LedgerTestsAttribution: XCTestCase {
    func testGuestCheckoutEmailIsTrimmedAndLowerCased() throws {
        let ledger = try AccountLedger.holding([
            .init(
                "checkout.session",
                """
                {"id":"cs_g","object":"checkout.session","mode":"payment","status":"complete",
                 "payment_status":"paid","amount_total":1500,"currency":"usd","customer":null,
                 "customer_details":{"email":"  Guest.Buyer+Shoes@Example.COM "},
                 "payment_intent":"pi_g","created":5}
                """)
        ])
        let payment = try XCTUnwrap(ledger.payments().first)
        XCTAssertEqual(payment.email, "guest.buyer+shoes@example.com")
        XCTAssertEqual(payment.gross, 1500, "the session's total stands in until pi_g is synced")
        XCTAssertEqual(ledger.totalsByEmail().keys.sorted(), ["guest.buyer+shoes@example.com"])
    }

    func testCustomerEmailWinsOverWhatWasTypedAtCheckout() throws {
        let ledger = try AccountLedger.holding([
            .init("customer", #"{"id":"cus_k","object":"customer","email":"Kim@Example.com"}"#),
            .init(
                "charge",
                """
                {"id":"ch_k","object":"charge","status":"succeeded","captured":true,
                 "amount_captured":700,"currency":"usd","customer":{"id":"cus_k","object":"customer"},
                 "billing_details":{"email":"other@example.com"},"receipt_email":"r@example.com"}
                """),
        ])
        XCTAssertEqual(ledger.payments().first?.email, "kim@example.com")
    }

    func testPaymentWithoutEmailIsReportedApart() throws {
        let ledger = try AccountLedger.holding([
            .init("customer", #"{"id":"cus_n","object":"customer","email":"   "}"#),
            .init(
                "charge",
                """
                {"id":"ch_n","object":"charge","status":"succeeded","captured":true,
                 "amount_captured":800,"currency":"usd","customer":"cus_n",
                 "billing_details":{"email":null},"receipt_email":""}
                """),
        ])
        XCTAssertNil(ledger.payments().first?.email)
        XCTAssertEqual(ledger.totalsByEmail(), [:])
        let usd = try XCTUnwrap(ledger.totalsWithoutEmail()["usd"])
        XCTAssertEqual(usd.spent, 800)
        XCTAssertEqual(usd.orders, 1)
    }

    func testDeletedCustomerKeepsItsHistory() throws {
        let live = LedgerTestObject(
            "customer", #"{"id":"cus_x","object":"customer","email":"x@example.com","name":"X"}"#)
        let deleted = LedgerTestObject(
            "customer", #"{"id":"cus_x","object":"customer","deleted":true}"#)
        let intent = LedgerTestObject(
            "payment_intent",
            """
            {"id":"pi_x","object":"payment_intent","status":"succeeded","amount_received":2000,
             "currency":"usd","customer":"cus_x","created":9}
            """)
        let deletedLast = try AccountLedger.holding([live, intent, deleted])
        let deletedFirst = try AccountLedger.holding([deleted, intent, live])
        for ledger in [deletedLast, deletedFirst] {
            XCTAssertEqual(ledger.customers["cus_x"]?.deleted, true)
            XCTAssertEqual(ledger.customers["cus_x"]?.email, "x@example.com")
            XCTAssertEqual(ledger.totalsByEmail()["x@example.com"]?["usd"]?.spent, 2000)
        }
    }

    func testS17TwoBusinessesOneEmail() throws {
        let businessA = try AccountLedger.holding([
            .init("customer", #"{"id":"cus_a","object":"customer","email":"a@example.com"}"#),
            .init(
                "payment_intent",
                """
                {"id":"pi_a","object":"payment_intent","status":"succeeded",
                 "amount_received":4900,"currency":"usd","customer":"cus_a"}
                """),
        ])
        let businessB = try AccountLedger.holding([
            .init(
                "charge",
                """
                {"id":"ch_c","object":"charge","status":"succeeded","captured":true,
                 "amount_captured":1200,"currency":"usd","billing_details":{"email":"A@example.com"}}
                """)
        ])
        let totalsA = businessA.totals().totals(forEmail: "a@example.com")
        let totalsB = businessB.totals().totals(forEmail: "a@example.com")
        XCTAssertEqual(totalsA.byCurrency["usd"]?.spent, 4900)
        XCTAssertEqual(totalsB.byCurrency["usd"]?.spent, 1200)
        XCTAssertEqual(businessA.payments().map(\.key), ["pi_a"])
        XCTAssertEqual(businessB.payments().map(\.key), ["ch_c"])
    }

    func testRemoveForgetsAnObject() throws {
        var ledger = try AccountLedger.holding(LedgerScenarioObjects.s08)
        XCTAssertTrue(ledger.remove(objectType: "payment_intent", id: "pi_4"))
        XCTAssertFalse(ledger.remove(objectType: "payment_intent", id: "pi_4"))
        XCTAssertFalse(ledger.remove(objectType: "subscription", id: "sub_1"))
        XCTAssertEqual(ledger.objectCount, 2)
        XCTAssertEqual(ledger.payments().map(\.key), ["pi_4"], "the charge still shows the payment")
    }
}
