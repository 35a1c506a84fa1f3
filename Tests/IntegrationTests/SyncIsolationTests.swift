import Contracts
import Foundation
import LocalCluster
import StripeEmulatorKit
import TestSupport
import XCTest

/// Several businesses sync at once; an account that fails for good and one that is slow never
/// hold back the others, whose figures still equal the generator's.
final class SyncIsolationTests: XCTestCase {
    func testAFailingAndASlowAccountDoNotBlockTheOthers() throws {
        let folder = ClusterFixture.temporaryFolder("isolation")
        let generated = try ClusterFixture.generate(into: folder, customers: 150, seed: 5, accounts: 3)
        let expected = generated.expected
        let accounts = expected.accounts.keys.sorted()
        XCTAssertEqual(accounts.count, 3)

        let cluster = try ClusterFixture.start(
            folder: folder, datasetPath: generated.path, settings: ["STRIPEBRIDGE_STRIPE_MAX_RETRIES": "1"])
        defer { cluster.stop() }
        let flow = DemoFlow(cluster: cluster)
        let control = EmulatorControl(baseURL: cluster.stripeBase)
        let (failing, slow) = (accounts[1], accounts[2])
        try control.addFault(#"{"path_prefix":"/v1/","status":500,"count":-1,"account":"\#(failing)"}"#)
        try control.addFault(#"{"path_prefix":"/v1/","count":-1,"delay_ms":20,"account":"\#(slow)"}"#)

        for (index, account) in accounts.enumerated() {
            let linked = try flow.connect(business: "biz_\(index)", extraAuthorizeQuery: "&emulator_account=\(account)")
            XCTAssertEqual(linked.stripeAccountId, account)
        }
        var jobs: [String: SyncV1.SyncJob] = [:]
        for index in accounts.indices {
            jobs[accounts[index]] = try flow.syncAndWait(business: "biz_\(index)")
        }
        XCTAssertEqual(jobs[failing]?.state, "failed")
        XCTAssertTrue(jobs[failing]?.error.contains("500") ?? false, jobs[failing]?.error ?? "")
        for (index, account) in accounts.enumerated() where account != failing {
            XCTAssertEqual(jobs[account]?.state, "succeeded", "\(account): \(jobs[account]?.error ?? "")")
            let overview = try flow.topCustomers(business: "biz_\(index)", currency: "", limit: 1)
            let truth = try XCTUnwrap(expected.accounts[account]).totals
            XCTAssertEqual(Set(overview.totals.map(\.currency)), Set(truth.keys), account)
            for total in overview.totals {
                XCTAssertEqual(total.spent, truth[total.currency]?.spent, "\(account) \(total.currency)")
                XCTAssertEqual(total.orders, Int64(truth[total.currency]?.orders ?? -1), "\(account)")
            }
        }
    }
}
