import Contracts
import RevenueQuery
import XCTest

/// Invoice lines read as line-item facts, and shown by StripeInfoByEmail next to the sessions'.
final class InvoiceLineItemsTests: XCTestCase {
    /// An invoice line at API version 2026-07-29.dahlia: ids under `pricing.price_details`.
    private static func line(_ number: Int, pricing: String? = nil) -> String {
        let details = #"{"price":"price_\#(number)","product":"prod_\#(number)"}"#
        let priced = pricing ?? #"{"type":"price_details","price_details":\#(details)}"#
        return #"""
            {"id":"il_\#(number)","object":"line_item","amount":\#(1000 * number),"currency":"usd",
             "description":"\#(number) × Seat","quantity":\#(number),"pricing":\#(priced)}
            """#
    }

    private static func invoice(lines: [String], hasMore: Bool = false) -> String {
        #"""
        {"id":"in_7","object":"invoice","status":"paid","amount_paid":3000,"currency":"usd",
         "customer_email":"dee@example.com","created":86400,"status_transitions":{"paid_at":86400},
         "lines":{"object":"list","data":[\#(lines.joined(separator: ","))],"has_more":\#(hasMore),
                  "url":"/v1/invoices/in_7/lines"}}
        """#
    }

    private func facts(_ json: String) throws -> InvoiceFacts {
        let decoded = try StripeObjectFacts.decode(objectType: "invoice", json: Array(json.utf8))
        guard case .invoice(let invoice)? = decoded else {
            return try XCTUnwrap(nil, "expected an invoice, got \(String(describing: decoded))")
        }
        return invoice
    }

    func testInvoiceLinesBecomeLineItemFacts() throws {
        let invoice = try facts(Self.invoice(lines: [Self.line(1), Self.line(2)]))
        XCTAssertEqual(
            invoice.lineItems,
            [
                LineItemFacts(
                    description: "1 × Seat", quantity: 1, amount: 1000, currency: "usd", priceID: "price_1",
                    productID: "prod_1"),
                LineItemFacts(
                    description: "2 × Seat", quantity: 2, amount: 2000, currency: "usd", priceID: "price_2",
                    productID: "prod_2"),
            ])
    }

    func testLinesWithoutPriceIdsKeepTheirOtherFields() throws {
        // As in Stripe's own example line: `pricing` holds only its type; or it is null or absent.
        let lines = [
            Self.line(1, pricing: #"{"type":"price_details","unit_amount_decimal":null}"#),
            Self.line(2, pricing: "null"),
            #"{"id":"il_3","object":"line_item","amount":5,"quantity":null,"description":null}"#,
        ]
        let items = try facts(Self.invoice(lines: lines)).lineItems
        XCTAssertEqual(items.map(\.amount), [1000, 2000, 5])
        XCTAssertEqual(items.map(\.quantity), [1, 2, 1])
        XCTAssertEqual(items.map(\.priceID), [nil, nil, nil])
        XCTAssertEqual(items.map(\.productID), [nil, nil, nil])
        XCTAssertNil(items[2].description)
    }

    func testAnUnreadableLinesListLeavesTheInvoiceAndItsMoney() throws {
        let broken = try facts(Self.invoice(lines: [#"{"id":"il_x","amount":"lots"}"#]))
        XCTAssertEqual(broken.amountPaid, 3000)
        XCTAssertTrue(broken.lineItems.isEmpty)
        let none = try facts(#"{"id":"in_8","object":"invoice","status":"paid","amount_paid":10}"#)
        XCTAssertTrue(none.lineItems.isEmpty)
    }

    func testCheckoutLineItemsStillReadTheirExpandedPrice() throws {
        let json = #"""
            {"id":"cs_1","object":"checkout.session","line_items":{"object":"list","data":[
             {"id":"li_1","object":"item","amount_total":700,"amount_subtotal":800,"quantity":2,
              "description":"Mat","currency":"eur","price":{"id":"price_m","product":"prod_m"}}]}}
            """#
        guard
            case .checkoutSession(let session)? = try StripeObjectFacts.decode(
                objectType: "checkout.session", json: Array(json.utf8))
        else { return XCTFail("expected a checkout session") }
        XCTAssertEqual(
            session.lineItems,
            [
                LineItemFacts(
                    description: "Mat", quantity: 2, amount: 700, currency: "eur", priceID: "price_m",
                    productID: "prod_m")
            ])
    }

    func testStripeInfoByEmailShowsEveryInvoiceLine() throws {
        let fixture = try RevenueServiceFixture()
        defer { fixture.tearDown() }
        let lines = (1...12).map { Self.line($0) }
        try fixture.apply("biz", [LedgerTestObject("invoice", Self.invoice(lines: lines))])
        let info = try fixture.call(
            RevenueV1.RevenueQuery.stripeInfoByEmail, .init(businessId: "biz", email: "dee@example.com"),
            grantFor: "biz")
        let invoice = try XCTUnwrap(info.invoices.first)
        XCTAssertEqual(invoice.invoiceId, "in_7")
        XCTAssertEqual(invoice.lineItems.count, 12)
        XCTAssertEqual(
            invoice.lineItems.first,
            RevenueV1.LineItem(
                description: "1 × Seat", quantity: 1, amountTotal: 1000, currency: "usd",
                priceId: "price_1", productId: "prod_1"))
        XCTAssertEqual(invoice.lineItems.last?.productId, "prod_12")
    }
}
