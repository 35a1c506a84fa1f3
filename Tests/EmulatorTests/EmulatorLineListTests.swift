import StripeEmulatorKit
import XCTest

/// Invoice lines and Checkout line items: parents embed a first page of 10, and the sub-list
/// endpoints serve the rest with Stripe's list semantics.
final class EmulatorLineListTests: XCTestCase {
    private static func invoice(_ id: String, lines: Int) -> JSONObject {
        let data: [JSONValue] = (0..<lines).map { number in
            .object(
                JSONObject([
                    ("id", .string("il_\(id)_\(number)")), ("object", "line_item"),
                    ("amount", .int(100 + number)),
                    ("currency", "usd"), ("description", .string("Line \(number)")), ("quantity", 1),
                ]))
        }
        return JSONObject([
            ("id", .string(id)), ("object", "invoice"), ("created", 1_000), ("status", "paid"),
            (
                "lines",
                .object(
                    JSONObject([
                        ("object", "list"), ("data", .array(data)), ("has_more", false),
                        ("url", .string("/v1/invoices/\(id)/lines")),
                    ]))
            ),
        ])
    }

    private static func session(_ id: String, items: Int) -> JSONObject {
        let data: [JSONValue] = (0..<items).map { number in
            .object(
                JSONObject([
                    ("id", .string("li_\(id)_\(number)")), ("object", "item"),
                    ("amount_total", .int(number)),
                    ("description", .string("Item \(number)")), ("quantity", 1),
                ]))
        }
        return JSONObject([
            ("id", .string(id)), ("object", "checkout.session"), ("created", 2_000),
            (
                "line_items",
                .object(
                    JSONObject([
                        ("object", "list"), ("data", .array(data)), ("has_more", false),
                        ("url", .string("/v1/checkout/sessions/\(id)/line_items")),
                    ]))
            ),
        ])
    }

    private func harness() throws -> EmulatorHarness {
        var dataset = EmulatorDataset()
        try dataset.add(Self.invoice("in_long", lines: 25), to: "acct_a")
        try dataset.add(Self.invoice("in_short", lines: 3), to: "acct_a")
        try dataset.add(Self.session("cs_long", items: 13), to: "acct_a")
        return try EmulatorHarness(dataset)
    }

    /// Walks a sub-list with `limit`, following `starting_after`; the ids and the page count.
    private func walk(_ harness: EmulatorHarness, _ path: String, limit: Int) throws -> ([String], Int) {
        var ids: [String] = []
        var pages = 0
        while pages < 50 {
            let target = "\(path)?limit=\(limit)" + (ids.last.map { "&starting_after=\($0)" } ?? "")
            let page = try harness.get(target)
            XCTAssertEqual(page.status, 200, page.text)
            XCTAssertEqual(try page.json()["url"] as? String, path)
            ids += try EmulatorHarness.ids(page)
            pages += 1
            if try page.json()["has_more"] as? Bool != true { break }
        }
        return (ids, pages)
    }

    private func embedded(_ object: [String: Any]?, _ key: String) throws
        -> (ids: [String], hasMore: Bool?)
    {
        let list = try XCTUnwrap(object?[key] as? [String: Any])
        let data = try XCTUnwrap(list["data"] as? [[String: Any]])
        return (data.compactMap { $0["id"] as? String }, list["has_more"] as? Bool)
    }

    func testInvoiceLinesPageInOrder() throws {
        let harness = try harness()
        let all = (0..<25).map { "il_in_long_\($0)" }
        let (walked, pages) = try walk(harness, "/v1/invoices/in_long/lines", limit: 7)
        XCTAssertEqual(walked, all)
        XCTAssertEqual(pages, 4)
        let first = try harness.get("/v1/invoices/in_long/lines")
        XCTAssertEqual(try EmulatorHarness.ids(first), Array(all.prefix(10)), "default limit is 10")
        XCTAssertEqual(try first.json()["has_more"] as? Bool, true)
        let rest = try harness.get("/v1/invoices/in_long/lines?limit=100&starting_after=il_in_long_9")
        XCTAssertEqual(try EmulatorHarness.ids(rest), Array(all[10...]))
        XCTAssertEqual(try rest.json()["has_more"] as? Bool, false)
        let before = try harness.get("/v1/invoices/in_long/lines?limit=3&ending_before=il_in_long_5")
        XCTAssertEqual(try EmulatorHarness.ids(before), Array(all[2..<5]))
        XCTAssertEqual(try before.json()["has_more"] as? Bool, true)
        let short = try harness.get("/v1/invoices/in_short/lines")
        XCTAssertEqual(try EmulatorHarness.ids(short), ["il_in_short_0", "il_in_short_1", "il_in_short_2"])
        XCTAssertEqual(try short.json()["has_more"] as? Bool, false)
    }

