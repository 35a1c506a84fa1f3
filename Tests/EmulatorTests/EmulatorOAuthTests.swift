import StripeEmulatorKit
import TestSupport
import XCTest

final class EmulatorOAuthTests: XCTestCase {
    private let platformAuth = [("Authorization", "Bearer \(EmulatorHarness.secretKey)")]
    private let form = [("Content-Type", "application/x-www-form-urlencoded")]

    private func harness() throws -> EmulatorHarness {
        var dataset = EmulatorDataset()
        dataset.setAccount("acct_a", .empty(id: "acct_a"))
        dataset.setAccount("acct_b", .empty(id: "acct_b"))
        dataset.defaultOAuthAccount = "acct_b"
        return try EmulatorHarness(dataset)
    }

    private func authorizeQuery(_ extra: String = "") -> String {
        "/oauth/authorize?response_type=code&client_id=\(EmulatorHarness.clientID)&scope=read_write"
            + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcallback&state=st%20ate" + extra
    }

    /// The query items of a redirect's Location.
    private func redirectQuery(_ response: RawHTTPConnection.Response) throws -> [String: String] {
        XCTAssertEqual(response.status, 302)
        let location = try XCTUnwrap(response.headers["location"])
        XCTAssertTrue(location.hasPrefix("http://127.0.0.1:9/callback?"))
        let items = try XCTUnwrap(URLComponents(string: location)?.queryItems)
        return Dictionary(uniqueKeysWithValues: items.map { ($0.name, $0.value ?? "") })
    }

    func testAuthorizeRedirectsWithCodeAndTheCodeWorksOnce() throws {
        let harness = try harness()
        let query = try redirectQuery(try harness.send("GET", authorizeQuery()))
        XCTAssertEqual(query["scope"], "read_write")
        XCTAssertEqual(query["state"], "st ate")
        let code = try XCTUnwrap(query["code"])
        XCTAssertTrue(code.hasPrefix("ac_"))
        let body = "grant_type=authorization_code&code=\(code)"
        let token = try harness.send("POST", "/oauth/token", headers: platformAuth + form, body: body)
        XCTAssertEqual(token.status, 200)
        let json = try token.json()
        XCTAssertEqual(json["stripe_user_id"] as? String, "acct_b")
        XCTAssertEqual(json["token_type"] as? String, "bearer")
        XCTAssertEqual(json["livemode"] as? Bool, false)
        XCTAssertTrue((json["access_token"] as? String)?.hasPrefix("sk_test_") == true)
        XCTAssertTrue((json["refresh_token"] as? String)?.hasPrefix("rt_") == true)
        XCTAssertTrue((json["stripe_publishable_key"] as? String)?.hasPrefix("pk_test_") == true)
        let again = try harness.send("POST", "/oauth/token", headers: platformAuth + form, body: body)
        XCTAssertEqual(again.status, 400)
        XCTAssertEqual(try again.json()["error"] as? String, "invalid_grant")
        let access = try XCTUnwrap(json["access_token"] as? String)
        XCTAssertEqual(try harness.get("/v1/customers", account: nil, key: access).status, 200)
    }

    func testEmulatorAccountAndDenyKnobs() throws {
        let harness = try harness()
        let chosen = try redirectQuery(try harness.send("GET", authorizeQuery("&emulator_account=acct_a")))
        let token = try harness.send(
            "POST", "/oauth/token", headers: platformAuth + form,
            body: "grant_type=authorization_code&code=\(try XCTUnwrap(chosen["code"]))"
        )
        XCTAssertEqual(try token.json()["stripe_user_id"] as? String, "acct_a")
        let denied = try redirectQuery(try harness.send("GET", authorizeQuery("&emulator_deny=1")))
        XCTAssertEqual(denied["error"], "access_denied")
        XCTAssertEqual(denied["error_description"], "The user denied your request")
        XCTAssertEqual(denied["state"], "st ate")
        XCTAssertNil(denied["code"])
    }

    func testBadClientMissingCodeAndWrongKey() throws {
        let harness = try harness()
        let badClient = try harness.send(
            "GET", authorizeQuery().replacingOccurrences(of: "ca_harness", with: "ca_other"))
        XCTAssertEqual(badClient.status, 400)
        XCTAssertEqual(try badClient.json()["error"] as? String, "invalid_client")
        let noCode = try harness.send(
            "POST", "/oauth/token", headers: platformAuth + form, body: "grant_type=authorization_code")
        XCTAssertEqual(noCode.status, 400)
        XCTAssertEqual(try noCode.json()["error"] as? String, "invalid_request")
        let wrongKey = try harness.send(
            "POST", "/oauth/token", headers: [("Authorization", "Bearer sk_test_nope")] + form,
            body: "grant_type=authorization_code&code=ac_x"
        )
        XCTAssertEqual(wrongKey.status, 401)
    }

    func testDeauthorizeCutsAccessUntilReconnected() throws {
        let harness = try harness()
        let body = "client_id=\(EmulatorHarness.clientID)&stripe_user_id=acct_a"
        let response = try harness.send(
            "POST", "/oauth/deauthorize", headers: platformAuth + form, body: body)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try response.json()["stripe_user_id"] as? String, "acct_a")
        XCTAssertEqual(try harness.get("/v1/customers", account: "acct_a").status, 403)
        _ = try redirectQuery(try harness.send("GET", authorizeQuery("&emulator_account=acct_a")))
        XCTAssertEqual(try harness.get("/v1/customers", account: "acct_a").status, 200)
    }
}
