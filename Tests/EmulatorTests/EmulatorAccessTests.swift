import StripeEmulatorKit
import XCTest

final class EmulatorAccessTests: XCTestCase {
    private func harness() throws -> EmulatorHarness {
        var dataset = EmulatorDataset()
        try dataset.add(
            JSONObject([("id", "ch_1"), ("object", "charge"), ("created", 10), ("amount", 4900)]),
            to: "acct_a")
        try dataset.add(
            JSONObject([("id", "cs_1"), ("object", "checkout.session"), ("created", 9)]), to: "acct_a"
        )
        try dataset.add(
            JSONObject([("id", "acct_a"), ("object", "account"), ("email", "owner@a.example")]),
            to: "acct_a")
        return try EmulatorHarness(dataset)
    }

    func testMissingOrWrongKeyIs401AndNeverEchoesTheKey() throws {
        let harness = try harness()
        let missing = try harness.get("/v1/charges", key: nil)
        XCTAssertEqual(missing.status, 401)
        XCTAssertEqual(try EmulatorHarness.errorField(missing, "type"), "invalid_request_error")
        let wrong = try harness.get("/v1/charges", key: "sk_test_wrongwrongwrong9876")
        XCTAssertEqual(wrong.status, 401)
        let message = try XCTUnwrap(try EmulatorHarness.errorField(wrong, "message"))
        XCTAssertTrue(message.contains("API Key"))
        XCTAssertFalse(message.contains("wrongwrongwrong"))
        XCTAssertNotNil(wrong.headers["request-id"])
    }

    func testUnknownAccountIs403AccountInvalid() throws {
        let harness = try harness()
        let response = try harness.get("/v1/charges", account: "acct_unknown")
        XCTAssertEqual(response.status, 403)
        XCTAssertEqual(try EmulatorHarness.errorField(response, "code"), "account_invalid")
        XCTAssertTrue(
            try XCTUnwrap(EmulatorHarness.errorField(response, "message")).contains(
                "does not have access to account"))
    }

    func testRetrieveFindsObjectsAnd404sUnknownIds() throws {
        let harness = try harness()
        let found = try harness.get("/v1/charges/ch_1")
        XCTAssertEqual(found.status, 200)
        XCTAssertEqual(try found.json()["amount"] as? Int, 4900)
        XCTAssertTrue(try XCTUnwrap(found.headers["request-id"]).hasPrefix("req_"))
        XCTAssertEqual(try harness.get("/v1/checkout/sessions/cs_1").status, 200)
        let missing = try harness.get("/v1/charges/ch_nope")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(try EmulatorHarness.errorField(missing, "code"), "resource_missing")
    }

    func testAccountEndpointsAndThePlatform() throws {
        let harness = try harness()
        XCTAssertEqual(try harness.get("/v1/account").json()["email"] as? String, "owner@a.example")
        XCTAssertEqual(
            try harness.get("/v1/accounts/acct_a", account: nil).json()["id"] as? String, "acct_a")
        let platformList = try harness.get("/v1/charges", account: nil)
        XCTAssertEqual(try EmulatorHarness.ids(platformList), [])
    }

    func testRequestLogRecordsVersionAndAccountButNoKey() throws {
        let harness = try harness()
        _ = try harness.get("/v1/charges?limit=3")
        let log = try harness.send("GET", "/_emulator/requests")
        XCTAssertFalse(log.text.contains(EmulatorHarness.secretKey))
        let entries = try XCTUnwrap(try log.json()["data"] as? [[String: Any]])
        let entry = try XCTUnwrap(entries.last)
        XCTAssertEqual(entry["path"] as? String, "/v1/charges")
        XCTAssertEqual(entry["stripe_version"] as? String, "2026-07-29.dahlia")
        XCTAssertEqual(entry["stripe_account"] as? String, "acct_a")
        XCTAssertEqual(try harness.send("DELETE", "/_emulator/requests").status, 200)
        XCTAssertEqual((try harness.send("GET", "/_emulator/requests").json()["data"] as? [Any])?.count, 0)
    }
}
