import Contracts
import Foundation
import LocalCluster
import TestSupport
import XCTest

/// Invoices and Checkout Sessions longer than Stripe's embedded first page are mirrored whole,
/// and a failed sub-list never leaves a partial object marked complete.
final class SyncEmbeddedListsTests: XCTestCase {
    private typealias Kit = SyncTestKit
    private static let created = Kit.now - 5 * 86_400

    private static func invoice(_ id: String, lines: Int, email: String, created: Int = created) -> String {
        let data = (0..<lines).map { number in
            #"""
            {"id":"il_\#(id)_\#(number)","object":"line_item","amount":\#(100 + number),"currency":"usd",
             "description":"Line \#(number)","quantity":1,
             "pricing":{"type":"price_details",
                        "price_details":{"price":"price_\#(number)","product":"prod_\#(number)"}}}
            """#
        }
        return #"""
            {"id":"\#(id)","object":"invoice","status":"paid","amount_paid":4900,"currency":"usd",
             "customer_email":"\#(email)","created":\#(created),"status_transitions":{"paid_at":\#(created)},
             "lines":{"object":"list","has_more":false,"url":"/v1/invoices/\#(id)/lines",
                      "data":[\#(data.joined(separator: ","))]}}
            """#
    }

    private static func session(_ id: String, items: Int, created: Int = created) -> String {
        let data = (0..<items).map { number in
            #"""
            {"id":"li_\#(number)","object":"item","amount_total":\#(number),"currency":"usd",
             "description":"Item \#(number)","quantity":1,
             "price":{"id":"price_\#(number)","product":"prod_x"}}
            """#
        }
        return #"""
            {"id":"\#(id)","object":"checkout.session","mode":"payment","status":"complete",
             "payment_status":"paid","amount_total":78,"currency":"usd",
             "customer_details":{"email":"s@example.com"},
             "created":\#(created),
             "line_items":{"object":"list","has_more":false,"url":"/v1/checkout/sessions/\#(id)/line_items",
                           "data":[\#(data.joined(separator: ","))]}}
            """#
    }

    private static let dataset = """
        {"oauth": {"default_account": "\(Kit.account)"},
         "accounts": {"\(Kit.account)": {
           "account": {"id": "\(Kit.account)", "object": "account",
                       "business_profile": {"name": "Sync Shop"}},
           "invoices": [\(invoice("in_long", lines: 25, email: "long@example.com")),
                        \(invoice("in_short", lines: 2, email: "short@example.com"))],
           "checkout_sessions": [\(session("cs_long", items: 13))]
         }}}
        """

    /// A cluster on the dataset whose business is linked and fully synced once.
    private func syncedCluster(_ name: String) throws -> (LocalCluster, DemoFlow) {
        let cluster = try ClusterFixture.start(name: name, datasetJSON: Self.dataset)
        let flow = DemoFlow(cluster: cluster)
        // XCTest's assertions record a thrown error as a failure, so nothing here leaves early.
        XCTAssertTrue(try flow.connect(business: "biz").connected)
        XCTAssertEqual(try flow.syncAndWait(business: "biz", timeout: .seconds(60)).state, "succeeded")
        return (cluster, flow)
    }

    /// Puts `json` (an object written `{"id":"<id>",…`) into the emulator with an event of `type`.
    private func putWithEvent(_ cluster: LocalCluster, _ json: String, id: String, type: String) throws {
        let tagged = json.replacingOccurrences(
            of: #"{"id":"\#(id)","#, with: #"{"_event_type":"\#(type)","id":"\#(id)","#)
        try Kit.control(cluster).upsert(account: Kit.account, tagged)
    }

    /// The mirrored JSON of one object, parsed; nil when it is not mirrored.
    private func mirrored(_ cluster: LocalCluster, _ id: String) throws -> [String: Any]? {
        let database = try Kit.database(cluster, "sync_engine")
        defer { database.close() }
        let sql = "SELECT json FROM objects WHERE object_id = ?"
        let json = try database.queryOne(sql, [.text(id)]) { $0.blob(0) }
        return try json.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
    }

    /// The ids of an embedded list and its `has_more`.
    private func embedded(_ object: [String: Any]?, _ key: String) throws
        -> (ids: [String], hasMore: Bool?)
    {
        let list = try XCTUnwrap(object?[key] as? [String: Any], "no \(key) list")
        let data = try XCTUnwrap(list["data"] as? [[String: Any]])
        return (data.compactMap { $0["id"] as? String }, list["has_more"] as? Bool)
    }

    /// Events never carry a session's line items: a session first seen in an event reads them
    /// whole; one already mirrored keeps the items it has, with no call at all.
    func testASessionSeenThroughAnEventGetsItsLineItems() throws {
        let (cluster, flow) = try syncedCluster("sessionevent")
        defer { cluster.stop() }
        let fresh = Self.session("cs_old", items: 3, created: Kit.now - 60 * 86_400)
        try putWithEvent(cluster, fresh, id: "cs_old", type: "checkout.session.completed")
        try putWithEvent(cluster, Self.session("cs_long", items: 13), id: "cs_long", type: "checkout.session.completed")
        try Kit.control(cluster).clearRequests()
        let job = try flow.syncAndWait(business: "biz", timeout: .seconds(60))
        XCTAssertEqual(job.state, "succeeded", job.error)

        XCTAssertEqual(try embedded(try mirrored(cluster, "cs_old"), "line_items").ids, ["li_0", "li_1", "li_2"])
        let kept = try embedded(try mirrored(cluster, "cs_long"), "line_items")
        XCTAssertEqual(kept.ids, (0..<13).map { "li_\($0)" })
        XCTAssertEqual(kept.hasMore, false)
        XCTAssertEqual(try subListCalls(cluster), ["/v1/checkout/sessions/cs_old/line_items"])
    }

    private func subListCalls(_ cluster: LocalCluster) throws -> [String] {
        try Kit.control(cluster).requests().compactMap { $0["path"] as? String }
            .filter { $0.hasSuffix("/lines") || $0.hasSuffix("/line_items") }
    }

    func testLongInvoicesAndSessionsAreMirroredWholeAndShownByEmail() throws {
        let cluster = try ClusterFixture.start(name: "sublists", datasetJSON: Self.dataset)
        defer { cluster.stop() }
        let flow = DemoFlow(cluster: cluster)
        XCTAssertTrue(try flow.connect(business: "biz").connected)
        let job = try flow.syncAndWait(business: "biz", timeout: .seconds(60))
        XCTAssertEqual(job.state, "succeeded", job.error)

        let invoice = try embedded(try mirrored(cluster, "in_long"), "lines")
        XCTAssertEqual(invoice.ids, (0..<25).map { "il_in_long_\($0)" })
        XCTAssertEqual(invoice.hasMore, false)
        let session = try embedded(try mirrored(cluster, "cs_long"), "line_items")
        XCTAssertEqual(session.ids, (0..<13).map { "li_\($0)" })
        XCTAssertEqual(session.hasMore, false)
        XCTAssertEqual(try embedded(try mirrored(cluster, "in_short"), "lines").ids.count, 2)
        XCTAssertEqual(
            try subListCalls(cluster).sorted(),
            ["/v1/checkout/sessions/cs_long/line_items", "/v1/invoices/in_long/lines"],
            "one call per long parent, none for the short invoice")

        let revenue = cluster.client("revenue_query")
        defer { revenue.close() }
        let detail = try revenue.call(
            RevenueV1.RevenueQuery.stripeInfoByEmail, .init(businessId: "biz", email: "long@example.com"),
            metadata: flow.grant(business: "biz"))
        let lines = try XCTUnwrap(detail.invoices.first?.lineItems)
        XCTAssertEqual(lines.map(\.description), (0..<25).map { "Line \($0)" })
        XCTAssertEqual(lines.last?.amountTotal, 124)
        XCTAssertEqual(lines.last?.productId, "prod_24")
    }

    func testAFailingSubListFailsTheTypeAndMirrorsNoPartialInvoice() throws {
        let cluster = try ClusterFixture.start(
            name: "sublistfail", datasetJSON: Self.dataset,
            settings: ["STRIPEBRIDGE_STRIPE_MAX_RETRIES": "1"])
        defer { cluster.stop() }
        let control = Kit.control(cluster)
        try control.addFault(#"{"path_prefix":"/v1/invoices/in_long/lines","status":500,"count":-1}"#)
        let flow = DemoFlow(cluster: cluster)
        XCTAssertTrue(try flow.connect(business: "biz").connected)

        let failed = try flow.syncAndWait(business: "biz", timeout: .seconds(60))
        XCTAssertEqual(failed.state, "failed")
        XCTAssertEqual(failed.types.first { $0.objectType == "invoice" }?.state, "failed")
        XCTAssertEqual(failed.types.first { $0.objectType == "checkout.session" }?.state, "succeeded")
        XCTAssertTrue(failed.error.contains("/v1/invoices/in_long/lines"), failed.error)
        XCTAssertNil(try mirrored(cluster, "in_long"), "the page holding the partial invoice is not stored")
        XCTAssertNil(try Kit.lastSuccess(cluster, business: "biz"))
        XCTAssertEqual(
            try subListCalls(cluster).filter { $0.contains("in_long") }.count, 2,
            "retried as a list page is")

        try control.clearFaults()
        let retried = try flow.syncAndWait(business: "biz", timeout: .seconds(60))
        XCTAssertEqual(retried.state, "succeeded", retried.error)
        XCTAssertEqual(try embedded(try mirrored(cluster, "in_long"), "lines").ids.count, 25)
    }

    func testAParentGoneFromStripeIsKeptAsReadStillSayingHasMore() throws {
        let cluster = try ClusterFixture.start(name: "sublistgone", datasetJSON: Self.dataset)
        defer { cluster.stop() }
        try Kit.control(cluster).addFault(
            #"{"path_prefix":"/v1/invoices/in_long/lines","status":404,"count":-1}"#)
        let flow = DemoFlow(cluster: cluster)
        XCTAssertTrue(try flow.connect(business: "biz").connected)
        let job = try flow.syncAndWait(business: "biz", timeout: .seconds(60))
        XCTAssertEqual(job.state, "succeeded", job.error)
        let lines = try embedded(try mirrored(cluster, "in_long"), "lines")
        XCTAssertEqual(lines.ids.count, 10)
        XCTAssertEqual(lines.hasMore, true, "a partial list is never marked complete")
    }

    func testAnInvoiceSeenOnlyThroughAnEventIsCompletedToo() throws {
        let (cluster, flow) = try syncedCluster("sublistevent")
        defer { cluster.stop() }
        // Created long before the last success: an incremental run lists it only as an event.
        let old = Self.invoice("in_old", lines: 12, email: "old@example.com", created: Kit.now - 60 * 86_400)
        try putWithEvent(cluster, old, id: "in_old", type: "invoice.paid")
        try Kit.control(cluster).clearRequests()
        let job = try flow.syncAndWait(business: "biz", timeout: .seconds(60))
        XCTAssertEqual(job.state, "succeeded", job.error)

        let lines = try embedded(try mirrored(cluster, "in_old"), "lines")
        XCTAssertEqual(lines.ids, (0..<12).map { "il_in_old_\($0)" })
        XCTAssertEqual(lines.hasMore, false)
        XCTAssertEqual(try subListCalls(cluster), ["/v1/invoices/in_old/lines"])
    }
}
