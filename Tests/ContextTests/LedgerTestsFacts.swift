import RevenueQuery
import XCTest

/// Reading facts from raw Stripe JSON.
final class LedgerTestsFacts: XCTestCase {
    private func decode(_ type: String, _ json: String) throws -> StripeObjectFacts? {
        try StripeObjectFacts.decode(objectType: type, json: Array(json.utf8))
    }

    func testExpandedReferencesKeepTheirId() throws {
        let facts = try decode(
            "invoice_payment",
            """
            {"id":"inpay_9","object":"invoice_payment","invoice":{"id":"in_9","object":"invoice"},
             "status":"paid","amount_paid":null,"currency":"usd",
             "payment":{"type":"payment_intent",
                        "payment_intent":{"id":"pi_9","object":"payment_intent","amount":5}},
             "status_transitions":{"paid_at":77}}
            """)
        guard case .invoicePayment(let payment)? = facts else {
            return XCTFail("expected an invoice_payment, got \(String(describing: facts))")
        }
        XCTAssertEqual(payment.invoice, "in_9")
        XCTAssertEqual(payment.paymentIntent, "pi_9")
        XCTAssertNil(payment.amountPaid)
        XCTAssertEqual(payment.paidAt, 77)
        XCTAssertEqual(payment.paymentKey, "pi_9")
    }

    func testMissingFieldsAreTolerated() throws {
        let facts = try decode("charge", #"{"id":"ch_min","object":"charge"}"#)
        guard case .charge(let charge)? = facts else { return XCTFail("expected a charge") }
        XCTAssertEqual(charge.amountCaptured, 0)
        XCTAssertFalse(charge.receivedMoney)
        XCTAssertNil(charge.billingEmail)
        XCTAssertEqual(charge.paymentKey, "ch_min")
    }

    func testUnknownObjectTypesAreIgnored() throws {
        XCTAssertNil(try decode("subscription", #"{"id":"sub_1","object":"subscription"}"#))
    }

    func testWrongFieldTypeNamesTheFieldButNotTheValue() throws {
        let json = #"{"id":"ch_bad","object":"charge","amount_captured":"secret@example.com"}"#
        XCTAssertThrowsError(try decode("charge", json)) { error in
            let failure = error as? FactsDecodingError
            XCTAssertEqual(failure?.fieldPath, "amount_captured")
            XCTAssertFalse(String(describing: error).contains("secret@example.com"))
            XCTAssertTrue(String(describing: error).contains("charge"))
        }
    }

    func testMissingOrEmptyIdAndBrokenJsonAreErrors() {
        XCTAssertThrowsError(try decode("customer", #"{"object":"customer","email":"a@b.co"}"#)) {
            XCTAssertEqual(($0 as? FactsDecodingError)?.fieldPath, "id")
        }
        XCTAssertThrowsError(try decode("customer", #"{"id":""}"#)) {
            XCTAssertEqual(($0 as? FactsDecodingError)?.fieldPath, "id")
        }
        XCTAssertThrowsError(try decode("refund", "{not json")) {
            XCTAssertTrue($0 is FactsDecodingError)
        }
    }

    func testEveryKnownTypeDecodesWithItsObjectType() throws {
        for type in StripeObjectFacts.knownObjectTypes.sorted() {
            let facts = try XCTUnwrap(try decode(type, #"{"id":"obj_1","object":"\#(type)"}"#))
            XCTAssertEqual(facts.objectType, type)
            XCTAssertEqual(facts.id, "obj_1")
        }
    }

    func testRefundAndDisputeFacts() throws {
        guard
            case .refund(let refund)? = try decode(
                "refund",
                """
                {"id":"re_1","object":"refund","amount":100,"charge":"ch_1","payment_intent":null,
                 "currency":"usd","status":"succeeded","created":3}
                """)
        else { return XCTFail("expected a refund") }
        XCTAssertEqual(refund.charge, "ch_1")
        XCTAssertNil(refund.paymentIntent)
        XCTAssertEqual(refund.amount, 100)
        guard
            case .dispute(let dispute)? = try decode(
                "dispute",
                """
                {"id":"dp_2","object":"dispute","amount":1000,"charge":"ch_1",
                 "payment_intent":{"id":"pi_1"},"currency":"usd","status":"lost"}
                """)
        else { return XCTFail("expected a dispute") }
        XCTAssertTrue(dispute.lost)
        XCTAssertEqual(dispute.paymentIntent, "pi_1")
    }
}
