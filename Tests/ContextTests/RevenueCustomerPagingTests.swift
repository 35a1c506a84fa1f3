import Contracts
import Foundation
import XCTest

@testable import RevenueQuery

/// ListCustomers pages by position: every row once and in order, unmoved by customers added
/// between calls; tokens are bound to their listing and checked.
final class RevenueCustomerPagingTests: XCTestCase {
    private var fixture: RevenueServiceFixture!
    private typealias Query = RevenueV1.RevenueQuery
    private var chargeCount = 0

    /// Seven buyers in usd, with ties in every sort. Spent: c 900; a, b, e 500; d 300;
    /// f, g 100. Orders: d 3; b, f 2; the rest 1. Last purchase: f, g 400; b, c, e 300;
    /// a 100; d 70.
    override func setUpWithError() throws {
        fixture = try RevenueServiceFixture()
        try buy([
            ("a@north.test", 500, 100), ("b@south.test", 250, 200), ("b@south.test", 250, 300),
            ("c@north.test", 900, 300), ("d@south.test", 100, 50), ("d@south.test", 100, 60),
            ("d@south.test", 100, 70), ("e@north.test", 500, 300), ("f@south.test", 50, 10),
            ("f@south.test", 50, 400), ("g@north.test", 100, 400),
        ])
    }

    override func tearDown() {
        fixture.tearDown()
    }

    /// Applies one usd charge per (email, amount, created), as a sync would.
    private func buy(_ charges: [(String, Int, Int)]) throws {
        let objects = charges.map { email, amount, created in
            chargeCount += 1
            return LedgerTestObject(
                "charge",
                """
                {"id":"ch_\(chargeCount)","status":"succeeded","captured":true,"amount_captured":\(amount),
                 "currency":"usd","receipt_email":"\(email)","created":\(created)}
                """)
        }
        try fixture.apply("biz", objects)
    }

    private func list(
        _ business: String = "biz", sort: String = "", filter: String = "", token: String = ""
    ) throws -> RevenueV1.ListCustomersResponse {
        try fixture.call(
            Query.listCustomers,
            .init(businessId: business, sort: sort, filter: filter, pageSize: 2, pageToken: token),
            grantFor: business
        )
    }

    /// Follows next_page_token to the end (at most 20 pages): the emails of each page.
    private func walk(sort: String = "", filter: String = "", total: Int64) throws -> [[String]] {
        var pages: [[String]] = []
        var token = ""
        repeat {
            let page = try list(sort: sort, filter: filter, token: token)
            XCTAssertEqual(page.totalCount, total, "sort \(sort), filter \(filter)")
            pages.append(page.customers.map { String($0.email.prefix { $0 != "@" }) })
            token = page.nextPageToken
        } while !token.isEmpty && pages.count < 20
        return pages
    }

    func testEveryRowOnceAndInOrderForEverySortAndAFilter() throws {
        XCTAssertEqual(try walk(total: 7), [["c", "a"], ["b", "e"], ["d", "f"], ["g"]])
        XCTAssertEqual(try walk(sort: "spent", total: 7), [["c", "a"], ["b", "e"], ["d", "f"], ["g"]])
        XCTAssertEqual(try walk(sort: "orders", total: 7), [["d", "b"], ["f", "a"], ["c", "e"], ["g"]])
        XCTAssertEqual(
            try walk(sort: "last_purchase", total: 7), [["f", "g"], ["b", "c"], ["e", "a"], ["d"]])
        // A full last page says so itself: no empty page follows.
        XCTAssertEqual(try walk(filter: " NORTH ", total: 4), [["c", "a"], ["e", "g"]])
        XCTAssertEqual(try walk(sort: "orders", filter: "south", total: 3), [["d", "b"], ["f"]])
    }

    /// Spent is ranked in one currency, never across: the one asked for (only its customers,
    /// figures in it), else the business's main one (most orders), customers without it last.
    func testSpentRanksInOneCurrencyNeverAcrossCurrencies() throws {
        let charges = [
            ("x@multi.test", 1_000, "usd", 100), ("x@multi.test", 300, "jpy", 200),
            ("y@multi.test", 500, "usd", 100), ("y@multi.test", 100, "usd", 110), ("z@multi.test", 700, "eur", 100),
            ("z@multi.test", 400, "chf", 100),
            ("w@multi.test", 90_000, "jpy", 50),
        ]
        try fixture.apply(
            "multi",
            charges.enumerated().map { number, charge in
                LedgerTestObject(
                    "charge",
                    """
                    {"id":"ch_m\(number)","status":"succeeded","captured":true,"amount_captured":\(charge.1),
                     "currency":"\(charge.2)","receipt_email":"\(charge.0)","created":\(charge.3)}
                    """)
            } + [
                LedgerTestObject(
                    "charge",
                    """
                    {"id":"ch_refunded","status":"succeeded","captured":true,"amount_captured":300,
                     "amount_refunded":300,"currency":"usd","receipt_email":"r@multi.test","created":100}
                    """)
            ])
        func list(_ sort: String = "spent", currency: String = "", token: String = "", size: Int32 = 10) throws
            -> RevenueV1.ListCustomersResponse
        {
            try fixture.call(
                Query.listCustomers,
                .init(businessId: "multi", sort: sort, pageSize: size, pageToken: token, currency: currency),
                grantFor: "multi")
        }
        // usd has the most orders (3 to jpy's 2): ¥90,000 does not outrank $10.00.
        let all = try list()
        // r's usd was all refunded: still ahead of w and z, who never paid in usd.
        XCTAssertEqual(
            all.customers.map(\.email),
            ["x@multi.test", "y@multi.test", "r@multi.test", "w@multi.test", "z@multi.test"])
        XCTAssertEqual(
            all.customers.map(\.currency), ["jpy", "usd", "usd", "jpy", "chf"], "figures of the latest purchase")

        let yen = try list(currency: "JPY")
        XCTAssertEqual(yen.customers.map(\.email), ["w@multi.test", "x@multi.test"])
        XCTAssertEqual(yen.customers.map(\.spent), [90_000, 300])
        XCTAssertEqual(yen.customers.map(\.spentDisplay), ["¥90,000", "¥300"])
        XCTAssertEqual(yen.customers.map(\.orders), [1, 1])
        XCTAssertEqual(yen.totalCount, 2)
        XCTAssertEqual(
            try list("orders", currency: "usd").customers.map(\.email),
            ["y@multi.test", "x@multi.test", "r@multi.test"])

        let first = try list(currency: "jpy", size: 1)
        XCTAssertEqual(
            try list(currency: "jpy", token: first.nextPageToken, size: 1).customers.map(\.email), ["x@multi.test"])
        assertPageTokenRefused(mentioning: "another business, sort, filter or currency") {
            _ = try list(currency: "usd", token: first.nextPageToken, size: 1)
        }
        for bad in ["us", "dollars", "u$d"] {
            let refused = assertRevenueError(.invalidArgument) { _ = try list(currency: bad) }
            XCTAssertTrue(refused?.message.contains("three-letter ISO code") ?? false, bad)
        }
    }

