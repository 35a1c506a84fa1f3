import Contracts
import XCTest

/// Random datasets of several businesses, fed in random batches with updates: every business's
/// figures equal a recomputation from the purchases the objects were made from, before and
/// after a restart, and no business sees another's buyers.
final class RevenuePropertyTests: XCTestCase {
    /// One purchase as the generator made it, and what it must add to its email's totals.
    private struct Purchase {
        var email: String
        var currency: String
        var gross: Int64
        var refunded: Int64
        var lost: Bool
        var net: Int64 { lost ? 0 : gross - refunded }
    }

    private struct Expected: Equatable {
        var spent: Int64 = 0
        var orders: Int64 = 0
    }

    func testRandomBusinessesMatchAnIndependentRecomputation() throws {
        for seed in UInt64(1)...3 {
            let fixture = try RevenueServiceFixture()
            defer { fixture.tearDown() }
            var random = LedgerSeededGenerator(seed: seed)
            var expected: [String: [String: [String: Expected]]] = [:]
            for business in ["biz_1", "biz_2", "biz_3"] {
                let (objects, purchases) = makeBusiness(business, random: &random)
                for purchase in purchases where purchase.net > 0 || purchase.gross > 0 {
                    var row =
                        expected[business, default: [:]][purchase.email, default: [:]][purchase.currency] ?? .init()
                    row.spent += purchase.net
                    row.orders += purchase.net > 0 ? 1 : 0
                    expected[business, default: [:]][purchase.email, default: [:]][purchase.currency] = row
                }
                var version: Int64 = 1
                for batch in objects.shuffled(using: &random).chunked(into: Int.random(in: 1...7, using: &random)) {
                    try fixture.apply(business, batch, version: version)
                    version += 1
                }
            }
            try check(fixture, expected, seed: seed)
            try fixture.restart()
            try check(fixture, expected, seed: seed)
        }
    }

    private func check(
        _ fixture: RevenueServiceFixture, _ expected: [String: [String: [String: Expected]]], seed: UInt64
    ) throws {
        let everyEmail = Set(expected.values.flatMap(\.keys)).sorted()
        for (business, byEmail) in expected {
            let rows = try fixture.summaries(business, everyEmail.map { " " + $0.uppercased() })
            for (email, row) in zip(everyEmail, rows) {
                var seen: [String: Expected] = [:]
                for total in row.totals { seen[total.currency] = Expected(spent: total.spent, orders: total.orders) }
                XCTAssertEqual(seen, byEmail[email] ?? [:], "seed \(seed), \(business), \(email)")
            }
        }
    }

    /// Objects of one business: card payments (PaymentIntent + charge, some refunded, some lost
    /// in a dispute), legacy charges, subscription invoices paid through InvoicePayments, and
    /// guest checkouts; customers get updated and deleted along the way.
    private func makeBusiness(
        _ business: String, random: inout LedgerSeededGenerator
    ) -> ([LedgerTestObject], [Purchase]) {
        var objects: [LedgerTestObject] = []
        var purchases: [Purchase] = []
        let currencies = ["usd", "eur", "jpy"]
        for index in 0..<12 {
            let email = "buyer\(Int.random(in: 0..<6, using: &random))@example.com"
            let customer = "cus_\(business)_\(index)"
            objects.append(.init("customer", #"{"id":"\#(customer)","email":"\#(email.uppercased())"}"#))
            if Bool.random(using: &random) {
                objects.append(.init("customer", #"{"id":"\#(customer)","deleted":true}"#))
            }
            let id = "\(business)_\(index)"
            let currency = currencies.randomElement(using: &random)!
            let gross = Int64.random(in: 100...9_000, using: &random)
            let refunded = Bool.random(using: &random) ? Int64.random(in: 0...gross, using: &random) : 0
            let lost = Int.random(in: 0..<6, using: &random) == 0
            purchases.append(Purchase(email: email, currency: currency, gross: gross, refunded: refunded, lost: lost))
            let charge = """
                "status":"succeeded","captured":true,"amount_captured":\(gross),"amount_refunded":\(refunded),
                "currency":"\(currency)","customer":"\(customer)"
                """
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                objects.append(.init("charge", #"{"id":"ch_\#(id)",\#(charge)}"#))
                if lost { objects.append(dispute(id, charge: "ch_\(id)", intent: nil, gross, currency)) }
            case 1:
                objects.append(contentsOf: [
                    .init(
                        "payment_intent",
                        """
                        {"id":"pi_\(id)","status":"succeeded","amount_received":\(gross),"currency":"\(currency)",
                         "customer":"\(customer)","latest_charge":"ch_\(id)"}
                        """),
                    .init("charge", #"{"id":"ch_\#(id)","payment_intent":"pi_\#(id)",\#(charge)}"#),
                    .init(
                        "invoice",
                        """
                        {"id":"in_\(id)","status":"paid","amount_paid":\(gross),"currency":"\(currency)",
                         "customer":"\(customer)"}
                        """),
                    .init(
                        "invoice_payment",
                        """
                        {"id":"inpay_\(id)","invoice":"in_\(id)","status":"paid","amount_paid":\(gross),
                         "currency":"\(currency)","payment":{"type":"payment_intent","payment_intent":"pi_\(id)"}}
                        """),
                ])
                if lost { objects.append(dispute(id, charge: nil, intent: "pi_\(id)", gross, currency)) }
            default:
                objects.append(contentsOf: [
                    .init(
                        "checkout.session",
                        """
                        {"id":"cs_\(id)","mode":"payment","status":"complete","payment_status":"paid",
                         "amount_total":\(gross),"currency":"\(currency)","payment_intent":"pi_\(id)",
                         "customer_details":{"email":"\(email)"}}
                        """),
                    .init(
                        "payment_intent",
                        """
                        {"id":"pi_\(id)","status":"succeeded","amount_received":\(gross),"currency":"\(currency)"}
                        """),
                    .init(
                        "charge",
                        """
                        {"id":"ch_\(id)","payment_intent":"pi_\(id)","status":"succeeded","captured":true,
                         "amount_captured":\(gross),"amount_refunded":\(refunded),"currency":"\(currency)"}
                        """),
                ])
                if lost { objects.append(dispute(id, charge: "ch_\(id)", intent: nil, gross, currency)) }
            }
        }
        return (objects, purchases)
    }

    private func dispute(_ id: String, charge: String?, intent: String?, _ amount: Int64, _ currency: String)
        -> LedgerTestObject
    {
        let chargeField = charge.map { "\"\($0)\"" } ?? "null"
        let intentField = intent.map { "\"\($0)\"" } ?? "null"
        return .init(
            "dispute",
            """
            {"id":"dp_\(id)","charge":\(chargeField),"payment_intent":\(intentField),"amount":\(amount),
             "currency":"\(currency)","status":"lost"}
            """)
    }
}

extension Array {
    fileprivate func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
