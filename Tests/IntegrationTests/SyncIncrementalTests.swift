import Contracts
import LocalCluster
import TestSupport
import XCTest

/// S02, S03 and S10: incremental runs catch what a `created` filter alone would miss.
final class SyncIncrementalTests: XCTestCase {
    private typealias Kit = SyncTestKit

    func testBoundarySecondLaterChangesAndRefundsSeenOnlyThroughEvents() throws {
        let old = Kit.now - 60 * 86_400
        let yesterday = Kit.now - 86_400
        let refundable = Kit.payment("6", amount: 4900, customer: "cus_6", created: yesterday)
        let openInvoice = #"""
            {"id":"in_3","object":"invoice","status":"open","amount_paid":0,"amount_due":4900,"currency":"usd",
             "customer":"cus_3","customer_email":"c3@example.com","created":\#(old),
             "status_transitions":{"paid_at":null}}
            """#
        let dataset = Kit.dataset(
            customers: [
                Kit.customer("cus_2", email: "c2@example.com", created: old),
                Kit.customer("cus_3", email: "c3@example.com", created: old),
                Kit.customer("cus_6", email: "c6@example.com", created: old),
            ],
            paymentIntents: [refundable.pi], charges: [refundable.charge], invoices: [openInvoice]
        )
        let cluster = try ClusterFixture.start(name: "incremental", datasetJSON: dataset)
        defer { cluster.stop() }
        let flow = DemoFlow(cluster: cluster)
        XCTAssertTrue(try flow.connect(business: "biz").connected)
        XCTAssertEqual(try flow.syncAndWait(business: "biz").state, "succeeded")
        let firstSuccess = try XCTUnwrap(try Kit.lastSuccess(cluster, business: "biz"))
        XCTAssertNil(try Kit.total(flow, business: "biz", email: "c3@example.com", currency: "usd"))

        // S02: a charge created exactly at the last success's start second.
        let boundary = Kit.payment("b", amount: 2000, customer: "cus_2", created: Int(firstSuccess))
        try Kit.control(cluster).upsert(account: Kit.account, boundary.pi)
        try Kit.control(cluster).upsert(account: Kit.account, boundary.charge)
        // S03: an invoice created long ago, paid now; only an invoice.paid event says so.
        let paid = openInvoice.replacingOccurrences(
            of: #""status":"open","amount_paid":0"#,
            with: #""status":"paid","amount_paid":4900"#)
        try Kit.control(cluster).upsert(
            account: Kit.account,
            paid.replacingOccurrences(
                of: #""id":"in_3","#, with: #""_event_type":"invoice.paid","id":"in_3","#))
        // S10: yesterday's charge refunded today; only a charge.refunded event shows it.
        let refunded = refundable.charge.replacingOccurrences(
            of: #""amount_refunded":0"#,
            with: #""amount_refunded":1500"#)
        try Kit.control(cluster).upsert(
            account: Kit.account,
            refunded.replacingOccurrences(
                of: #""id":"ch_6","#, with: #""_event_type":"charge.refunded","id":"ch_6","#))

        XCTAssertEqual(try flow.syncAndWait(business: "biz").state, "succeeded")

        let boundaryTotal = try XCTUnwrap(
            try Kit.total(flow, business: "biz", email: "c2@example.com", currency: "usd"))
        XCTAssertEqual(boundaryTotal.spent, 2000)
        XCTAssertEqual(boundaryTotal.orders, 1)
        XCTAssertEqual(
            try Kit.count(cluster, "sync_engine", "SELECT COUNT(*) FROM objects WHERE object_id = 'ch_b'"), 1
        )
        let invoiceTotal = try XCTUnwrap(try Kit.total(flow, business: "biz", email: "c3@example.com", currency: "usd"))
        XCTAssertEqual(invoiceTotal.spent, 4900, "the old invoice paid later is counted")
        let refundTotal = try XCTUnwrap(try Kit.total(flow, business: "biz", email: "c6@example.com", currency: "usd"))
        XCTAssertEqual(refundTotal.gross, 4900)
        XCTAssertEqual(refundTotal.refunded, 1500)
        XCTAssertEqual(refundTotal.spent, 3400)
        XCTAssertEqual(refundTotal.orders, 1)
    }

    func testAGapLongerThanEventRetentionRelistsEverything() throws {
        let old = Kit.now - 60 * 86_400
        let invoice = #"""
            {"id":"in_9","object":"invoice","status":"open","amount_paid":0,"currency":"usd",
             "customer":"cus_9","customer_email":"c9@example.com","created":\#(old)}
            """#
        let dataset = Kit.dataset(
            customers: [Kit.customer("cus_9", email: "c9@example.com", created: old)], invoices: [invoice]
        )
        let cluster = try ClusterFixture.start(name: "relist", datasetJSON: dataset)
        defer { cluster.stop() }
        let flow = DemoFlow(cluster: cluster)
        XCTAssertTrue(try flow.connect(business: "biz").connected)
        XCTAssertEqual(try flow.syncAndWait(business: "biz").state, "succeeded")

        // The invoice is paid, and the last success is made 40 days old: events cannot be trusted.
        try Kit.control(cluster).upsert(
            account: Kit.account,
            invoice.replacingOccurrences(
                of: #""status":"open","amount_paid":0"#, with: #""status":"paid","amount_paid":4900"#))
        let database = try Kit.database(cluster, "sync_engine")
        try database.execute("UPDATE links SET last_success_started_at = ?", [.integer(Int64(Kit.now - 40 * 86_400))])
        database.close()
        try Kit.control(cluster).clearRequests()

        XCTAssertEqual(try flow.syncAndWait(business: "biz").state, "succeeded")
        let total = try XCTUnwrap(try Kit.total(flow, business: "biz", email: "c9@example.com", currency: "usd"))
        XCTAssertEqual(total.spent, 4900)
        let paths = try Kit.control(cluster).requests().compactMap { $0["path"] as? String }
        XCTAssertFalse(paths.contains("/v1/events"), "a full re-list does not read events")
        let queries = try Kit.control(cluster).requests().filter { ($0["path"] as? String) == "/v1/invoices" }
        XCTAssertFalse(queries.isEmpty)
        XCTAssertTrue(
            queries.contains { !"\($0)".contains("created[gte]") },
            "a full re-list reaches back to the oldest invoice (its oldest window has no lower bound)")
    }
}