    func testCheckoutLineItemsPageInOrder() throws {
        let harness = try harness()
        let (walked, pages) = try walk(harness, "/v1/checkout/sessions/cs_long/line_items", limit: 5)
        XCTAssertEqual(walked, (0..<13).map { "li_cs_long_\($0)" })
        XCTAssertEqual(pages, 3)
    }

    func testUnknownParentOrCursorAnswersInStripesErrorShape() throws {
        let harness = try harness()
        let missing = try harness.get("/v1/invoices/in_nope/lines")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(try EmulatorHarness.errorField(missing, "code"), "resource_missing")
        XCTAssertEqual(try EmulatorHarness.errorField(missing, "type"), "invalid_request_error")
        XCTAssertEqual(try EmulatorHarness.errorField(missing, "message"), "No such invoice: 'in_nope'")
        let session = try harness.get("/v1/checkout/sessions/cs_nope/line_items")
        XCTAssertEqual(session.status, 404)
        XCTAssertEqual(
            try EmulatorHarness.errorField(session, "message"), "No such checkout.session: 'cs_nope'")
        let cursor = try harness.get("/v1/invoices/in_long/lines?starting_after=il_other")
        XCTAssertEqual(cursor.status, 400)
        XCTAssertEqual(try EmulatorHarness.errorField(cursor, "param"), "starting_after")
        XCTAssertEqual(try harness.get("/v1/invoices/in_long/lines", account: "acct_other").status, 403)
    }

    func testParentsEmbedTheFirstTenLinesWithHasMore() throws {
        let harness = try harness()
        let invoices = try harness.get("/v1/invoices?limit=100").json()
        let listed = try XCTUnwrap(invoices["data"] as? [[String: Any]])
        let long = try embedded(listed.first { $0["id"] as? String == "in_long" }, "lines")
        XCTAssertEqual(long.ids, (0..<10).map { "il_in_long_\($0)" })
        XCTAssertEqual(long.hasMore, true)
        let short = try embedded(listed.first { $0["id"] as? String == "in_short" }, "lines")
        XCTAssertEqual(short.ids.count, 3)
        XCTAssertEqual(short.hasMore, false)
        let retrieved = try embedded(try harness.get("/v1/invoices/in_long").json(), "lines")
        XCTAssertEqual(retrieved.ids, long.ids)
        XCTAssertEqual(retrieved.hasMore, true)

        let sessions = try harness.get("/v1/checkout/sessions?expand[]=data.line_items").json()
        let session = (sessions["data"] as? [[String: Any]])?.first
        let items = try embedded(session, "line_items")
        XCTAssertEqual(items.ids, (0..<10).map { "li_cs_long_\($0)" })
        XCTAssertEqual(items.hasMore, true)
    }

    func testADatasetFileIsTrimmedAsItLoads() throws {
        let invoice = JSONValue.object(Self.invoice("in_file", lines: 11)).text
        let text =
            #"{"accounts": {"acct_a": {"account": {"id": "acct_a", "object": "account"}, "invoices": ["#
            + invoice + "]}}}"
        let harness = try EmulatorHarness(try EmulatorDataset(json: text))
        let lines = try embedded(try harness.get("/v1/invoices/in_file").json(), "lines")
        XCTAssertEqual(lines.ids.count, 10)
        XCTAssertEqual(lines.hasMore, true)
        XCTAssertEqual(try walk(harness, "/v1/invoices/in_file/lines", limit: 100).0.last, "il_in_file_10")
    }

    func testObjectsPutThroughTheControlRoutesAreTrimmedAndTheirEventsToo() throws {
        let harness = try harness()
        var invoice = Self.invoice("in_put", lines: 12)
        invoice["_event_type"] = "invoice.updated"
        let put = try harness.send(
            "POST", "/_emulator/objects?account=acct_a", body: JSONValue.object(invoice).text)
        XCTAssertEqual(put.status, 200, put.text)
        XCTAssertEqual(try embedded(try put.json(), "lines").ids.count, 10)
        let (walked, _) = try walk(harness, "/v1/invoices/in_put/lines", limit: 100)
        XCTAssertEqual(walked.count, 12)
        let events = try XCTUnwrap(try harness.get("/v1/events").json()["data"] as? [[String: Any]])
        let carried = (events.first?["data"] as? [String: Any])?["object"] as? [String: Any]
        XCTAssertEqual(try embedded(carried, "lines").hasMore, true)

        // Replaced by a short version, the invoice is whole again and its long list is gone.
        _ = try harness.send(
            "POST", "/_emulator/objects?account=acct_a",
            body: JSONValue.object(Self.invoice("in_put", lines: 2)).text)
        XCTAssertEqual(try embedded(try harness.get("/v1/invoices/in_put").json(), "lines").hasMore, false)
        XCTAssertEqual(try walk(harness, "/v1/invoices/in_put/lines", limit: 100).0.count, 2)
    }
}
