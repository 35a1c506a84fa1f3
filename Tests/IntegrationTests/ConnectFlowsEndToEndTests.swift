import AccessControl
import BridgeRPC
import Contracts
import LocalCluster
import TestSupport
import XCTest

/// Both Connect flows through the real executables and the emulator, and business access.
final class ConnectFlowsEndToEndTests: XCTestCase {
    func testAgencyAndClientFlowsLinkAndReturnToTheirOwnPages() throws {
        let cluster = try ClusterFixture.start(
            name: "connect-flows", datasetJSON: ConnectDatasets.twoAccounts)
        defer { cluster.stop() }
        let driver = ConnectDriver(cluster: cluster)

        let agency = try driver.flow.connect(business: "biz_agency")
        XCTAssertTrue(agency.connected, agency.reason)
        XCTAssertEqual(agency.redirectUrl, ConnectDriver.agencyPage + "?stripe=connected")
        XCTAssertEqual(agency.accountName, "Shop A")

        let client = try driver.flow.connect(
            business: "biz_client", flow: .clientPortal, extraAuthorizeQuery: "&emulator_account=acct_B"
        )
        XCTAssertTrue(client.connected, client.reason)
        XCTAssertEqual(client.redirectUrl, ConnectDriver.clientPage + "?stripe=connected")
        XCTAssertEqual(client.stripeAccountId, "acct_B")
        XCTAssertTrue(try driver.startState("biz_client", flow: .clientPortal).hasPrefix("forclient:"))

        let status = try driver.status("biz_client")
        XCTAssertEqual(status.state, .connected)
        XCTAssertEqual(status.stripeAccountId, "acct_B")
        XCTAssertEqual(status.accountName, "Shop B")
        XCTAssertGreaterThan(status.dateCreated, 0)
        XCTAssertEqual(try driver.linkRows("biz_agency"), 1)

        // The connection started a first sync; Status reports its end once it finished.
        XCTAssertTrue(
            try driver.waitUntil { try driver.status("biz_client").lastSyncState == "succeeded" })
        XCTAssertGreaterThan(try driver.status("biz_client").lastSyncFinishedAt, 0)
    }

    func testBusinessCallsNeedAGrantForThatBusiness() throws {
        let cluster = try ClusterFixture.start(
            name: "connect-grants", datasetJSON: ConnectDatasets.twoAccounts)
        defer { cluster.stop() }
        let driver = ConnectDriver(cluster: cluster)
        XCTAssertTrue(try driver.flow.connect(business: "biz_1").connected)
        let key = ClusterFixture.environment["STRIPEBRIDGE_GRANT_KEY"] ?? ""
        let expired = AccessGuard.metadata(
            userID: "u", businessID: "biz_1", role: .agency, key: key, validFor: -10
        )
        let forged = AccessGuard.metadata(
            userID: "u", businessID: "biz_1", role: .agency, key: "not-the-key")
        let foreign = driver.flow.grant(business: "biz_2")
        for grant in [[:], expired, forged, foreign] {
            assertDenied {
                _ = try driver.call(ConnectV1.ConnectAuth.status, .init(businessId: "biz_1"), grant: grant)
            }
            assertDenied {
                _ = try driver.call(
                    ConnectV1.ConnectAuth.connectURL, .init(businessId: "biz_1"), grant: grant)
            }
            assertDenied {
                _ = try driver.call(
                    ConnectV1.ConnectAuth.disconnect, .init(businessId: "biz_1"), grant: grant)
            }
        }
        XCTAssertEqual(try driver.linkRows("biz_1"), 1, "a refused disconnect removed nothing")

        // A client grant reaches the client routes of its own business, and only the client flow.
        let client = driver.flow.grant(business: "biz_1", role: .client)
        XCTAssertEqual(
            try driver.call(ConnectV1.ConnectAuth.status, .init(businessId: "biz_1"), grant: client)
                .state, .connected)
        assertDenied {
            _ = try driver.call(
                ConnectV1.ConnectAuth.connectURL, .init(businessId: "biz_1", flow: .agency), grant: client)
        }
        let url = try driver.call(
            ConnectV1.ConnectAuth.connectURL, .init(businessId: "biz_1", flow: .clientPortal),
            grant: client
        )
        XCTAssertTrue(url.state.hasPrefix("forclient:"))
        XCTAssertTrue(
            try driver.call(ConnectV1.ConnectAuth.disconnect, .init(businessId: "biz_1"), grant: client)
                .wasConnected)
    }

    private func assertDenied(line: UInt = #line, _ body: () throws -> Void) {
        XCTAssertThrowsError(try body(), line: line) { error in
            XCTAssertEqual((error as? RPCError)?.code, .permissionDenied, "\(error)", line: line)
        }
    }
}
