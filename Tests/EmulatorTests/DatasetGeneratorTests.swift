import Foundation
import StripeEmulatorKit
import XCTest

final class DatasetGeneratorTests: XCTestCase {
    func testSameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws {
        let first = try DatasetGenerator(customers: 40, seed: 42, accounts: 2).generate()
        let second = try DatasetGenerator(customers: 40, seed: 42, accounts: 2).generate()
        XCTAssertEqual(first.dataset.encoded(), second.dataset.encoded())
        XCTAssertEqual(first.expected.encodedJSON(), second.expected.encodedJSON())
        XCTAssertEqual(first.expected, second.expected)
        let other = try DatasetGenerator(customers: 40, seed: 43, accounts: 2).generate()
        XCTAssertNotEqual(first.dataset.encoded(), other.dataset.encoded())
        XCTAssertEqual(first.dataset.accountIDs, ["acct_demo", "acct_demo2"])
    }

    func testWrittenDatasetAndExpectationsLoadBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (dataset, expected) = try DatasetGenerator(customers: 30, seed: 5).generate()
        let path = directory.appendingPathComponent("dataset.json").path
        try dataset.write(to: path)
        XCTAssertEqual(try EmulatorDataset.load(path: path).encoded(), dataset.encoded())
        let decoded = try JSONDecoder().decode(ExpectedTotals.self, from: Data(expected.encodedJSON()))
        XCTAssertEqual(decoded, expected)
    }

    /// Re-derives every total from the Stripe objects with the payment de-duplication rule and
    /// checks it against the generator's own bookkeeping.
    func testExpectationsMatchTheObjectsBuilt() throws {
        let (dataset, expected) = try DatasetGenerator(customers: 150, seed: 9, accounts: 2).generate()
        let json = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(dataset.encoded())) as? [String: Any])
        let accounts = try XCTUnwrap(json["accounts"] as? [String: [String: Any]])
        XCTAssertEqual(Set(accounts.keys), Set(expected.accounts.keys))
        for (accountID, account) in accounts {
            let derived = try GeneratedDataDerivation(account: account).totals()
            XCTAssertGreaterThan(derived.emails.count, 50, "the check must cover real data")
            XCTAssertEqual(derived, expected.accounts[accountID], "account \(accountID)")
        }
    }

    func testEveryPurchaseKindAndShapeIsPresent() throws {
        let (dataset, expected) = try DatasetGenerator(customers: 300, seed: 3).generate()
        let json = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(dataset.encoded())) as? [String: Any])
        let account = try XCTUnwrap((json["accounts"] as? [String: [String: Any]])?["acct_demo"])
        func objects(_ key: String) -> [[String: Any]] { account[key] as? [[String: Any]] ?? [] }
        let charges = objects("charges")
        let sessions = objects("checkout_sessions")
        let invoices = objects("invoices")
        XCTAssertEqual(Set(charges.compactMap { $0["currency"] as? String }), ["usd", "eur", "gbp", "jpy"])
        XCTAssertTrue(charges.contains { $0["status"] as? String == "failed" })
        XCTAssertTrue(charges.contains { $0["refunded"] as? Bool == true })
        XCTAssertTrue(
            charges.contains {
                ($0["amount_refunded"] as? Int ?? 0) > 0 && $0["refunded"] as? Bool == false
            })
        XCTAssertTrue(objects("disputes").contains { $0["status"] as? String == "lost" })
        XCTAssertTrue(objects("payment_intents").contains { $0["status"] as? String == "processing" })
        XCTAssertTrue(sessions.contains { $0["payment_status"] as? String == "no_payment_required" })
        XCTAssertTrue(
            sessions.contains { $0["mode"] as? String == "subscription" && $0["payment_intent"] is NSNull })
        XCTAssertTrue(sessions.contains { $0["mode"] as? String == "payment" && $0["customer"] is NSNull })
        XCTAssertTrue(invoices.contains { $0["status"] as? String == "open" })
        XCTAssertTrue(invoices.contains { $0["status"] as? String == "draft" })
        XCTAssertTrue(invoices.allSatisfy { $0["subscription"] == nil && $0["payment_intent"] == nil })
        XCTAssertTrue(charges.allSatisfy { $0["invoice"] == nil })
        XCTAssertTrue(objects("customers").contains { $0["email"] is NSNull })
        XCTAssertTrue(objects("customers").contains { ($0["email"] as? String)?.hasPrefix(" ") == true })
        XCTAssertFalse(objects("events").isEmpty)
        let totals = try XCTUnwrap(expected.accounts["acct_demo"])
        XCTAssertFalse(totals.withoutEmail.isEmpty, "some payments carry no email at all")
        XCTAssertTrue(totals.emails.keys.allSatisfy { $0 == $0.lowercased() && !$0.hasPrefix(" ") })
        let createdSeconds = charges.compactMap { $0["created"] as? Int }
        XCTAssertLessThan(Set(createdSeconds).count, createdSeconds.count, "some charges share a second")
    }

    func testEmulatorServesAGeneratedDataset() throws {
        let (dataset, _) = try DatasetGenerator(customers: 60, seed: 11).generate()
        let harness = try EmulatorHarness(dataset)
        let page = try harness.get("/v1/charges?limit=100", account: "acct_demo")
        XCTAssertEqual(page.status, 200)
        let served = try EmulatorHarness.ids(page).count
        XCTAssertEqual(served, min(100, dataset.accounts["acct_demo"]?[.charges].count ?? 0))
        let account = try harness.get("/v1/account", account: "acct_demo").json()
        XCTAssertEqual((account["business_profile"] as? [String: Any])?["name"] as? String, "Demo Shop 1")
    }
}
