import BridgeCrypto
import StripeWebhooks
import XCTest

/// S14: Stripe-Signature checks over the raw body, with rotated secrets and a tolerance.
final class ConnectWebhookSignatureTests: XCTestCase {
    private let body = Array(#"{"id":"evt_1","type":"account.application.deauthorized"}"#.utf8)
    private let oldSecret = "whsec_old"
    private let newSecret = "whsec_new"
    private let signedAt: Int64 = 1_700_000_400

    private func v1(_ payload: [UInt8], _ secret: String) -> String {
        Hex.encode(HMAC.sha256(key: Array(secret.utf8), message: Array("\(signedAt).".utf8) + payload))
    }

    private var rotatedHeader: String {
        "t=\(signedAt),v1=\(v1(body, oldSecret)),v1=\(v1(body, newSecret)),v0=\(v1(body, "whsec_test"))"
    }

    func testAnyV1MatchingTheConfiguredSecretIsAcceptedWithinTolerance() throws {
        let timestamp = try WebhookSignature.verify(
            payload: body, header: rotatedHeader, secrets: [newSecret], now: 1_700_000_450
        )
        XCTAssertEqual(timestamp, signedAt)
        XCTAssertNoThrow(
            try WebhookSignature.verify(
                payload: Data(body), header: rotatedHeader, secrets: [newSecret],
                now: 1_700_000_450))
    }

    func testABodyWithDifferentWhitespaceIsRejected() {
        let reformatted = Array(#"{"id": "evt_1", "type": "account.application.deauthorized"}"#.utf8)
        assertRejected(
            payload: reformatted, header: rotatedHeader, now: 1_700_000_450, as: .signatureMismatch)
    }

    func testAStaleTimestampIsRejected() {
        assertRejected(
            payload: body, header: rotatedHeader, now: 1_700_000_800,
            as: .timestampOutsideTolerance(age: 400, tolerance: 300)
        )
    }

    func testATimestampAtTheEdgeOfInt64IsRejectedNotACrash() {
        let edge = Int64.min
        let signature = Hex.encode(HMAC.sha256(key: Array(newSecret.utf8), message: Array("\(edge).".utf8) + body))
        assertRejected(
            payload: body, header: "t=\(edge),v1=\(signature)", now: 1_700_000_450,
            as: .timestampOutsideTolerance(age: .max, tolerance: 300)
        )
    }

    func testAHeaderWithoutV1IsRejected() {
        assertRejected(
            payload: body, header: "t=\(signedAt)", now: 1_700_000_450, as: .missingV1Signature)
    }

    func testOnlyAMatchingV0IsRejected() {
        let header = "t=\(signedAt),v0=\(v1(body, newSecret)),v1=\(v1(body, "whsec_someone_else"))"
        assertRejected(payload: body, header: header, now: 1_700_000_450, as: .signatureMismatch)
        let onlyV0 = "t=\(signedAt),v0=\(v1(body, newSecret))"
        assertRejected(payload: body, header: onlyV0, now: 1_700_000_450, as: .missingV1Signature)
    }

    func testNoHeaderIsRejected() {
        assertRejected(payload: body, header: nil, now: 1_700_000_450, as: .missingHeader)
        assertRejected(payload: body, header: "", now: 1_700_000_450, as: .missingHeader)
        assertRejected(
            payload: body, header: "v1=\(v1(body, newSecret))", now: 1_700_000_450, as: .malformedHeader)
    }

    func testNoSecretConfiguredIsRejected() {
        assertRejected(
            payload: body, header: rotatedHeader, now: 1_700_000_450, secrets: [""],
            as: .noSecretConfigured)
    }

    func testTheHeaderBuilderMatchesTheVerifier() throws {
        let header = WebhookSignature.header(payload: body, secret: newSecret, timestamp: signedAt)
        XCTAssertEqual(
            try WebhookSignature.verify(
                payload: body, header: header, secrets: [newSecret], now: signedAt),
            signedAt)
    }

    func testRejectionsNeverQuoteTheSignature() {
        let signature = v1(body, newSecret)
        for rejection: WebhookSignature.Rejection in [
            .missingHeader, .malformedHeader, .missingV1Signature, .noSecretConfigured,
            .signatureMismatch,
            .timestampOutsideTolerance(age: 1, tolerance: 300),
        ] {
            XCTAssertFalse(rejection.description.contains(signature))
            XCTAssertFalse(rejection.description.contains(newSecret))
        }
    }

    private func assertRejected(
        payload: [UInt8], header: String?, now: Int64, secrets: [String]? = nil,
        as expected: WebhookSignature.Rejection, line: UInt = #line
    ) {
        XCTAssertThrowsError(
            try WebhookSignature.verify(
                payload: payload, header: header, secrets: secrets ?? [newSecret], now: now),
            line: line
        ) { XCTAssertEqual($0 as? WebhookSignature.Rejection, expected, line: line) }
    }
}
