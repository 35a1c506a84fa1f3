import XCTest

@testable import ConnectAuth

/// The display name of a connected account, in its documented order of preference.
final class ConnectAccountNameTests: XCTestCase {
    private let full: [String: Any] = [
        "business_profile": ["name": "Profile Name"],
        "settings": ["dashboard": ["display_name": "Dashboard Name"]],
        "company": ["name": "Company Name"],
        "individual": ["first_name": "Ada", "last_name": "Lovelace"],
        "email": "owner@example.com",
    ]

    func testEachSourceIsUsedOnlyWhenTheOnesBeforeItAreMissing() {
        var account = full
        XCTAssertEqual(AccountName.of(account: account, id: "acct_1"), "Profile Name")
        account["business_profile"] = ["name": "   "]
        XCTAssertEqual(
            AccountName.of(account: account, id: "acct_1"), "Dashboard Name", "blank names are skipped")
        account["settings"] = nil
        XCTAssertEqual(AccountName.of(account: account, id: "acct_1"), "Company Name")
        account["company"] = ["name": NSNull()]
        XCTAssertEqual(AccountName.of(account: account, id: "acct_1"), "Ada Lovelace")
        account["individual"] = ["first_name": "Ada"]
        XCTAssertEqual(AccountName.of(account: account, id: "acct_1"), "Ada")
        account["individual"] = nil
        XCTAssertEqual(AccountName.of(account: account, id: "acct_1"), "owner@example.com")
        account["email"] = nil
        XCTAssertEqual(AccountName.of(account: account, id: "acct_1"), "acct_1")
    }

    func testAnEmptyAccountIsNamedByItsID() {
        XCTAssertEqual(AccountName.of(account: [:], id: "acct_9"), "acct_9")
    }
}
