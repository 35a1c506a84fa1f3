import BridgeLog
import Foundation
import StripeClient
import StripeEmulatorKit
import TestSupport
import XCTest

/// S05: the client's retry rules against the emulator's fault knobs.
final class StripeRetryScenarioTests: XCTestCase {
    func testRetryAfterLockTimeoutAndBadRequest() throws {
        let dataset = try EmulatorDataset(
            json: SyncTestKit.dataset(
                customers: [SyncTestKit.customer("cus_1", email: "one@example.com", created: 1_700_000_000)],
                paymentIntents: [],
                charges: [
                    SyncTestKit.payment(
                        "1", amount: 100, customer: "cus_1",
                        created: 1_700_000_000
                    ).charge
                ]
            ))
        let emulator = try StripeEmulator(dataset: dataset, secretKey: "sk_test_s05", connectClientID: "ca_s05")
        defer { emulator.stop() }
        var settings = StripeClientSettings(
            apiBase: emulator.baseURL, connectBase: emulator.baseURL, apiVersion: "2026-07-29.dahlia",
            secretKey: "sk_test_s05"
        )
        settings.backoffBaseSeconds = 0.05
        settings.requestsPerSecond = 5
        settings.accountRequestsPerSecond = 5
        let client = StripeClient(settings: settings, logger: Logger(label: "s05", level: .error))
        let control = EmulatorControl(baseURL: emulator.baseURL)
        let account = SyncTestKit.account

        // 429 with Retry-After: 2, then 200: the client waits at least 2 s and succeeds.
        try control.addFault(#"{"path_prefix":"/v1/charges","status":429,"count":1,"retry_after":2,"method":"GET"}"#)
        let started = Date()
        var charges = 0
        try client.list("/v1/charges", account: account) { charges += $0.heads.count }
        XCTAssertEqual(charges, 1)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 2)

        // 429 lock_timeout (no limiter header) once: retried with backoff.
        try control.addFault(
            #"{"path_prefix":"/v1/customers/cus_1","status":429,"count":1,"error_code":"lock_timeout"}"#)
        XCTAssertEqual(try client.get("/v1/customers/cus_1", account: account).status, 200)

        // 400 invalid_request_error: not retried, reported.
        try control.clearRequests()
        try control.addFault(#"{"path_prefix":"/v1/invoices","status":400,"count":-1}"#)
        XCTAssertThrowsError(try client.get("/v1/invoices", account: account)) { error in
            XCTAssertEqual((error as? StripeError)?.kind, .invalidRequest, "\(error)")
        }
        let invoiceCalls = try control.requests().filter { ($0["path"] as? String) == "/v1/invoices" }
        XCTAssertEqual(invoiceCalls.count, 1, "a 400 is never retried")

        // The request rate never exceeds the configured budget (5/s, after the bucket's burst).
        try control.clearFaults()
        try control.clearRequests()
        let burstStarted = Date()
        for _ in 0..<15 { _ = try client.get("/v1/customers/cus_1", account: account) }
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(burstStarted), 1.8, "15 calls at 5/s take ≥ 2 s")
    }
}
