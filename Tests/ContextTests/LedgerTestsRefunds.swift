import RevenueQuery
import XCTest

/// S10, S11, disputes and full refunds: what is kept, per currency.
final class LedgerTestsRefunds: XCTestCase {
    func testS10RefundSeenOnlyOnTheCharge() throws {
        var ledger = try AccountLedger.holding([
            LedgerScenarioObjects.s10Customer, LedgerScenarioObjects.s10Charge(refunded: 0),
        ])
        XCTAssertEqual(ledger.totalsByEmail()["f@example.com"]?["usd"]?.spent, 4900)

        try ledger.upsert([LedgerScenarioObjects.s10Charge(refunded: 1500)])

        let payment = try XCTUnwrap(ledger.payments().first)
        XCTAssertEqual(payment.key, "ch_6")
        XCTAssertEqual(payment.gross, 4900)
        XCTAssertEqual(payment.refunded, 1500)
        XCTAssertEqual(payment.net, 3400)
        let usd = try XCTUnwrap(ledger.totalsByEmail()["f@example.com"]?["usd"])
        XCTAssertEqual(usd.gross, 4900)
        XCTAssertEqual(usd.refunded, 1500)
        XCTAssertEqual(usd.spent, 3400)
        XCTAssertEqual(usd.orders, 1)

        // A negative refund (never sent by Stripe) cannot raise what was spent.
        try ledger.upsert([LedgerScenarioObjects.s10Charge(refunded: -700)])
        XCTAssertEqual(ledger.totalsByEmail()["f@example.com"]?["usd"]?.spent, 4900)
    }

    func testS11CurrenciesStayApart() throws {
        let ledger = try AccountLedger.holding([
            .init("customer", #"{"id":"cus_9","object":"customer","email":"d@example.com"}"#),
            .init(
                "charge",
                """
                {"id":"ch_9a","object":"charge","status":"succeeded","captured":true,
                 "amount_captured":500,"currency":"jpy","customer":"cus_9","created":100}
                """),
            .init(
                "charge",
                """
                {"id":"ch_9b","object":"charge","status":"succeeded","captured":true,
                 "amount_captured":4900,"currency":"usd","customer":"cus_9","created":200}
                """),
        ])
        let totals = ledger.totals().totals(forEmail: "D@example.com ")
        XCTAssertEqual(totals.email, "d@example.com")
        XCTAssertEqual(Set(totals.byCurrency.keys), ["jpy", "usd"])
        let jpy = try XCTUnwrap(totals.byCurrency["jpy"])
        let usd = try XCTUnwrap(totals.byCurrency["usd"])
        XCTAssertEqual(jpy.spent, 500)
        XCTAssertEqual(usd.spent, 4900)
        XCTAssertEqual(jpy.orders + usd.orders, 2)
        XCTAssertEqual(Money.display(amount: jpy.spent, currency: "jpy"), "¥500")
        XCTAssertEqual(Money.display(amount: usd.spent, currency: "usd"), "$49.00")
        XCTAssertTrue(totals.hasSeveralCurrencies)
        XCTAssertEqual(totals.mostRecentCurrency, "usd")
    }

    func testLostDisputeKeepsNothing() throws {
        let ledger = try AccountLedger.holding(LedgerScenarioObjects.lostDispute)
        let payment = try XCTUnwrap(ledger.payments().first)
        XCTAssertEqual(payment.disputedLost, 5000)
        XCTAssertEqual(payment.net, 0)
        let usd = try XCTUnwrap(ledger.totalsByEmail()["g@example.com"]?["usd"])
        XCTAssertEqual(usd.gross, 5000)
        XCTAssertEqual(usd.spent, 0)
        XCTAssertEqual(usd.orders, 0)
        XCTAssertNil(usd.lastPurchaseAt, "a lost payment is not a purchase")
    }

    func testDisputeStillOpenOrWonTakesNothing() throws {
        var objects = LedgerScenarioObjects.lostDispute
        objects[2] = .init(
            "dispute",
            """
            {"id":"dp_1","object":"dispute","charge":{"id":"ch_d","object":"charge"},
             "payment_intent":"pi_d","amount":5000,"currency":"usd","status":"won"}
            """)
        let ledger = try AccountLedger.holding(objects)
        XCTAssertEqual(ledger.payments().first?.net, 5000)
    }

    func testFullyRefundedPaymentIsNoOrder() throws {
        let ledger = try AccountLedger.holding([
            LedgerScenarioObjects.s10Customer, LedgerScenarioObjects.s10Charge(refunded: 4900),
        ])
        let usd = try XCTUnwrap(ledger.totalsByEmail()["f@example.com"]?["usd"])
        XCTAssertEqual(usd.gross, 4900)
        XCTAssertEqual(usd.refunded, 4900)
        XCTAssertEqual(usd.spent, 0)
        XCTAssertEqual(usd.orders, 0)
    }

    func testUncapturedOrFailedChargesAreNoMoney() throws {
        let ledger = try AccountLedger.holding([
            .init(
                "charge",
                """
                {"id":"ch_auth","object":"charge","status":"succeeded","captured":false,
                 "paid":true,"amount":900,"amount_captured":0,"currency":"usd"}
                """),
            .init(
                "charge",
                """
                {"id":"ch_fail","object":"charge","status":"failed","captured":false,
                 "amount":900,"currency":"usd"}
                """),
        ])
        XCTAssertEqual(ledger.payments(), [])
    }
}
