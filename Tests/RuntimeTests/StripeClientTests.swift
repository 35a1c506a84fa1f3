import BridgeLog
import Foundation
import HTTPServe
import StripeClient
import XCTest

final class StripeClientTests: XCTestCase {
    func testSendsAuthenticationVersionAccountAndEncodedQuery() throws {
        let server = try StripeClientTestServer { _, _ in
            HTTPResponse(
                status: 200, headers: [("Request-Id", "req_abc"), ("X-Custom", "v")], body: Array("{}".utf8)
            )
        }
        let query = [("created[gte]", "1700000000"), ("email", "a+b c@example.com"), ("q", "x&y=z/é")]
        let response = try server.client().get("/v1/charges", query: query, account: "acct_123")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.requestID, "req_abc")
        XCTAssertEqual(response.headers["x-custom"], "v")

        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.path, "/v1/charges")
        XCTAssertEqual(request.header("authorization"), "Bearer sk_test_infra_secret_4242")
        XCTAssertEqual(request.header("stripe-version"), "2026-07-29.dahlia")
        XCTAssertEqual(request.header("stripe-account"), "acct_123")
        XCTAssertNil(request.header("idempotency-key"))
        XCTAssertEqual(request.query.map(\.0), query.map(\.0))
        XCTAssertEqual(request.query.map(\.1), query.map(\.1))
    }

    func testPostSendsEncodedFormAndIdempotencyKey() throws {
        let server = try StripeClientTestServer { _, _ in .json(200, "{\"id\":\"cus_1\"}") }
        let client = server.client()
        let form = [("name", "Ann & Bob = 100% ✓"), ("metadata[plan]", "a+b")]
        _ = try client.post("/v1/customers", form: form, idempotencyKey: "key-1")
        _ = try client.post("/v1/customers", form: form)
        let requests = server.requests
        XCTAssertEqual(requests.count, 2)
        XCTAssertEqual(requests[0].method, "POST")
        XCTAssertEqual(requests[0].formValues().map(\.0), form.map(\.0))
        XCTAssertEqual(requests[0].formValues().map(\.1), form.map(\.1))
        XCTAssertEqual(requests[0].header("idempotency-key"), "key-1")
        XCTAssertEqual(requests[0].header("content-type"), "application/x-www-form-urlencoded")
        let generated = try XCTUnwrap(requests[1].header("idempotency-key"))
        XCTAssertFalse(generated.isEmpty)
        XCTAssertNil(requests[1].header("stripe-account"))
    }

    /// Five objects, newest first; the JSON keeps odd spacing so raw slices can be checked.
    private static let objects = (1...5).reversed().map { n in
        "{ \"id\":\"ob_\(n)\" ,\"object\": \"customer\", "
            + "\"nested\": {\"list\": [1, {\"s\": \"]}\\\" tricky\"}]},  \"n\": \(n) }"
    }

    private static func listServer() throws -> StripeClientTestServer {
        try StripeClientTestServer { request, _ in
            let limit = Int(request.queryValue("limit") ?? "") ?? 10
            var start = 0
            if let after = request.queryValue("starting_after"),
                let index = objects.firstIndex(where: { $0.contains("\"ob_\(after.dropFirst(3))\"") })
            {
                start = index + 1
            }
            let slice = objects[start..<min(start + limit, objects.count)]
            let hasMore = start + limit < objects.count
            return .json(
                200,
                "{\"object\": \"list\", \"data\": [ \(slice.joined(separator: " , ")) ], "
                    + "\"has_more\": \(hasMore), \"url\": \"/v1/customers\"}")
        }
    }

    func testListWalksEveryPageAndKeepsRawObjects() throws {
        let server = try Self.listServer()
        var pages: [[String]] = []
        var raw: [String] = []
        try server.client().list(
            "/v1/customers", query: [("created[gte]", "1")], account: "acct_9", pageSize: 2
        ) { page in
            pages.append(page.heads.map(\.id))
            raw += page.rawObjects.map { String(decoding: $0, as: UTF8.self) }
        }
        XCTAssertEqual(pages, [["ob_5", "ob_4"], ["ob_3", "ob_2"], ["ob_1"]])
        XCTAssertEqual(raw, Self.objects)
        let requests = server.requests
        XCTAssertEqual(requests.map { $0.queryValue("starting_after") }, [nil, "ob_4", "ob_2"])
        XCTAssertTrue(
            requests.allSatisfy { $0.queryValue("limit") == "2" && $0.queryValue("created[gte]") == "1" })
        XCTAssertTrue(requests.allSatisfy { $0.header("stripe-account") == "acct_9" })
    }

    func testPrefetchingWalkDeliversTheSamePagesInOrderAndStopsWhenTheConsumerThrows() throws {
        let server = try Self.listServer()
        var pages: [[String]] = []
        try server.client().list("/v1/customers", pageSize: 2, prefetch: true) { page in
            pages.append(page.heads.map(\.id))
        }
        XCTAssertEqual(pages, [["ob_5", "ob_4"], ["ob_3", "ob_2"], ["ob_1"]])

        struct Stop: Error {}
        var seen = 0
        XCTAssertThrowsError(
            try server.client().list("/v1/customers", pageSize: 2, prefetch: true) { _ in
                seen += 1
                throw Stop()
            }
        ) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(seen, 1, "no page is handed over after the consumer failed")
    }

    func testListResumesAfterCursor() throws {
        let server = try Self.listServer()
        var ids: [String] = []
        try server.client().list("/v1/customers", startingAfter: "ob_3") { page in
            ids += page.heads.map(\.id)
        }
        XCTAssertEqual(ids, ["ob_2", "ob_1"])
        XCTAssertEqual(server.requests.first?.queryValue("limit"), "100")
    }

    func testStripeErrorBodyIsSurfacedAndStatusesMapped() throws {
        let server = try StripeClientTestServer { request, _ in
            let status = Int(request.path.split(separator: "/").last ?? "") ?? 500
            var response = HTTPResponse.json(
                status,
                """
                {"error": {"type": "invalid_request_error", "code": "resource_missing",
                 "message": "No such customer: 'cus_x'"}}
                """)
            response.headers.append(("Request-Id", "req_\(status)"))
            return response
        }
        let client = server.client(maxRetries: 0)
        let expected: [(Int, StripeError.Kind)] = [
            (400, .invalidRequest), (401, .authentication), (403, .permission), (404, .notFound),
            (409, .idempotency), (429, .rateLimited), (500, .server),
        ]
        for (status, kind) in expected {
            XCTAssertThrowsError(
                try client.get("/v1/status/\(status)", query: [("email", "x@example.com")])
            ) { error in
                guard let stripeError = error as? StripeError else { return XCTFail("unexpected \(error)") }
                XCTAssertEqual(stripeError.kind, kind, "status \(status)")
                XCTAssertEqual(stripeError.status, status)
                XCTAssertEqual(stripeError.type, "invalid_request_error")
                XCTAssertEqual(stripeError.code, "resource_missing")
                XCTAssertEqual(stripeError.message, "No such customer: 'cus_x'")
                XCTAssertEqual(stripeError.requestID, "req_\(status)")
                XCTAssertEqual(stripeError.path, "/v1/status/\(status)")
                XCTAssertFalse(stripeError.description.contains("x@example.com"))
                XCTAssertFalse(stripeError.description.contains("sk_test"))
            }
        }
    }

    func testOAuthExchangeAndErrorMapping() throws {
        let server = try StripeClientTestServer { request, _ in
            let code = request.formValues().first { $0.0 == "code" }?.1
            if code == "ac_good" {
                return .json(
                    200,
                    """
                    {"access_token": "sk_test_access_tok_zzz", "refresh_token": "rt_zzz",
                     "token_type": "bearer",
                     "stripe_user_id": "acct_777", "scope": "read_write", "livemode": false}
                    """)
            }
            return .json(
                400, "{\"error\": \"invalid_grant\", \"error_description\": \"Authorization code expired\"}"
            )
        }
        let client = server.client()
        let token = try client.exchangeOAuthCode("ac_good")
        XCTAssertEqual(token, OAuthToken(stripeUserID: "acct_777", scope: "read_write", livemode: false))
        XCTAssertFalse("\(token)".contains("access_tok"))
        let first = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(first.path, "/oauth/token")
        XCTAssertEqual(first.header("authorization"), "Bearer sk_test_infra_secret_4242")
        XCTAssertEqual(first.formValues().first { $0.0 == "grant_type" }?.1, "authorization_code")

        XCTAssertThrowsError(try client.exchangeOAuthCode("ac_used")) { error in
            let oauth = error as? StripeError
            XCTAssertEqual(oauth?.kind, .oauth)
            XCTAssertEqual(oauth?.code, "invalid_grant")
            XCTAssertEqual(oauth?.message, "Authorization code expired")
        }
        XCTAssertEqual(server.requests.count, 2, "a 400 OAuth error is not retried")
    }

    func testDeauthorizeAndRetrieveAccount() throws {
        let server = try StripeClientTestServer { request, _ in
            request.path == "/oauth/deauthorize"
                ? .json(200, "{\"stripe_user_id\": \"acct_1\"}")
                : .json(200, "{\"id\": \"acct_1\", \"business_profile\": {\"name\": \"Shop\"}}")
        }
        let client = server.client()
        try client.deauthorize(clientID: "ca_1", account: "acct_1")
        let account = try client.retrieveAccount("acct_1")
        XCTAssertEqual((account["business_profile"] as? [String: Any])?["name"] as? String, "Shop")
        let requests = server.requests
        XCTAssertEqual(requests[0].formValues().map(\.1), ["ca_1", "acct_1"])
        XCTAssertEqual(requests[1].path, "/v1/accounts/acct_1")
    }

    func testDebugLogsCarryRequestIDButNeverTheKey() throws {
        let lines = LockedLines()
        let logger = Logger(label: "stripe", level: .trace, sink: LogSink { lines.append($0) })
        let server = try StripeClientTestServer { _, n in
            HTTPResponse(
                status: n == 0 ? 500 : 200, headers: [("Request-Id", "req_log_\(n)")],
                body: Array("{}".utf8))
        }
        _ = try server.client(logger: logger).get("/v1/balance", account: "acct_5")
        let text = lines.all.joined()
        XCTAssertTrue(text.contains("req_log_0") && text.contains("req_log_1"), text)
        XCTAssertTrue(text.contains("\"stripe.attempt\":\"2\""), text)
        XCTAssertFalse(text.contains("sk_test_infra_secret_4242"), text)
    }
}

/// Log lines collected from any thread.
// @unchecked Sendable: `lines` is only touched while holding `lock`.
private final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
