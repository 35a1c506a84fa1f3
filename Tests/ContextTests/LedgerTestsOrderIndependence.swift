import RevenueQuery
import XCTest

/// The same objects in any order, and any part of them, never count a payment twice.
final class LedgerTestsOrderIndependence: XCTestCase {
    private var everyScenario: [LedgerTestObject] {
        LedgerScenarioObjects.s06 + LedgerScenarioObjects.s08 + LedgerScenarioObjects.lostDispute
            + [LedgerScenarioObjects.s10Customer, LedgerScenarioObjects.s10Charge(refunded: 1500)]
    }

    func testRandomPermutationsGiveTheSameResult() throws {
        let baseline = try AccountLedger.holding(everyScenario)
        let expectedPayments = baseline.payments()
        let expectedTotals = baseline.totals()
        XCTAssertEqual(expectedPayments.map(\.key), ["ch_6", "pi_1", "pi_4", "pi_d"])

        var generator = LedgerSeededGenerator(seed: 0x5EED)
        for round in 0..<60 {
            let shuffled = everyScenario.shuffled(using: &generator)
            let ledger = try AccountLedger.holding(shuffled)
            XCTAssertEqual(ledger.payments(), expectedPayments, "permutation \(round)")
            XCTAssertEqual(ledger.totals(), expectedTotals, "permutation \(round)")
        }
    }

    /// Every subset of S06 (64 of them): at most one payment, except the documented gap of a
    /// paid invoice held without its InvoicePayment.
    func testEveryPartOfS06CountsAtMostOnce() throws {
        let objects = LedgerScenarioObjects.s06
        for mask in 0..<(1 << objects.count) {
            let part = objects.indices.filter { mask & (1 << $0) != 0 }.map { objects[$0] }
            let ids = Set(try part.map { try $0.facts().id })
            let ledger = try AccountLedger.holding(part)
            let payments = ledger.payments()
            let invoiceWithoutLink = ids.contains("in_1") && !ids.contains("inpay_1")
            XCTAssertLessThanOrEqual(payments.count, invoiceWithoutLink ? 2 : 1, "subset \(ids)")
            if !invoiceWithoutLink {
                XCTAssertLessThanOrEqual(payments.reduce(0) { $0 + $1.net }, 4900, "subset \(ids)")
            }
        }
    }

    func testSessionSeenBeforeItsPaymentIntent() throws {
        var ledger = try AccountLedger.holding([LedgerScenarioObjects.s08Session])
        XCTAssertEqual(ledger.payments().map(\.key), ["pi_4"])
        XCTAssertEqual(ledger.payments().first?.gross, 2500)
        try ledger.upsert([LedgerScenarioObjects.s08PaymentIntent])
        XCTAssertEqual(ledger.payments().map(\.key), ["pi_4"])
        XCTAssertEqual(ledger.payments().first?.sources.paymentIntent, "pi_4")
    }

    func testInvoicePaymentSeenBeforeItsInvoice() throws {
        let s06 = Dictionary(
            uniqueKeysWithValues: LedgerScenarioObjects.s06.map { ($0.type, $0) })
        var ledger = try AccountLedger.holding([s06["invoice_payment"]!, s06["payment_intent"]!])
        XCTAssertEqual(ledger.payments().map(\.key), ["pi_1"])
        XCTAssertEqual(ledger.payments().first?.sources.invoices, [])

        try ledger.upsert([s06["invoice"]!])
        XCTAssertEqual(ledger.payments().map(\.key), ["pi_1"])
        XCTAssertEqual(ledger.payments().first?.sources.invoices, ["in_1"])
        XCTAssertEqual(ledger.payments().first?.net, 4900)
    }

    func testChargeWhosePaymentIntentIsNotSynced() throws {
        let charge = try XCTUnwrap(LedgerScenarioObjects.s06.first { $0.type == "charge" })
        let ledger = try AccountLedger.holding([charge])
        let payment = try XCTUnwrap(ledger.payments().first)
        XCTAssertEqual(payment.key, "pi_1")
        XCTAssertEqual(payment.gross, 4900)
        XCTAssertNil(payment.sources.paymentIntent)
        XCTAssertEqual(payment.time, 1_700_000_060)
    }
}
