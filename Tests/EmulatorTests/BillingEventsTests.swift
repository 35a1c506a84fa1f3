import Foundation
import StripeWebhooks
import TestSupport
import XCTest

@testable import StripeEmulatorKit

/// The emulator plays a tenant's subscription lifecycle as signed, Stripe-shaped events.
final class BillingEventsTests: XCTestCase {
    static let secret = "whsec_billing_events_test"
    static let start: Int64 = 1_767_225_600

    private func play(_ harness: EmulatorHarness, _ body: String) throws -> RawHTTPConnection.Response {
        try harness.send("POST", "/_emulator/billing/subscriptions", body: body)
    }

    private func events(_ response: RawHTTPConnection.Response) throws -> [[String: Any]] {
        XCTAssertEqual(response.status, 200, response.text)
        return try XCTUnwrap(try response.json()["data"] as? [[String: Any]])
    }

    /// Each body verified with the platform's own verifier, then decoded.
    private func verifiedBodies(_ events: [[String: Any]], secrets: [String]) throws -> [[String: Any]] {
        let now = Int64(Date().timeIntervalSince1970)
        return try events.map { entry in
            let payload = Array(try XCTUnwrap(entry["payload"] as? String).utf8)
            let header = entry["stripe_signature"] as? String
            XCTAssertNoThrow(
                try WebhookSignature.verify(payload: payload, header: header, secrets: secrets, now: now))
            let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any])
            XCTAssertEqual(body["id"] as? String, entry["id"] as? String)
            return body
        }
    }

    func testCardOnboardingAndChangesComeInStripeOrderSignedAndServed() throws {
        let harness = try EmulatorHarness(EmulatorDataset())
        let response = try play(
            harness,
            """
            {"tenant_id": "T1", "price": "price_pro", "quantity": 3, "start": \(Self.start),
             "webhook_secret": "\(Self.secret)", "changes": [{"quantity": 5}, {"renew": true},
             {"price": "price_team"}, {"renew": "failed"}, {"cancel": true}]}
            """)
        let bodies = try verifiedBodies(try events(response), secrets: [Self.secret])
        XCTAssertEqual(
            bodies.map { $0["type"] as? String },
            [
                "customer.created", "customer.subscription.created", "invoice.finalized",
                "invoice.paid", "customer.subscription.updated", "checkout.session.completed",
                "customer.subscription.updated",
                "customer.subscription.updated", "invoice.finalized", "invoice.paid",
                "customer.subscription.updated",
                "customer.subscription.updated", "invoice.finalized", "invoice.payment_failed",
                "customer.subscription.updated",
                "customer.subscription.deleted",
            ])
        let created = bodies.compactMap { $0["created"] as? Int64 }
        XCTAssertEqual(created.first, Self.start)
        XCTAssertEqual(created, created.sorted(), "events come in time order")
        XCTAssertEqual(Set(bodies.compactMap { $0["id"] as? String }).count, bodies.count)
        for body in bodies {
            XCTAssertEqual(body["object"] as? String, "event")
            XCTAssertEqual(body["api_version"] as? String, "2026-07-29.dahlia")
            XCTAssertNil(body["account"], "the platform's own events carry no connected account")
        }
        let updated = try XCTUnwrap(bodies[6]["data"] as? [String: Any])
        XCTAssertNotNil((updated["previous_attributes"] as? [String: Any])?["items"])

        let final = try XCTUnwrap(try response.json()["subscription"] as? [String: Any])
        let id = try XCTUnwrap(final["id"] as? String)
        let served = try harness.get("/v1/subscriptions/\(id)", account: nil).json()
        XCTAssertEqual(served["status"] as? String, "canceled")
        let items = (served["items"] as? [String: Any])?["data"] as? [[String: Any]]
        let item = try XCTUnwrap(items?.first)
        XCTAssertEqual(item["quantity"] as? Int, 5)
        XCTAssertEqual((item["price"] as? [String: Any])?["id"] as? String, "price_team")
        XCTAssertEqual((served["metadata"] as? [String: Any])?["tenant_id"] as? String, "T1")

        let paid = try XCTUnwrap(bodies[3]["data"] as? [String: Any])["object"] as? [String: Any]
        let invoiceID = try XCTUnwrap(paid?["id"] as? String)
        let invoice = try harness.get("/v1/invoices/\(invoiceID)", account: nil).json()
        XCTAssertEqual(invoice["status"] as? String, "paid")
        XCTAssertEqual(invoice["amount_paid"] as? Int, 3000, "3 seats at 1000")
        let events = try harness.get("/v1/events?type=invoice.paid", account: nil)
        XCTAssertEqual(try EmulatorHarness.ids(events).count, 2)
    }

    func testDelayedPaymentSucceedsLaterAndCompletesACreatedSession() throws {
        let harness = try EmulatorHarness(EmulatorDataset())
        let form =
            "mode=subscription&line_items[0][price]=price_pro&line_items[0][quantity]=4"
            + "&client_reference_id=T9&success_url=https://platform.example/ok"
        let created = try harness.send(
            "POST", "/v1/checkout/sessions",
            headers: [
                ("Authorization", "Bearer \(EmulatorHarness.secretKey)"),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            body: form)
        let sessionID = try XCTUnwrap(try created.json()["id"] as? String, created.text)
        let response = try play(
            harness,
            #"{"checkout_session": "\#(sessionID)", "payment": "delayed", "#
                + #""webhook_secret": "\#(Self.secret)"}"#)
        let bodies = try verifiedBodies(try events(response), secrets: [Self.secret])
        let checkout = bodies.filter { ($0["type"] as? String)?.hasPrefix("checkout.session.") == true }
        XCTAssertEqual(
            checkout.map { $0["type"] as? String },
            ["checkout.session.completed", "checkout.session.async_payment_succeeded"])
        let sessions = checkout.compactMap { ($0["data"] as? [String: Any])?["object"] as? [String: Any] }
        XCTAssertEqual(sessions.map { $0["id"] as? String }, [sessionID, sessionID])
        XCTAssertEqual(sessions.map { $0["payment_status"] as? String }, ["unpaid", "paid"])
        XCTAssertEqual(sessions.first?["client_reference_id"] as? String, "T9")
        XCTAssertNil(sessions.first?["_price"], "emulator bookkeeping stays out of events")
        let final = try XCTUnwrap(try response.json()["subscription"] as? [String: Any])
        XCTAssertEqual(final["status"] as? String, "active")
        let items = (final["items"] as? [String: Any])?["data"] as? [[String: Any]]
        let item = try XCTUnwrap(items?.first)
        XCTAssertEqual(item["quantity"] as? Int, 4, "the session's seat count")
    }

    func testDeliversEachSignedEventToALoopbackEndpointInOrder() throws {
        let harness = try EmulatorHarness(EmulatorDataset())
        let receiver = try BillingEventsReceiver(expected: 6)
        let response = try play(
            harness,
            """
            {"tenant_id": "T2", "price": "price_pro", "webhook_secret": "\(Self.secret)",
             "deliver_to": "http://127.0.0.1:\(receiver.port)/webhooks/stripe"}
            """)
        let entries = try events(response)
        XCTAssertTrue(receiver.waitUntilDone())
        XCTAssertEqual(entries.map { $0["delivery"] as? String }, Array(repeating: "200", count: 6))
        let delivered = receiver.deliveries
        XCTAssertEqual(
            delivered.map { String(decoding: $0.body, as: UTF8.self) },
            entries.map { $0["payload"] as? String ?? "" })
        XCTAssertEqual(
            delivered.map(\.signature), entries.map { $0["stripe_signature"] as? String ?? "" })
    }

    func testRefusesScriptsItCannotPlayWithAReason() throws {
        let harness = try EmulatorHarness(EmulatorDataset())
        let signed = #""webhook_secret": "whsec_x""#
        let cases: [(String, String)] = [
            (#"{"price": "price_pro", \#(signed)}"#, "tenant_id"),
            (#"{"tenant_id": "T", "price": "p", "quantity": 0, \#(signed)}"#, "quantity"),
            (
                #"{"tenant_id": "T", "price": "p", "changes": [{"cancel": true}, {"quantity": 2}], "#
                    + signed + "}", "cancel must be last"
            ),
            (
                #"{"tenant_id": "T", "price": "p", "payment": "delayed_failed", "#
                    + #""changes": [{"renew": true}], \#(signed)}"#, "paid onboarding"
            ),
            (
                #"{"tenant_id": "T", "price": "p", "deliver_to": "http://10.0.0.1/x", \#(signed)}"#,
                "loopback"
            ),
            (#"{"checkout_session": "cs_test_missing", \#(signed)}"#, "POST /v1/checkout/sessions"),
        ]
        for (body, reason) in cases {
            let response = try play(harness, body)
            XCTAssertEqual(response.status, 400, body)
            let message = try EmulatorHarness.errorField(response, "message") ?? ""
            XCTAssertTrue(message.contains(reason), "\(body) → \(response.text)")
        }
        if ProcessInfo.processInfo.environment["STRIPE_WEBHOOK_SECRETS"] == nil {
            let unsigned = try play(harness, #"{"tenant_id": "T", "price": "p"}"#)
            let message = try EmulatorHarness.errorField(unsigned, "message") ?? ""
            XCTAssertTrue(message.contains("STRIPE_WEBHOOK_SECRETS"), unsigned.text)
        }
    }

    func testSignerAddsOneV1PerSecretWhileRolling() throws {
        let signer = try XCTUnwrap(WebhookSigner(secrets: ["whsec_old", "", "whsec_new"]))
        let payload = Array(#"{"id":"evt_1"}"#.utf8)
        let header = signer.header(payload: payload, timestamp: Self.start)
        XCTAssertEqual(header.split(separator: ",").filter { $0.hasPrefix("v1=") }.count, 2)
        for secret in ["whsec_old", "whsec_new"] {
            XCTAssertEqual(
                try WebhookSignature.verify(
                    payload: payload, header: header, secrets: [secret], now: Self.start),
                Self.start)
        }
        XCTAssertNil(WebhookSigner(secrets: [""]))
        let environment = ["STRIPE_WEBHOOK_SECRETS": "whsec_a, whsec_b"]
        XCTAssertEqual(WebhookSigner.fromEnvironment(environment)?.secrets, ["whsec_a", "whsec_b"])
    }
}
