import BridgeStore
import Contracts
import XCTest

@testable import RevenueQuery

/// The structures behind the grids' lookups agree with the plain definitions they speed up.
final class RevenueLookupStructureTests: XCTestCase {
    func testDirectoryKeepsIdsThroughGrowthAndFindsOnlyWhatItHolds() {
        var directory = EmailDirectory()
        let addresses = (0..<5_000).map { "buyer\($0)@shop\($0 % 7).example.com" }
        let ids = addresses.map { directory.intern($0) }
        XCTAssertEqual(ids, (0..<5_000).map(Int32.init))
        XCTAssertEqual(directory.count, 5_000)
        for (index, address) in addresses.enumerated() {
            XCTAssertEqual(directory.id(of: address), Int32(index))
            XCTAssertEqual(directory.address(Int32(index)), address)
        }
        XCTAssertEqual(directory.intern(addresses[42]), 42, "interning twice gives the same id")
        XCTAssertNil(directory.id(of: "buyer5000@shop2.example.com"))
        XCTAssertNil(directory.id(of: "BUYER1@shop1.example.com"), "the directory holds exact text only")
        XCTAssertNil(directory.id(of: ""))
    }

    func testQuickEmailCheckAgreesWithTheGeneralOne() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab.@-+_xZ 1")
        var checked = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...9, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            guard let quick = EmailAddress.isPlausibleNormalizedASCII(text) else {
                XCTAssertTrue(
                    text.isEmpty || text.contains(" ") || text.contains("Z"), "\(text) left to the general path")
                continue
            }
            checked += 1
            XCTAssertEqual(quick, EmailAddress.isPlausible(text), "\"\(text)\"")
        }
        XCTAssertGreaterThan(checked, 1_000)
        for text in ["a@b.co", ".a@b.co", "a@.b.co", "a@b.co.", "a@b", "@b.co", "a@b@c.co", "a.b@c"] {
            XCTAssertEqual(EmailAddress.isPlausibleNormalizedASCII(text), EmailAddress.isPlausible(text), text)
        }
    }

    func testCurrencyFormatMatchesMoneyDisplayAtTheExtremes() {
        for currency in ["usd", "eur", "jpy", "kwd", "chf", ""] {
            let format = CurrencyFormat(currency: currency)
            for amount: Int64 in [0, 1, -1, 999, 1_000, 123_456_789, .max, .min] {
                XCTAssertEqual(
                    format.display(amount), Money.display(amount: amount, currency: currency),
                    "\(amount) \(currency)")
            }
        }
        XCTAssertEqual(CurrencyFormat(currency: "usd").display(.max), "$92,233,720,368,547,758.07")
        XCTAssertEqual(CurrencyFormat(currency: "kwd").display(-1_000_000), "-1,000.000 KWD")
        XCTAssertEqual(CurrencyFormat(currency: "").display(1_050), "10.50")
    }

    func testBoundedRankingKeepsWhatAFullSortWouldPutFirst() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let values = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                Int.random(in: 0...40, using: &generator)  // many ties
            }
            let limit = Int.random(in: 0...60, using: &generator)
            let before = { (lhs: (Int, Int), rhs: (Int, Int)) in lhs.0 != rhs.0 ? lhs.0 > rhs.0 : lhs.1 < rhs.1 }
            var ranking = BoundedRanking<(Int, Int)>(limit: limit, ranksBefore: before)
            for (position, value) in values.enumerated() { ranking.offer((value, position)) }
            let expected = values.enumerated().map { ($0.element, $0.offset) }.sorted(by: before).prefix(limit)
            XCTAssertEqual(ranking.ranked().map(\.1), expected.map(\.1))
            XCTAssertEqual(ranking.offered, values.count)
        }
    }

    /// The page of customers looks each one up by email: through the email index, never by
    /// walking every customer of the business.
    func testCustomersByEmailUseTheEmailIndex() throws {
        let fixture = try RevenueServiceFixture()
        defer { fixture.tearDown() }
        var plan: [String] = []
        try fixture.database.query("EXPLAIN QUERY PLAN " + DerivedStore.customersByEmail, [.text("b"), .text("e")]) {
            plan.append($0.text(3))
        }
        XCTAssertEqual(plan, ["SEARCH customers USING INDEX customers_by_email (business_id=? AND email=?)"])
    }

    func testTextFilterMatchesLowerCasedSubstringsOfWholeCharacters() {
        let filter = TextFilter("  ÅNG ")
        XCTAssertTrue(filter.matches("Anders Ångström"))
        XCTAssertTrue(filter.matches("ångström"))
        XCTAssertFalse(filter.matches("Angstrom"), "Å is not A")
        XCTAssertTrue(TextFilter("nº1").matches("Buyer Nº12"))
        XCTAssertTrue(TextFilter("@shop").matches(lowercased: "a@shop.example"))
        XCTAssertFalse(TextFilter("shop.example.com").matches(lowercased: "a@shop.example"), "longer than the text")
        XCTAssertTrue(TextFilter(" ").matches("anything"), "an empty filter matches everything")
        XCTAssertTrue(TextFilter("").isEmpty)
        XCTAssertTrue(TextFilter("aab").matches(lowercased: "xaaab"), "a false start does not hide a match")
    }

    /// An address holding a control character is no address: its payment counts without an
    /// email rather than under a name cut short at the NUL on its way out.
    func testAnEmailHoldingANulIsNoEmail() throws {
        let fixture = try RevenueServiceFixture()
        defer { fixture.tearDown() }
        try fixture.apply(
            "biz",
            [
                LedgerTestObject(
                    "charge",
                    #"{"id":"ch_nul","status":"succeeded","captured":true,"amount_captured":100,"currency":"usd","#
                        + #""billing_details":{"email":"v@x.com\u0000evil"},"created":10}"#),
                LedgerTestObject(
                    "charge",
                    #"{"id":"ch_ok","status":"succeeded","captured":true,"amount_captured":50,"currency":"usd","#
                        + #""receipt_email":"v@x.com","created":20}"#),
            ])
        let rows = try fixture.call(
            RevenueV1.RevenueQuery.listCustomers, .init(businessId: "biz"), grantFor: "biz"
        ).customers
        XCTAssertEqual(rows.map(\.email), ["v@x.com"])
        XCTAssertEqual(rows.map(\.spent), [50])
        let top = try fixture.call(RevenueV1.RevenueQuery.topCustomers, .init(businessId: "biz"), grantFor: "biz")
        XCTAssertEqual(top.withoutEmail.map(\.spent), [100])
    }
}
