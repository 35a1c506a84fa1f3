import Contracts
import LocalCluster
import TestSupport
import XCTest

/// S01 (resume after a crash) and S04 (rate limited for good).
final class SyncFailureTests: XCTestCase {
    private typealias Kit = SyncTestKit

    private func customers(_ n: Int) -> [String] {
        let base = Kit.now - 10 * 86_400
        return (0..<n).map { Kit.customer("cus_\($0)", email: "c\($0)@example.com", created: base + $0) }
    }

    func testARunKilledAfterItsFirstPageResumesWhereItStopped() throws {
        let cluster = try ClusterFixture.start(name: "resume", datasetJSON: Kit.dataset(customers: customers(250)))
        defer { cluster.stop() }
        let control = Kit.control(cluster)
        try control.addFault(#"{"path_prefix":"/v1/customers","count":-1,"delay_ms":700}"#)
        let flow = DemoFlow(cluster: cluster)
        XCTAssertTrue(try flow.connect(business: "biz").connected)

        // Wait until the first page is stored with its cursor, then kill the process outright.
        var cursor: String?
        for _ in 0..<400 where cursor == nil {
            usleep(10_000)
            let database = try Kit.database(cluster, "sync_engine")
            cursor =
                try database.queryOne(
                    "SELECT starting_after FROM sync_cursors WHERE object_type LIKE 'customer#%' "
                        + "AND starting_after IS NOT NULL"
                ) { $0.optionalText(0) } ?? nil
            database.close()
        }
        let firstPageEnd = try XCTUnwrap(cursor)
        cluster.stopService("sync_engine", crash: true)
        XCTAssertNil(try Kit.lastSuccess(cluster, business: "biz"), "no success before the last page")
        XCTAssertEqual(try Kit.count(cluster, "sync_engine", "SELECT COUNT(*) FROM objects"), 100)

        try control.clearFaults()
        try control.clearRequests()
        try cluster.startService("sync_engine")
        let job = try flow.syncAndWait(business: "biz")
        XCTAssertEqual(job.state, "succeeded", job.error)
        XCTAssertEqual(
            try Kit.count(cluster, "sync_engine", "SELECT COUNT(*) FROM objects WHERE object_type = 'customer'"), 250)
        XCTAssertNotNil(try Kit.lastSuccess(cluster, business: "biz"))
        let customerCalls = try control.requests().filter { ($0["path"] as? String) == "/v1/customers" }
        XCTAssertTrue(
            customerCalls.contains { "\($0)".contains(firstPageEnd) }, "the resumed walk starts after \(firstPageEnd)")
        let rows = try flow.summaries(business: "biz", emails: ["c0@example.com", "c249@example.com"])
        XCTAssertEqual(rows.summaries.count, 2)
    }

    func testRateLimitedForGoodFailsTheTypeKeepsTheLastSuccessAndTheNextRunRetries() throws {
        let old = Kit.now - 5 * 86_400
        let invoice = #"""
            {"id":"in_1","object":"invoice","status":"paid","amount_paid":4900,"currency":"usd",
             "customer":"cus_0","customer_email":"c0@example.com","created":\#(old)}
            """#
        let cluster = try ClusterFixture.start(
            name: "ratelimit", datasetJSON: Kit.dataset(customers: customers(3), invoices: [invoice]),
            settings: ["STRIPEBRIDGE_STRIPE_MAX_RETRIES": "1"]
        )
        defer { cluster.stop() }
        let flow = DemoFlow(cluster: cluster)
        XCTAssertTrue(try flow.connect(business: "biz").connected)
        XCTAssertEqual(try flow.syncAndWait(business: "biz").state, "succeeded")
        let firstSuccess = try Kit.lastSuccess(cluster, business: "biz")

        try Kit.control(cluster).addFault(#"{"path_prefix":"/v1/invoices","status":429,"count":-1}"#)
        let failed = try flow.syncAndWait(business: "biz")
        XCTAssertEqual(failed.state, "failed")
        XCTAssertTrue(failed.error.contains("invoice"), failed.error)
        XCTAssertEqual(failed.types.first { $0.objectType == "invoice" }?.state, "failed")
        XCTAssertEqual(failed.types.first { $0.objectType == "customer" }?.state, "succeeded")
        XCTAssertEqual(try Kit.lastSuccess(cluster, business: "biz"), firstSuccess, "last success unchanged")

        try Kit.control(cluster).clearFaults()
        try Kit.control(cluster).clearRequests()
        let retried = try flow.syncAndWait(business: "biz")
        XCTAssertEqual(retried.state, "succeeded", retried.error)
        XCTAssertTrue(try Kit.control(cluster).requests().contains { ($0["path"] as? String) == "/v1/invoices" })
        XCTAssertGreaterThanOrEqual(try Kit.lastSuccess(cluster, business: "biz") ?? 0, firstSuccess ?? 0)
    }
}
