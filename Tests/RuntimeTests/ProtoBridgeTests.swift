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

    /// Decoding unpacks into an arena of chunks sized from the input: answers far larger than
    /// one chunk, and single fields larger than a chunk, come back whole.
    func testLargeAnswersAndLargeFieldsDecodeWhole() throws {
        let summaries = (0..<3_000).map { index in
            RevenueV1.EmailSummary(
                email: "buyer\(index)@example.com", found: true,
                totals: [RevenueV1.CurrencyTotal(currency: "usd", spent: Int64(index), display: "$\(index)")],
                orders: Int64(index))
        }
        let response = RevenueV1.SummaryByEmailsResponse(summaries: summaries, connected: true)
        XCTAssertEqual(try RevenueV1.SummaryByEmailsResponse(serialized: response.serialized()), response)
        let json = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        let change = RevenueV1.ObjectChange(objectType: "charge", objectId: "ch_big", json: json, version: 1)
        let request = RevenueV1.ApplyChangesRequest(businessId: "b", batchId: "big", changes: [change])
        XCTAssertEqual(try RevenueV1.ApplyChangesRequest(serialized: request.serialized()), request)
    }

    func testTruncatedInputIsRejectedAtEveryLength() throws {
        let response = RevenueV1.SummaryByEmailsResponse(
            summaries: (0..<20).map { .init(email: "b\($0)@x.io", totals: [.init(currency: "eur", spent: 1)]) })
        let bytes = response.serialized()
        var rejected = 0
        for length in 1..<bytes.count {
            if (try? RevenueV1.SummaryByEmailsResponse(serialized: Array(bytes[..<length]))) == nil { rejected += 1 }
        }
        XCTAssertGreaterThan(rejected, bytes.count / 2, "most cut points fall inside a field")
    }
}
