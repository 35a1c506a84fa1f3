import StripeEmulatorKit
import XCTest

final class EmulatorControlTests: XCTestCase {
    private func harness() throws -> EmulatorHarness {
        var dataset = EmulatorDataset()
        for (id, created) in [("in_1", 10), ("in_2", 20), ("in_3", 30)] {
            try dataset.add(
                JSONObject([
                    ("id", .string(id)), ("object", "invoice"), ("created", .int(created)),
                    ("status", "open"),
                ]),
                to: "acct_a"
            )
        }
        return try EmulatorHarness(dataset)
    }

    func testRateLimitFaultWithRetryAfterThenSuccess() throws {
        let harness = try harness()
        let fault = """
            {"path_prefix":"/v1/invoices","status":429,"count":2,"retry_after":1,"should_retry":true,
             "delay_ms":0,"error_code":"lock_timeout","method":"GET"}
            """
        XCTAssertEqual(try harness.send("POST", "/_emulator/faults", body: fault).status, 200)
        XCTAssertEqual(try harness.get("/v1/customers").status, 200, "other paths are untouched")
        for _ in 0..<2 {
            let limited = try harness.get("/v1/invoices")
            XCTAssertEqual(limited.status, 429)
            XCTAssertEqual(limited.headers["retry-after"], "1")
            XCTAssertEqual(limited.headers["stripe-should-retry"], "true")
            XCTAssertEqual(try EmulatorHarness.errorField(limited, "code"), "lock_timeout")
            XCTAssertNotNil(limited.headers["request-id"])
        }
        XCTAssertEqual(try harness.get("/v1/invoices").status, 200)
    }

    func testForeverFaultUntilCleared() throws {
        let harness = try harness()
        let fault = #"{"path_prefix":"/v1/","status":500,"count":-1}"#
        XCTAssertEqual(try harness.send("POST", "/_emulator/faults", body: fault).status, 200)
        for _ in 0..<3 { XCTAssertEqual(try harness.get("/v1/invoices").status, 500) }
        XCTAssertEqual(try harness.send("DELETE", "/_emulator/faults").status, 200)
        XCTAssertEqual(try harness.get("/v1/invoices").status, 200)
    }

    func testPutObjectReplacesInPlaceOrMovesWhenCreatedChanges() throws {
        let harness = try harness()
        let paid =
            #"{"id":"in_1","object":"invoice","created":10,"status":"paid","#
            + #""_event_type":"invoice.paid","_event_created":50}"#
        let stored = try harness.send("POST", "/_emulator/objects?account=acct_a", body: paid)
        XCTAssertEqual(stored.status, 200)
        XCTAssertNil(try stored.json()["_event_type"])
        XCTAssertEqual(try EmulatorHarness.ids(try harness.get("/v1/invoices")), ["in_3", "in_2", "in_1"])
        XCTAssertEqual(try harness.get("/v1/invoices/in_1").json()["status"] as? String, "paid")
        let events = try harness.get("/v1/events?type=invoice.paid")
        let event = try XCTUnwrap((try events.json()["data"] as? [[String: Any]])?.first)
        XCTAssertEqual(event["id"] as? String, stored.headers["emulator-event-id"])
        XCTAssertEqual(event["created"] as? Int, 50)
        XCTAssertEqual(
            ((event["data"] as? [String: Any])?["object"] as? [String: Any])?["status"] as? String, "paid")
        let moved = #"{"id":"in_1","object":"invoice","created":40,"status":"paid"}"#
        XCTAssertEqual(
            try harness.send("POST", "/_emulator/objects?account=acct_a", body: moved).status, 200)
        XCTAssertEqual(try EmulatorHarness.ids(try harness.get("/v1/invoices")), ["in_1", "in_3", "in_2"])
        let bad = try harness.send(
            "POST", "/_emulator/objects?account=acct_a", body: #"{"object":"invoice"}"#)
        XCTAssertEqual(bad.status, 400)
    }
}
