import Contracts
import Foundation
import LocalCluster
import StripeEmulatorKit
import TestSupport
import XCTest

/// On a generated account of 2,000 customers, every email's figures from the real services
/// equal the totals the generator computed from its own bookkeeping.
final class GeneratedDatasetEndToEndTests: XCTestCase {
    func testEveryEmailMatchesTheGeneratorsTotals() throws {
        let folder = ClusterFixture.temporaryFolder("generated")
        let generated = try ClusterFixture.generate(into: folder, customers: 2_000, seed: 7)
        let (account, truth) = try XCTUnwrap(generated.expected.accounts.first)

        let cluster = try ClusterFixture.start(folder: folder, datasetPath: generated.path)
        defer { cluster.stop() }
        let flow = DemoFlow(cluster: cluster)
        let linked = try flow.connect(business: "biz_generated")
        XCTAssertEqual(linked.stripeAccountId, account)
        let job = try flow.syncAndWait(business: "biz_generated", timeout: .seconds(240))
        XCTAssertEqual(job.state, "succeeded", job.error)

        let emails = truth.emails.keys.sorted()
        XCTAssertGreaterThan(emails.count, 1_000)
        var checked = 0
        for start in stride(from: 0, to: emails.count, by: 1_000) {
            let batch = Array(emails[start..<min(start + 1_000, emails.count)])
            let answer = try flow.summaries(business: "biz_generated", emails: batch)
            for (email, summary) in zip(batch, answer.summaries) {
                let want = truth.emails[email] ?? [:]
                let got = Dictionary(uniqueKeysWithValues: summary.totals.map { ($0.currency, $0) })
                for (currency, row) in want where row.spent > 0 || row.orders > 0 {
                    XCTAssertEqual(got[currency]?.spent, row.spent, "\(email) \(currency) spent")
                    XCTAssertEqual(got[currency]?.orders, Int64(row.orders), "\(email) \(currency) orders")
                    if row.orders > 0 {
                        XCTAssertEqual(got[currency]?.lastPurchaseAt, row.lastPurchaseAt, "\(email) \(currency) last")
                    }
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, emails.count)

        let overview = try flow.topCustomers(business: "biz_generated", currency: "", limit: 1)
        for total in overview.totals {
            XCTAssertEqual(total.spent, truth.totals[total.currency]?.spent, "\(total.currency) business spent")
            XCTAssertEqual(total.orders, Int64(truth.totals[total.currency]?.orders ?? -1), "\(total.currency) orders")
            XCTAssertEqual(total.gross, truth.totals[total.currency]?.gross, "\(total.currency) gross")
            XCTAssertEqual(total.refunded, truth.totals[total.currency]?.refunded, "\(total.currency) refunded")
            XCTAssertEqual(total.disputedLost, truth.totals[total.currency]?.disputed, "\(total.currency) disputes")
        }
        XCTAssertEqual(Set(overview.totals.map(\.currency)), Set(truth.totals.keys))
    }
}
