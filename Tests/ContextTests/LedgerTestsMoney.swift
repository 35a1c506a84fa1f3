import RevenueQuery
import XCTest

/// Money display in each currency's own exponent, and email checks.
final class LedgerTestsMoney: XCTestCase {
    func testDisplayUsesTheCurrencyExponent() {
        XCTAssertEqual(Money.display(amount: 4900, currency: "usd"), "$49.00")
        XCTAssertEqual(Money.display(amount: 8_183_078, currency: "usd"), "$81,830.78")
        XCTAssertEqual(Money.display(amount: 2_476_010, currency: "jpy"), "¥2,476,010")
        XCTAssertEqual(Money.display(amount: 100_000, currency: "eur"), "€1,000.00")
        XCTAssertEqual(Money.display(amount: 99_999, currency: "eur"), "€999.99")
        XCTAssertEqual(Money.display(amount: 5, currency: "USD"), "$0.05")
        XCTAssertEqual(Money.display(amount: 500, currency: "jpy"), "¥500")
        XCTAssertEqual(Money.display(amount: 2500, currency: "eur"), "€25.00")
        XCTAssertEqual(Money.display(amount: 1999, currency: "gbp"), "£19.99")
        XCTAssertEqual(Money.display(amount: 12345, currency: "kwd"), "12.345 KWD")
        XCTAssertEqual(Money.display(amount: 50, currency: "bhd"), "0.050 BHD")
        XCTAssertEqual(Money.display(amount: 1234, currency: "chf"), "12.34 CHF")
        XCTAssertEqual(Money.display(amount: 100, currency: "isk"), "1.00 ISK")
        XCTAssertEqual(Money.display(amount: 1500, currency: "krw"), "1,500 KRW")
    }

    func testNegativeAmountsLeadWithAMinus() {
        XCTAssertEqual(Money.display(amount: -150, currency: "usd"), "-$1.50")
        XCTAssertEqual(Money.display(amount: -500, currency: "jpy"), "-¥500")
        XCTAssertEqual(Money.display(amount: -1234, currency: "chf"), "-12.34 CHF")
        XCTAssertEqual(Money.display(amount: -5, currency: "kwd"), "-0.005 KWD")
        XCTAssertEqual(
            Money.display(amount: .min, currency: "usd"), "-$92,233,720,368,547,758.08")
    }

    func testCurrencyExponents() {
        XCTAssertEqual(CurrencyExponent.decimals(for: "JPY"), 0)
        XCTAssertEqual(CurrencyExponent.decimals(for: "tnd"), 3)
        XCTAssertEqual(CurrencyExponent.decimals(for: "usd"), 2)
    }

    func testEmailNormalisation() {
        XCTAssertEqual(EmailAddress.normalize("  Mixed.Case@Example.COM\n"), "mixed.case@example.com")
        XCTAssertNil(EmailAddress.normalize(" \t "))
        XCTAssertNil(EmailAddress.normalize("v@x.com\u{0}evil"), "a NUL would cut it short on the wire")
        XCTAssertNil(EmailAddress.normalize("a\u{7}b@x.com"))
        XCTAssertNil(EmailAddress.normalize(nil))
    }

    func testPlausibleEmails() {
        XCTAssertTrue(EmailAddress.isPlausible("a@example.com"))
        XCTAssertTrue(EmailAddress.isPlausible("first+tag@mail.example.co"))
        XCTAssertFalse(EmailAddress.isPlausible(""))
        XCTAssertFalse(EmailAddress.isPlausible("a@@example.com"))
        XCTAssertFalse(EmailAddress.isPlausible("a@b@example.com"))
        XCTAssertFalse(EmailAddress.isPlausible("@example.com"))
        XCTAssertFalse(EmailAddress.isPlausible("a@localhost"))
        XCTAssertFalse(EmailAddress.isPlausible("a@example."))
        XCTAssertFalse(EmailAddress.isPlausible("a b@example.com"))
        XCTAssertFalse(EmailAddress.isPlausible("noatsign.example.com"))
        let long = String(repeating: "x", count: 250) + "@a.co"
        XCTAssertFalse(EmailAddress.isPlausible(long))
    }
}
