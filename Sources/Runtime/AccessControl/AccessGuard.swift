import BridgeRPC
import Foundation

/// Checks, in a business-scoped call, that the caller's grant covers that business.
///
/// Calls between the contexts themselves (outbox deliveries, link lookups) are not
/// business-scoped in this sense and do not pass through here; the sockets are only reachable
/// by the service user (mode 0600).
public struct AccessGuard: Sendable {
    /// Grants are per request or session: one valid longer than this is refused, so a leaked
    /// grant cannot serve for years.
    public static let longestGrantSeconds: Int64 = 24 * 3600

    private let key: [UInt8]
    private let clock: @Sendable () -> Int64

    public init(key: String, clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.key = Array(key.utf8)
        self.clock = clock
    }

    /// The grant of the call if it allows acting for `businessID`; PERMISSION_DENIED otherwise.
    /// `clientRoute` marks the operations a client-role grant may use (connect URL, status, disconnect).
    @discardableResult
    public func require(_ context: CallContext, businessID: String, clientRoute: Bool = false) throws -> AccessGrant {
        guard let token = context.metadata[AccessGrant.metadataKey], !token.isEmpty else {
            throw RPCError.permissionDenied(AccessGrant.Rejection.missing.description)
        }
        let grant: AccessGrant
        do {
            grant = try AccessGrant.verify(token, key: key, now: clock())
        } catch {
            throw RPCError.permissionDenied(error.description)
        }
        guard grant.expiresAt - clock() <= Self.longestGrantSeconds else {
            throw RPCError.permissionDenied(
                "the access grant is valid for more than a day; the main application signs short-lived grants")
        }
        guard grant.businessID == businessID else {
            throw RPCError.permissionDenied("the access grant is for another business than \(businessID)")
        }
        guard grant.role == .agency || clientRoute else {
            throw RPCError.permissionDenied("a client grant reaches only the client routes of its own business")
        }
        return grant
    }

    /// Metadata carrying a fresh grant, for callers and tests holding the shared key.
    public static func metadata(
        userID: String, businessID: String, role: AccessGrant.Role, key: String, validFor seconds: Int64 = 300,
        now: Int64 = Int64(Date().timeIntervalSince1970)
    ) -> [String: String] {
        let grant = AccessGrant(userID: userID, businessID: businessID, role: role, expiresAt: now + seconds)
        return [AccessGrant.metadataKey: grant.signed(key: Array(key.utf8))]
    }
}
