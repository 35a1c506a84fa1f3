import BridgeRPC
import Contracts
import Foundation
import LocalCluster
import StripeWebhooks
import TestSupport
import XCTest

/// Disconnect, Stripe's deauthorization webhook and "needs reconnect" through the real services.
final class ConnectDisconnectEndToEndTests: XCTestCase {
    private let tables = [
        ("connect_auth", "stripe_access"), ("sync_engine", "links"), ("sync_engine", "objects"),
        ("sync_engine", "sync_jobs"), ("revenue_query", "businesses"), ("revenue_query", "objects"),
        ("revenue_query", "applied_batches"),
    ]

    private func rows(_ driver: ConnectDriver, _ business: String) throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        for (service, table) in tables {
            out["\(service).\(table)"] = try driver.count(
                service, "SELECT count(*) FROM \(table) WHERE business_id = ?", business)
        }
        return out
    }

    private func outboxesDrained(_ driver: ConnectDriver) throws -> Bool {
        try ["connect_auth", "sync_engine"].allSatisfy {
            try driver.count($0, "SELECT count(*) FROM outbox WHERE business_id != ?", "") == 0
        }
    }

    func testDisconnectWhileRevenueQueryIsDownLeavesNoRowOfTheBusiness() throws {
        let cluster = try ClusterFixture.start(
            name: "connect-disconnect", datasetJSON: ConnectDatasets.twoAccounts)
        defer { cluster.stop() }
        let driver = ConnectDriver(cluster: cluster)
        XCTAssertTrue(try driver.flow.connect(business: "biz_1").connected)
        XCTAssertEqual(
            try driver.flow.syncAndWait(business: "biz_1", timeout: .seconds(30)).state, "succeeded")
        let before = try rows(driver, "biz_1")
        XCTAssertTrue(before.values.allSatisfy { $0 > 0 }, "\(before)")

        cluster.stopService("revenue_query")
        let answer = try driver.call(
            ConnectV1.ConnectAuth.disconnect, .init(businessId: "biz_1"),
            grant: driver.flow.grant(business: "biz_1"))
        XCTAssertTrue(answer.wasConnected)
        XCTAssertEqual(answer.stripeAccountId, "acct_A")
        XCTAssertEqual(try driver.status("biz_1").state, .notConnected)
        try cluster.startService("revenue_query")

        XCTAssertTrue(
            try driver.waitUntil { try outboxesDrained(driver) }, "the outboxes never drained")
        let after = try rows(driver, "biz_1")
        XCTAssertEqual(after.values.reduce(0, +), 0, "\(after)")
        let lookup = try driver.flow.summaries(business: "biz_1", emails: ["a@example.com"])
        XCTAssertFalse(lookup.connected)
    }

    func testDisconnectDeauthorizesAtStripeWhenConfigured() throws {
        let cluster = try ClusterFixture.start(
            name: "connect-deauth", datasetJSON: ConnectDatasets.twoAccounts)
        defer { cluster.stop() }
        let driver = ConnectDriver(cluster: cluster)
        try driver.reconfigureConnectAuth(
            replacing: "deauthorize_on_disconnect: false", with: "deauthorize_on_disconnect: true")
        XCTAssertTrue(try driver.flow.connect(business: "biz_1").connected)
        XCTAssertFalse(
            try driver.emulatorServed("/oauth/deauthorize"))
        _ = try driver.call(
            ConnectV1.ConnectAuth.disconnect, .init(businessId: "biz_1"),
            grant: driver.flow.grant(business: "biz_1"))
        XCTAssertTrue(
            try driver.emulatorServed("/oauth/deauthorize"))
    }

    func testDeauthorizedWebhookUnlinksTheBusinessAndAForgedOneChangesNothing() throws {
        let cluster = try ClusterFixture.start(
            name: "connect-webhook", datasetJSON: ConnectDatasets.twoAccounts)
        defer { cluster.stop() }
        let driver = ConnectDriver(cluster: cluster)
        XCTAssertTrue(try driver.flow.connect(business: "biz_1").connected)
        XCTAssertEqual(
            try driver.flow.syncAndWait(business: "biz_1", timeout: .seconds(30)).state, "succeeded")
        let secret = ClusterFixture.environment["STRIPE_CONNECT_WEBHOOK_SECRET"] ?? ""
        let body = Array(
            #"{"id":"evt_1","object":"event","type":"account.application.deauthorized","account":"acct_A"}"#
                .utf8)
        let now = Int64(Date().timeIntervalSince1970)

        let forged = WebhookSignature.header(payload: body, secret: "whsec_wrong", timestamp: now)
        XCTAssertThrowsError(
            try driver.call(
                ConnectV1.ConnectAuth.handleConnectWebhook, .init(payload: body, signatureHeader: forged)))
        XCTAssertThrowsError(
            try driver.call(ConnectV1.ConnectAuth.handleConnectWebhook, .init(payload: body)))
        XCTAssertEqual(try driver.linkRows("biz_1"), 1)

        let other = Array(
            #"{"id":"evt_0","object":"event","type":"account.updated","account":"acct_A"}"#.utf8)
        let ignored = try driver.call(
            ConnectV1.ConnectAuth.handleConnectWebhook,
            .init(
                payload: other,
                signatureHeader: WebhookSignature.header(payload: other, secret: secret, timestamp: now)))
        XCTAssertFalse(ignored.handled)

        // A late retry of a revocation older than the link (Stripe re-signs retries) keeps it.
        let stale = Array(
            (#"{"id":"evt_old","object":"event","type":"account.application.deauthorized","#
                + #""account":"acct_A","created":1700000000}"#)
                .utf8)
        let replayed = try driver.call(
            ConnectV1.ConnectAuth.handleConnectWebhook,
            .init(
                payload: stale, signatureHeader: WebhookSignature.header(payload: stale, secret: secret, timestamp: now)
            ))
        XCTAssertEqual(replayed.disconnectedBusinessIds, [])
        XCTAssertEqual(try driver.linkRows("biz_1"), 1)

        let header = WebhookSignature.header(payload: body, secret: secret, timestamp: now)
        let handled = try driver.call(
            ConnectV1.ConnectAuth.handleConnectWebhook, .init(payload: body, signatureHeader: header))
        XCTAssertTrue(handled.handled)
        XCTAssertEqual(handled.disconnectedBusinessIds, ["biz_1"])
        XCTAssertEqual(try driver.status("biz_1").state, .notConnected)
        XCTAssertTrue(try driver.waitUntil { try outboxesDrained(driver) })
        let after = try rows(driver, "biz_1")
        XCTAssertEqual(after.values.reduce(0, +), 0, "\(after)")
        let sync = cluster.client("sync_engine")
        defer { sync.close() }
        XCTAssertThrowsError(
            try sync.call(
                SyncV1.SyncEngine.sync, .init(businessId: "biz_1"),
                metadata: driver.flow.grant(business: "biz_1")),
            "no sync runs for an unlinked business")
    }

    func testNeedsReconnectShowsInStatusUntilTheBusinessConnectsAgain() throws {
        let cluster = try ClusterFixture.start(
            name: "connect-reconnect", datasetJSON: ConnectDatasets.twoAccounts)
        defer { cluster.stop() }
        let driver = ConnectDriver(cluster: cluster)
        XCTAssertTrue(try driver.flow.connect(business: "biz_1").connected)
        let stale = try driver.call(
            ConnectV1.ConnectAuth.markNeedsReconnect,
            .init(businessId: "biz_1", stripeAccountId: "acct_B"))
        XCTAssertFalse(stale.changed, "a report about another account changes nothing")
        let marked = try driver.call(
            ConnectV1.ConnectAuth.markNeedsReconnect,
            .init(businessId: "biz_1", stripeAccountId: "acct_A", reason: "authentication"))
        XCTAssertTrue(marked.changed)
        XCTAssertEqual(try driver.status("biz_1").state, .needsReconnect)
        let lookup = try driver.call(
            ConnectV1.ConnectAuth.accountForBusiness, .init(businessId: "biz_1"))
        XCTAssertEqual(lookup.state, .needsReconnect)
        XCTAssertTrue(try driver.flow.connect(business: "biz_1").connected)
        XCTAssertEqual(try driver.status("biz_1").state, .connected)
    }
}
