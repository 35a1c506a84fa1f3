import BridgeCrypto
import ConnectAuth
import Contracts
import LocalCluster
import TestSupport
import XCTest

/// Every way a Connect callback is refused: each sends the user to the flow's configured page
/// with `stripe=error` and its own reason, and saves nothing.
final class ConnectCallbackRejectionTests: XCTestCase {
    func testEveryRejectedCallbackSavesNothingAndReturnsToTheConfiguredPage() throws {
        let cluster = try ClusterFixture.start(
            name: "connect-reject", datasetJSON: ConnectDatasets.twoAccounts)
        defer { cluster.stop() }
        let driver = ConnectDriver(cluster: cluster)
        let emulator = driver.emulator
        let stateKey = Array((ClusterFixture.environment["STRIPEBRIDGE_STATE_KEY"] ?? "").utf8)

        // Forged: signed with another key.
        let forged = OAuthState(
            businessID: "biz_1", flow: .agency, nonce: "n1", expiresAt: Int64.max / 2)
        try driver.assertRefused(
            try driver.complete(.init(code: "ac_x", state: forged.signed(key: Array("guess".utf8)))),
            reason: "forged_state")

        // Tampered: a valid state whose payload is retargeted at another business.
        let real = try driver.authorize("biz_1")
        let retargeted = try retarget(real.state, to: "biz_2")
        try driver.assertRefused(
            try driver.complete(.init(code: real.code, state: retargeted)), reason: "forged_state")
        try driver.assertRefused(
            try driver.complete(.init(code: real.code, state: "not-a-state")), reason: "invalid_state")

        // Expired: correctly signed, but its expiry is in the past.
        let expired = OAuthState(businessID: "biz_1", flow: .agency, nonce: "n2", expiresAt: 1_000)
        try driver.assertRefused(
            try driver.complete(.init(code: real.code, state: expired.signed(key: stateKey))),
            reason: "expired_state")

        // The user declined at Stripe.
        try driver.assertRefused(
            try driver.complete(try driver.authorize("biz_1", extraQuery: "&emulator_deny=1")),
            reason: "access_denied")

        // No code.
        var noCode = try driver.authorize("biz_1")
        noCode.code = ""
        try driver.assertRefused(try driver.complete(noCode), reason: "missing_code")

        // The token endpoint fails (no retry advised), then a replayed state.
        try emulator.addFault(
            #"{"path_prefix": "/oauth/token", "status": 500, "should_retry": false, "count": -1}"#)
        let failing = try driver.authorize("biz_1")
        try driver.assertRefused(try driver.complete(failing), reason: "token_exchange_failed")
        try emulator.clearFaults()
        try driver.assertRefused(try driver.complete(failing), reason: "replayed_state")

        // A code that was already redeemed: a fresh state carrying a spent code.
        let first = try driver.authorize("biz_other")
        XCTAssertTrue(try driver.complete(first).connected)
        let again = try driver.call(
            ConnectV1.ConnectAuth.disconnect, .init(businessId: "biz_other"),
            grant: driver.flow.grant(business: "biz_other"))
        XCTAssertTrue(again.wasConnected)
        let reused = try driver.complete(.init(code: first.code, state: try driver.startState("biz_1")))
        try driver.assertRefused(reused, reason: "invalid_grant")

        // Redirect hints in the callback are ignored: the target is always the flow's own page.
        var hinted = try driver.authorize("biz_1", extraQuery: "&emulator_deny=1")
        hinted.errorDescription = "https://evil.example/steal"
        hinted.scope = "//evil.example"
        let sent = try driver.complete(hinted)
        try driver.assertRefused(sent, reason: "access_denied")
        XCTAssertFalse(sent.redirectUrl.contains("evil"))
        let clientState = try driver.startState("biz_1", flow: .clientPortal)
        try driver.assertRefused(
            try driver.complete(.init(state: "https://evil.example/?" + clientState)),
            reason: "forged_state")
        try driver.assertRefused(
            try driver.complete(.init(state: clientState, error: "access_denied")),
            reason: "access_denied", page: ConnectDriver.clientPage)
    }

    /// Swaps the business inside a signed state's payload, keeping the old signature.
    private func retarget(_ token: String, to business: String) throws -> String {
        let parts = token.split(separator: ".").map(String.init)
        let payload = try XCTUnwrap(
            Base64URL.decode(parts[0]).map { String(decoding: $0, as: UTF8.self) })
        var fields = payload.split(separator: ".").map(String.init)
        fields[1] = Base64URL.encode(Array(business.utf8))
        return Base64URL.encode(Array(fields.joined(separator: ".").utf8)) + "." + parts[1]
    }
}