    func testCustomersAddedBetweenPagesShiftNothing() throws {
        let first = try list()
        XCTAssertEqual(first.customers.map(\.email), ["c@north.test", "a@north.test"])
        // One new buyer ranks above the first page, one among the rows not yet shown.
        try buy([("h@north.test", 1_000, 500), ("bb@south.test", 500, 20)])
        var seen: [String] = []
        var token = first.nextPageToken
        var pages = 0
        while !token.isEmpty && pages < 10 {
            let page = try list(token: token)
            XCTAssertEqual(page.totalCount, 9)
            seen += page.customers.map(\.email)
            token = page.nextPageToken
            pages += 1
        }
        let rest = ["b@south.test", "bb@south.test", "e@north.test", "d@south.test", "f@south.test"]
        XCTAssertEqual(seen, rest + ["g@north.test"], "no row of page one again, none of the rest missed")
    }

    func testATokenServesOnlyItsOwnListing() throws {
        let token = try list(filter: "north").nextPageToken
        XCTAssertFalse(token.isEmpty)
        XCTAssertEqual(try list(filter: "  North", token: token).customers.map(\.email).first, "e@north.test")
        for (sort, filter) in [("orders", "north"), ("last_purchase", "north"), ("", "south"), ("", "")] {
            assertPageTokenRefused(mentioning: "another business, sort, filter or currency") {
                _ = try list(sort: sort, filter: filter, token: token)
            }
        }
        assertPageTokenRefused(mentioning: "another business") {
            _ = try list("other", filter: "north", token: token)
        }
    }

    func testTokensNotGivenByTheServiceAreRefused() throws {
        let real = try list().nextPageToken
        let other = CustomerPageToken(value: 500, email: "a@north.test", listing: 1).text
        var bytes = Array(try XCTUnwrap(Data(base64Encoded: base64(real))))
        let mangled = (0..<bytes.count).map { index in
            bytes[index] ^= 1
            defer { bytes[index] ^= 1 }
            return base64URL(bytes)
        }
        var garbage = [
            "x", "0", "2", "AAAA", "!!!!", real + "=", real + "A", String(real.dropLast()),
            real.replacingOccurrences(of: "-", with: "+"), String(repeating: "A", count: 2_000),
            Data(bytes).base64EncodedString(), other,
        ]
        garbage += mangled
        for token in garbage where token != real {
            assertPageTokenRefused(token: token) { _ = try list(token: token) }
        }
        // Checked before the data is read: a business with nothing synced refuses it too.
        assertPageTokenRefused(mentioning: "not one this service gave") {
            _ = try list("empty", token: "x")
        }
    }

    func testTokenTextRoundTripsAndIsURLSafe() throws {
        let listing = CustomerPageToken.fingerprint(businessID: "biz", sort: "spent", filter: "é")
        let token = CustomerPageToken(value: -42, email: "zoë+tag@example.test", listing: listing)
        XCTAssertEqual(CustomerPageToken(text: token.text), token)
        let urlSafe = { (character: Character) in
            character.isASCII && (character.isLetter || character.isNumber || "-_".contains(character))
        }
        XCTAssertTrue(token.text.allSatisfy(urlSafe), token.text)
        let plainE = CustomerPageToken.fingerprint(businessID: "biz", sort: "spent", filter: "e")
        XCTAssertNotEqual(listing, plainE)
        XCTAssertNotEqual(
            CustomerPageToken.fingerprint(businessID: "ab", sort: "c", filter: ""),
            CustomerPageToken.fingerprint(businessID: "a", sort: "bc", filter: ""))
    }

    private func base64URL(_ bytes: [UInt8]) -> String {
        let text = Data(bytes).base64EncodedString()
        return text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private func base64(_ url: String) -> String {
        let standard = url.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return standard + String(repeating: "=", count: (4 - standard.count % 4) % 4)
    }

    private func assertPageTokenRefused(
        mentioning detail: String? = nil, token: String = "", line: UInt = #line, _ body: () throws -> Void
    ) {
        let error = assertRevenueError(.invalidArgument, line: line, body)
        let message = error?.message ?? ""
        XCTAssertTrue(message.hasPrefix("page_token "), "token \(token): \(message)", line: line)
        XCTAssertTrue(message.contains("leave page_token empty"), message, line: line)
        if let detail { XCTAssertTrue(message.contains(detail), message, line: line) }
    }
}
