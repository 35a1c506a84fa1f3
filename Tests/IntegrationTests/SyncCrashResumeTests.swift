import BridgeStore
import Contracts
import Foundation
import LocalCluster
import StripeEmulatorKit
import TestSupport
import XCTest

/// SyncEngine killed at random points of a run, twenty times: each resumed run ends with the
/// same mirrored rows as an uninterrupted one, and RevenueQuery's figures equal the generator's.
final class SyncCrashResumeTests: XCTestCase {
    func testKilledAtRandomPointsTheResumedRunEndsWithTheSameRows() throws {
        let folder = ClusterFixture.temporaryFolder("crash")
        let generated = try ClusterFixture.generate(into: folder, customers: 120, seed: 11)
        let (account, truth) = try XCTUnwrap(generated.expected.accounts.first)

        let cluster = try ClusterFixture.start(folder: folder, datasetPath: generated.path)
        defer { cluster.stop() }
        let flow = DemoFlow(cluster: cluster)
        let sync = { cluster.client("sync_engine", caller: "crash-test") }

        // The uninterrupted run.
        XCTAssertTrue(try flow.connect(business: "biz_base").connected)
        XCTAssertEqual(try flow.syncAndWait(business: "biz_base").state, "succeeded")
        let baseline = try rows(cluster, business: "biz_base")
        XCTAssertGreaterThan(baseline.count, 500)

        // Slow every page down so that kills land in the middle of runs.
        try EmulatorControl(baseURL: cluster.stripeBase).addFault(#"{"path_prefix":"/v1/","count":-1,"delay_ms":25}"#)
        var random = SplitMix64(seed: 2026)
        var interrupted = 0
        for round in 0..<20 {
            let business = "biz_crash_\(round)"
            let client = sync()
            // Linked straight through SyncEngine: one account for many businesses, which
            // ConnectAuth would refuse, is just what this test needs.
            _ = try client.call(
                SyncV1.SyncEngine.linkChanged,
                .init(businessId: business, stripeAccountId: account, messageId: "crash-\(round)", startSync: true)
            )
            client.close()
            usleep(useconds_t(random.int(in: 20...400) * 1_000))
            if try SyncTestKit.count(
                cluster, "sync_engine", "SELECT COUNT(*) FROM sync_jobs WHERE business_id = ? AND state = 'running'",
                [.text(business)]
            ) > 0 {
                interrupted += 1
            }
            cluster.stopService("sync_engine", crash: true)
            try cluster.startService("sync_engine")
            let job = try flow.syncAndWait(business: business)
            XCTAssertEqual(job.state, "succeeded", "round \(round): \(job.error)")
            XCTAssertEqual(try rows(cluster, business: business), baseline, "round \(round)")
            let overview = try flow.topCustomers(business: business, currency: "", limit: 1)
            for total in overview.totals {
                XCTAssertEqual(total.spent, truth.totals[total.currency]?.spent, "round \(round) \(total.currency)")
                XCTAssertEqual(total.orders, Int64(truth.totals[total.currency]?.orders ?? -1), "round \(round)")
            }
        }
        XCTAssertGreaterThanOrEqual(interrupted, 12, "most kills must land in the middle of a run")
    }

    /// Every mirrored object of a business as type/id → JSON.
    private func rows(_ cluster: LocalCluster, business: String) throws -> [String: [UInt8]] {
        let database = try SyncTestKit.database(cluster, "sync_engine")
        defer { database.close() }
        var out: [String: [UInt8]] = [:]
        try database.query(
            "SELECT object_type, object_id, json FROM objects WHERE business_id = ?", [.text(business)]
        ) { out[$0.text(0) + "/" + $0.text(1)] = $0.blob(2) }
        return out
    }
}
