import Contracts
import Foundation
import LocalCluster
import TestSupport
import XCTest

/// Relinking to another account, shared accounts, and names filled in after the fact.
final class ConnectRelinkEndToEndTests: XCTestCase {
    func testRelinkingToAnotherAccountRemovesEverythingOfTheOldOne() throws {
        let cluster = try ClusterFixture.start(
            name: "connect-relink", datasetJSON: ConnectDatasets.twoAccounts)
        defer { cluster.stop() }
        let driver = ConnectDriver(cluster: cluster)
        XCTAssertEqual(try driver.flow.connect(business: "biz_1").stripeAccountId, "acct_A")
        XCTAssertEqual(
            try driver.flow.syncAndWait(business: "biz_1", timeout: .seconds(30)).state, "succeeded")
        XCTAssertEqual(
            try driver.flow.summaries(business: "biz_1", emails: ["a@example.com"]).summaries[0].orders, 1
        )

        let relinked = try driver.flow.connect(
            business: "biz_1", extraAuthorizeQuery: "&emulator_account=acct_B")
        XCTAssertEqual(relinked.stripeAccountId, "acct_B")
        XCTAssertTrue(
            try driver.waitUntil {
                try driver.count("connect_auth", "SELECT count(*) FROM outbox WHERE business_id != ?", "") == 0
            })
        XCTAssertEqual(
            try driver.flow.syncAndWait(business: "biz_1", timeout: .seconds(30)).state, "succeeded")

        let answer = try driver.flow.summaries(
            business: "biz_1", emails: ["a@example.com", "b@example.com"])
        XCTAssertFalse(answer.summaries[0].found, "nothing of acct_A is visible after relinking")
        XCTAssertEqual(answer.summaries[1].totals.first?.spent, 4900)
        for service in ["sync_engine", "revenue_query"] {
            let old = try driver.count(
                service,
                "SELECT count(*) FROM objects WHERE business_id = ? AND object_id IN ('cus_a', 'ch_a')",
                "biz_1")
            XCTAssertEqual(old, 0, "\(service) still holds acct_A's objects")
        }
    }

    func testOneAccountForTwoBusinessesIsRefusedUnlessConfigured() throws {
        let cluster = try ClusterFixture.start(
            name: "connect-shared", datasetJSON: ConnectDatasets.twoAccounts)
        defer { cluster.stop() }
        let driver = ConnectDriver(cluster: cluster)
        XCTAssertTrue(try driver.flow.connect(business: "biz_1").connected)
        let refused = try driver.flow.connect(business: "biz_2")
        XCTAssertEqual(refused.reason, "account_in_use")
        XCTAssertEqual(
            refused.redirectUrl, ConnectDriver.agencyPage + "?stripe=error&reason=account_in_use")
        XCTAssertEqual(try driver.linkRows("biz_2"), 0)

        try driver.reconfigureConnectAuth(
            replacing: "allow_shared_accounts: false", with: "allow_shared_accounts: true")
        XCTAssertTrue(try driver.flow.connect(business: "biz_2").connected)
        XCTAssertEqual(try driver.linkRows("biz_2"), 1)
    }

    func testALinkSavedWhileTheAccountIsUnreadableGetsItsNameOnStatus() throws {
        let cluster = try ClusterFixture.start(
            name: "connect-name", datasetJSON: ConnectDatasets.twoAccounts)
        defer { cluster.stop() }
        let driver = ConnectDriver(cluster: cluster)
        let emulator = driver.emulator
        try emulator.addFault(
            #"{"path_prefix": "/v1/accounts", "status": 500, "should_retry": false, "count": -1}"#)
        let linked = try driver.flow.connect(business: "biz_1")
        XCTAssertTrue(linked.connected, linked.reason)
        XCTAssertEqual(linked.accountName, "acct_A", "saved under the account id")
        XCTAssertEqual(try driver.status("biz_1").accountName, "acct_A", "still unreadable")

        try emulator.clearFaults()
        XCTAssertEqual(try driver.status("biz_1").accountName, "Shop A")
        XCTAssertEqual(
            try driver.count(
                "connect_auth", "SELECT count(*) FROM stripe_access WHERE account_name = ?", "Shop A"), 1)
    }
}
