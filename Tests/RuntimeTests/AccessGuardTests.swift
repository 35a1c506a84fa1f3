import AccessControl
import BridgeRPC
import XCTest

final class AccessGuardTests: XCTestCase {
    private let key = "grant-key-for-tests-0123456789abcdef"
    private let now: Int64 = 1_800_000_000

    private func context(_ metadata: [String: String]) -> CallContext {
        CallContext(method: "/t/T", metadata: metadata)
    }

    private func denial(_ metadata: [String: String], business: String = "biz", clientRoute: Bool = false) -> String? {
        let guardian = AccessGuard(key: key, clock: { [now] in now })
        do {
            try guardian.require(context(metadata), businessID: business, clientRoute: clientRoute)
            return nil
        } catch let error as RPCError {
            XCTAssertEqual(error.code, .permissionDenied)
            return error.message
        } catch {
            return "\(error)"
        }
    }

    private func grant(
        business: String = "biz", role: AccessGrant.Role = .agency, validFor: Int64 = 300, key: String? = nil
    ) -> [String: String] {
        AccessGuard.metadata(
            userID: "u1", businessID: business, role: role, key: key ?? self.key, validFor: validFor, now: now)
    }

    func testAGrantOpensItsOwnBusinessOnly() {
        XCTAssertNil(denial(grant()))
        XCTAssertNotNil(denial(grant(business: "other")))
        XCTAssertNotNil(denial([:]))
    }

    func testClientGrantsReachOnlyClientRoutes() {
        XCTAssertNil(denial(grant(role: .client), clientRoute: true))
        XCTAssertNotNil(denial(grant(role: .client), clientRoute: false))
    }

    func testForgedExpiredAndOverlongGrantsAreRefused() {
        XCTAssertNotNil(denial(grant(key: "another-key-0123456789abcdef012345")))
        XCTAssertNotNil(denial(grant(validFor: -1)))
        XCTAssertEqual(
            denial(grant(validFor: 100 * 365 * 86_400)),
            "the access grant is valid for more than a day; the main application signs short-lived grants"
        )
        var tampered = grant()
        tampered[AccessGrant.metadataKey]?.removeFirst()
        XCTAssertNotNil(denial(tampered))
    }
}
