import Foundation
import HTTPServe
import StripeClient
import XCTest

final class StripeClientRetryTests: XCTestCase {
    private func kind(_ body: () throws -> Void) -> StripeError.Kind? {
        do {
            try body()
            return nil
        } catch {
            return (error as? StripeError)?.kind
        }
    }

    func testRetryAfterIsHonoured() throws {
        let server = try StripeClientTestServer { _, n in
            n == 0
                ? HTTPResponse(status: 429, headers: [("Retry-After", "1")], body: Array("{}".utf8))
                : .json(200, "{\"ok\": true}")
        }
        let started = Date()
        let response = try server.client().get("/v1/charges")
        XCTAssertEqual(response.status, 200)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.95)
        XCTAssertEqual(server.requests.count, 2)
    }

    func testShouldRetryFalseIsNotRetried() throws {
        let server = try StripeClientTestServer { _, _ in
            HTTPResponse(status: 500, headers: [("Stripe-Should-Retry", "false")], body: Array("{}".utf8))
        }
        XCTAssertEqual(kind { _ = try server.client(maxRetries: 3).get("/v1/charges") }, .server)
        XCTAssertEqual(server.requests.count, 1)
    }

    func testShouldRetryTrueRetriesEvenA400() throws {
        let server = try StripeClientTestServer { _, n in
            n == 0
                ? HTTPResponse(
                    status: 400, headers: [("Stripe-Should-Retry", "true")], body: Array("{}".utf8))
                : .json(200, "{}")
        }
        XCTAssertEqual(try server.client().get("/v1/charges").status, 200)
        XCTAssertEqual(server.requests.count, 2)
    }

    func testBadRequestIsNotRetriedAndMessageSurfaced() throws {
        let server = try StripeClientTestServer { _, _ in
            .json(
                400,
                "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Invalid limit: 500\"}}")
        }
        XCTAssertThrowsError(try server.client(maxRetries: 3).get("/v1/charges")) { error in
            XCTAssertEqual((error as? StripeError)?.kind, .invalidRequest)
            XCTAssertTrue("\(error)".contains("Invalid limit: 500"), "\(error)")
        }
        XCTAssertEqual(server.requests.count, 1)
    }

    func testRetryBudgetExhaustedReportsRateLimited() throws {
        let server = try StripeClientTestServer { _, _ in
            .json(
                429,
                "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"rate_limit\", "
                    + "\"message\": \"Too many\"}}"
            )
        }
        XCTAssertEqual(
            kind { _ = try server.client(maxRetries: 2).post("/v1/refunds", form: [("a", "1")]) },
            .rateLimited)
        let requests = server.requests
        XCTAssertEqual(requests.count, 3)
        XCTAssertEqual(
            Set(requests.compactMap { $0.header("idempotency-key") }).count, 1, "retries reuse one key")
    }

    func testServerErrorsRetriedThenSucceed() throws {
        let server = try StripeClientTestServer { _, n in n < 2 ? .json(503, "{}") : .json(200, "{}") }
        XCTAssertEqual(try server.client(maxRetries: 2).get("/v1/charges").status, 200)
        XCTAssertEqual(server.requests.count, 3)
    }

    func testNetworkFailureIsRetriedThenReported() throws {
        let server = try StripeClientTestServer { _, _ in .json(200, "{}") }
        let client = server.client(maxRetries: 1)
        server.stop()
        XCTAssertThrowsError(try client.get("/v1/charges")) { error in
            XCTAssertEqual((error as? StripeError)?.kind, .network)
            XCTAssertTrue("\(error)".contains("after 2 attempt(s)"), "\(error)")
        }
    }

    func testPerAccountBudgetThrottles() throws {
        let server = try StripeClientTestServer { _, _ in .json(200, "{}") }
        let client = server.client { $0.accountRequestsPerSecond = 4 }
        let started = Date()
        for _ in 0..<6 { _ = try client.get("/v1/balance", account: "acct_slow") }
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.4, "4 burst, then 2 more at 4/s")
        let other = Date()
        for _ in 0..<3 { _ = try client.get("/v1/balance", account: "acct_other") }
        XCTAssertLessThan(Date().timeIntervalSince(other), 0.4, "another account has its own bucket")
    }
}
