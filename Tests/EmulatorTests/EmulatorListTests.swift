import StripeEmulatorKit
import XCTest

final class EmulatorListTests: XCTestCase {
    /// 25 customers; created = 1000 + (n / 3), so three customers share each second, and in
    /// each second the later-inserted one lists first.
    private static func customerDataset() throws -> (EmulatorDataset, expectedOrder: [String]) {
        var dataset = EmulatorDataset()
        var all: [(id: String, created: Int64, insertion: Int)] = []
        for number in 0..<25 {
            let id = "cus_\(number)"
            let created = 1000 + Int64(number / 3)
            try dataset.add(
                JSONObject([("id", .string(id)), ("object", "customer"), ("created", .int(created))]),
                to: "acct_a"
            )
            all.append((id, created, number))
        }
        let order = all.sorted { ($0.created, $0.insertion) > ($1.created, $1.insertion) }.map(\.id)
        return (dataset, order)
    }

    func testNewestFirstWithDefaultLimitAndHasMore() throws {
        let (dataset, order) = try Self.customerDataset()
        let harness = try EmulatorHarness(dataset)
        let response = try harness.get("/v1/customers")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try EmulatorHarness.ids(response), Array(order.prefix(10)))
        let json = try response.json()
        XCTAssertEqual(json["object"] as? String, "list")
        XCTAssertEqual(json["has_more"] as? Bool, true)
        XCTAssertEqual(json["url"] as? String, "/v1/customers")
        let all = try harness.get("/v1/customers?limit=100")
        XCTAssertEqual(try EmulatorHarness.ids(all), order)
        XCTAssertEqual(try all.json()["has_more"] as? Bool, false)
    }

    func testStartingAfterWalkEqualsTheFullSet() throws {
        let (dataset, order) = try Self.customerDataset()
        let harness = try EmulatorHarness(dataset)
        var walked: [String] = []
        var cursor: String?
        for _ in 0..<10 {
            let target = "/v1/customers?limit=7" + (cursor.map { "&starting_after=\($0)" } ?? "")
            let page = try harness.get(target)
            let ids = try EmulatorHarness.ids(page)
            walked += ids
            cursor = ids.last
            if try page.json()["has_more"] as? Bool != true { break }
        }
        XCTAssertEqual(walked, order)
    }

    func testEndingBeforeReturnsTheNewerNeighboursNewestFirst() throws {
        let (dataset, order) = try Self.customerDataset()
        let harness = try EmulatorHarness(dataset)
        let page = try harness.get("/v1/customers?limit=3&ending_before=\(order[10])")
        XCTAssertEqual(try EmulatorHarness.ids(page), Array(order[7..<10]))
        XCTAssertEqual(try page.json()["has_more"] as? Bool, true)
        let first = try harness.get("/v1/customers?limit=5&ending_before=\(order[3])")
        XCTAssertEqual(try EmulatorHarness.ids(first), Array(order[0..<3]))
        XCTAssertEqual(try first.json()["has_more"] as? Bool, false)
    }

    func testCreatedFiltersIncludingObjectsSharingASecond() throws {
        let (dataset, order) = try Self.customerDataset()
        let harness = try EmulatorHarness(dataset)
        XCTAssertEqual(
            try EmulatorHarness.ids(try harness.get("/v1/customers?created=1002")),
            ["cus_8", "cus_7", "cus_6"])
        let gte = try EmulatorHarness.ids(try harness.get("/v1/customers?limit=100&created%5Bgte%5D=1007"))
        XCTAssertEqual(gte, ["cus_24", "cus_23", "cus_22", "cus_21"])
        let gt = try EmulatorHarness.ids(try harness.get("/v1/customers?limit=100&created[gt]=1006"))
        XCTAssertEqual(gt, gte)
        let lt = try EmulatorHarness.ids(try harness.get("/v1/customers?limit=100&created[lt]=1001"))
        XCTAssertEqual(lt, ["cus_2", "cus_1", "cus_0"])
        let window = try harness.get("/v1/customers?limit=2&created[gte]=1001&created[lte]=1002")
        XCTAssertEqual(try EmulatorHarness.ids(window), ["cus_8", "cus_7"])
        XCTAssertEqual(try window.json()["has_more"] as? Bool, true)
        let rest = try harness.get(
            "/v1/customers?limit=10&created[gte]=1001&created[lte]=1002&starting_after=cus_7")
        XCTAssertEqual(try EmulatorHarness.ids(rest), ["cus_6", "cus_5", "cus_4", "cus_3"])
        XCTAssertEqual(try rest.json()["has_more"] as? Bool, false)
        XCTAssertEqual(order.count, 25)
    }

    func testBadLimitAndUnknownCursorAreRejected() throws {
        let (dataset, _) = try Self.customerDataset()
        let harness = try EmulatorHarness(dataset)
        for limit in ["0", "101", "ten"] {
            let response = try harness.get("/v1/customers?limit=\(limit)")
            XCTAssertEqual(response.status, 400, "limit=\(limit)")
            XCTAssertEqual(try EmulatorHarness.errorField(response, "param"), "limit")
        }
        let missing = try harness.get("/v1/customers?starting_after=cus_nope")
        XCTAssertEqual(missing.status, 400)
        XCTAssertEqual(try EmulatorHarness.errorField(missing, "code"), "resource_missing")
        XCTAssertEqual(try EmulatorHarness.errorField(missing, "type"), "invalid_request_error")
    }

    func testEventTypeAndInvoiceFilters() throws {
        var dataset = EmulatorDataset()
        let events: [(String, String)] = [
            ("evt_1", "invoice.paid"), ("evt_2", "charge.refunded"), ("evt_3", "invoice.created"),
        ]
        for (index, (id, type)) in events.enumerated() {
            try dataset.add(
                JSONObject([
                    ("id", .string(id)), ("object", "event"), ("created", .int(100 + index)),
                    ("type", .string(type)),
                ]),
                to: "acct_a"
            )
        }
        for (id, invoice) in [("inpay_1", "in_1"), ("inpay_2", "in_2"), ("inpay_3", "in_1")] {
            try dataset.add(
                JSONObject([
                    ("id", .string(id)), ("object", "invoice_payment"), ("created", 5),
                    ("invoice", .string(invoice)),
                ]),
                to: "acct_a"
            )
        }
        let harness = try EmulatorHarness(dataset)
        XCTAssertEqual(try EmulatorHarness.ids(try harness.get("/v1/events?type=invoice.paid")), ["evt_1"])
        XCTAssertEqual(
            try EmulatorHarness.ids(try harness.get("/v1/events?type=invoice.*")), ["evt_3", "evt_1"])
        let both = try harness.get("/v1/events?types[]=invoice.paid&types[]=charge.refunded")
        XCTAssertEqual(try EmulatorHarness.ids(both), ["evt_2", "evt_1"])
        XCTAssertEqual(
            try EmulatorHarness.ids(try harness.get("/v1/invoice_payments?invoice=in_1")),
            ["inpay_3", "inpay_1"])
    }
}
