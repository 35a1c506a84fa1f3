import Contracts
import ProtoBridge
import XCTest

final class ProtoBridgeTests: XCTestCase {
    func testNestedRepeatedMessagesRoundTrip() throws {
        let total = RevenueV1.CurrencyTotal(currency: "jpy", spent: 500, orders: 1, display: "¥500")
        let summary = RevenueV1.EmailSummary(
            email: " A@Example.com", normalizedEmail: "a@example.com", found: true,
            totals: [total, RevenueV1.CurrencyTotal(currency: "usd", spent: -4900)],
            lastPurchaseAt: 1_700_000_000, lastCurrency: "usd", orders: 2
        )
        let response = RevenueV1.SummaryByEmailsResponse(summaries: [summary, .init(email: "b@x.io")], connected: true)
        let decoded = try RevenueV1.SummaryByEmailsResponse(serialized: response.serialized())
        XCTAssertEqual(decoded, response)
    }

    func testBytesStringsAndEnumsRoundTrip() throws {
        let change = RevenueV1.ObjectChange(objectType: "charge", objectId: "ch_1", json: Array("{}".utf8), version: 7)
        let request = RevenueV1.ApplyChangesRequest(businessId: "b1", batchId: "x", changes: [change], purge: true)
        XCTAssertEqual(try RevenueV1.ApplyChangesRequest(serialized: request.serialized()), request)
        let emails = RevenueV1.SummaryByEmailsRequest(businessId: "b", emails: ["a@b.c", "", "é@ü.de"])
        XCTAssertEqual(try RevenueV1.SummaryByEmailsRequest(serialized: emails.serialized()), emails)
        let flow = ConnectV1.ConnectURLRequest(businessId: "b", flow: .clientPortal)
        XCTAssertEqual(try ConnectV1.ConnectURLRequest(serialized: flow.serialized()).flow, .clientPortal)
    }

    func testDefaultsEncodeToNothing() {
        XCTAssertEqual(RevenueV1.SummaryByEmailsRequest().serialized(), [])
    }

    func testGarbageIsRejectedWithTheMessageName() {
        XCTAssertThrowsError(try RevenueV1.SummaryByEmailsRequest(serialized: [0xFF, 0xFF, 0xFF])) { error in
            XCTAssertTrue("\(error)".contains("SummaryByEmailsRequest"), "\(error)")
        }
    }
}
