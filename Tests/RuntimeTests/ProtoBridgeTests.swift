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

    /// C strings would cut "a@b.com\0x" to "a@b.com": such a payload is refused, naming the field.
    /// (The encoder writes C strings too, so the payloads here are spelled out byte by byte.)
    func testStringsHoldingANulAreRefusedByName() throws {
        func field(_ number: UInt8, _ body: [UInt8]) -> [UInt8] { [number << 3 | 2, UInt8(body.count)] + body }
        let request = field(1, Array("b".utf8)) + field(2, Array("ok@x.io".utf8)) + field(2, Array("a@b.com\0x".utf8))
        XCTAssertThrowsError(try RevenueV1.SummaryByEmailsRequest(serialized: request)) { error in
            XCTAssertEqual(
                "\(error)",
                "stripebridge.revenue.v1.SummaryByEmailsRequest.emails holds a NUL byte; strings must not contain U+0000"
            )
        }
        let nested = field(1, field(1, Array("a@b.co".utf8)) + field(4, field(1, Array("us\0d".utf8))))
        XCTAssertThrowsError(try RevenueV1.SummaryByEmailsResponse(serialized: nested)) { error in
            XCTAssertTrue("\(error)".contains("summaries.totals.currency holds a NUL"), "\(error)")
        }
        // Zero bytes elsewhere are no NUL in a string: empty elements, binary fields.
        let fine = RevenueV1.SummaryByEmailsRequest(businessId: "b", emails: ["", "a@b.co", ""])
        XCTAssertEqual(try RevenueV1.SummaryByEmailsRequest(serialized: fine.serialized()), fine)
        let change = RevenueV1.ObjectChange(objectType: "charge", objectId: "ch_0", json: [0, 1, 0], version: 0)
        let binary = RevenueV1.ApplyChangesRequest(businessId: "b", batchId: "z", changes: [change])
        XCTAssertEqual(try RevenueV1.ApplyChangesRequest(serialized: binary.serialized()), binary)
    }

    /// proto3 strings are UTF-8: invalid bytes are refused, naming the field, instead of being
    /// repaired to U+FFFD (which would make "biz_\u{FF}" and "biz_\u{FE}" the same business).
    func testStringsThatAreNotUTF8AreRefusedByName() throws {
        func field(_ number: UInt8, _ body: [UInt8]) -> [UInt8] { [number << 3 | 2, UInt8(body.count)] + body }
        func refusal<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) -> String {
            do {
                _ = try M(serialized: bytes)
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        let request = "stripebridge.revenue.v1.SummaryByEmailsRequest"
        for bad: UInt8 in [0xFF, 0xFE] {
            XCTAssertEqual(
                refusal(RevenueV1.SummaryByEmailsRequest.self, field(1, Array("biz_".utf8) + [bad])),
                "\(request).business_id is not valid UTF-8; strings must be UTF-8 text")
        }
        let repeated = field(1, Array("b".utf8)) + field(2, Array("ok@x.io".utf8)) + field(2, [0x61, 0xC3])
        XCTAssertEqual(
            refusal(RevenueV1.SummaryByEmailsRequest.self, repeated),
            "\(request).emails is not valid UTF-8; strings must be UTF-8 text")
        let nested = field(1, field(1, Array("a@b.co".utf8)) + field(4, field(6, [0x24, 0x80, 0x31])))
        XCTAssertEqual(
            refusal(RevenueV1.SummaryByEmailsResponse.self, nested),
            "stripebridge.revenue.v1.SummaryByEmailsResponse.summaries.totals.display is not valid UTF-8; "
                + "strings must be UTF-8 text")
        // Forms String(cString:) would also repair: a UTF-16 surrogate, an overlong "/", a cut emoji.
        for bad: [UInt8] in [[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF0, 0x9F, 0x98]] {
            let message = refusal(RevenueV1.SummaryByEmailsRequest.self, field(1, bad))
            XCTAssertTrue(
                message.hasSuffix(".business_id is not valid UTF-8; strings must be UTF-8 text"), message)
        }
    }

    func testValidNonASCIIStringsStillPass() throws {
        let texts = ["café", "Straße ẞ", "💶 €25.00", "日本語", "é@ü.de"]
        let request = RevenueV1.SummaryByEmailsRequest(businessId: "biz_é", emails: texts)
        XCTAssertEqual(try RevenueV1.SummaryByEmailsRequest(serialized: request.serialized()), request)
        let total = RevenueV1.CurrencyTotal(currency: "eur", spent: 2_500, display: "💶 25,00 €")
        let summary = RevenueV1.EmailSummary(email: "ẞ@x.de", totals: [total])
        let response = RevenueV1.SummaryByEmailsResponse(summaries: [summary])
        XCTAssertEqual(try RevenueV1.SummaryByEmailsResponse(serialized: response.serialized()), response)
        let problem = request.serialized().withUnsafeBufferPointer {
            ProtoStringCheck.firstProblem(in: $0, of: RevenueV1.SummaryByEmailsRequest.descriptor)
        }
        XCTAssertNil(problem)
    }
}
