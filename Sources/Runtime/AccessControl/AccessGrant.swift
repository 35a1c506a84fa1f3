import BridgeCrypto
import Foundation

/// What the main application vouches for when it calls a business-scoped method: this user
/// may act for this business, as agency staff or as the business's own client, until a time.
///
/// Travels in the call's metadata under `grant` as `base64url(payload).hex(hmac-sha256)`,
/// signed with the key shared with the main application (`STRIPEBRIDGE_GRANT_KEY`).
public struct AccessGrant: Sendable, Equatable {
    public static let metadataKey = "grant"

    public enum Role: String, Sendable {
        /// Agency staff: every route of the business.
        case agency
        /// The business's own client: only the client routes of that business.
        case client
    }

    public var userID: String
    public var businessID: String
    public var role: Role
    public var expiresAt: Int64

    public init(userID: String, businessID: String, role: Role, expiresAt: Int64) {
        self.userID = userID
        self.businessID = businessID
        self.role = role
        self.expiresAt = expiresAt
    }

    public func signed(key: [UInt8]) -> String {
        let fields = ["v1", userID, businessID, role.rawValue, String(expiresAt)]
        let body = Base64URL.encode(Array(fields.map { Base64URL.encode(Array($0.utf8)) }.joined(separator: ".").utf8))
        return body + "." + Hex.encode(HMAC.sha256(key: key, message: Array(body.utf8)))
    }

    /// Why a grant was refused; the text is safe to return to the caller.
    public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        case missing, malformed, badSignature, expired

        public var description: String {
            switch self {
            case .missing: "the call carries no access grant (metadata \"grant\")"
            case .malformed: "the access grant is malformed"
            case .badSignature: "the access grant's signature does not match"
            case .expired: "the access grant has expired"
            }
        }
    }

    public static func verify(_ token: String, key: [UInt8], now: Int64) throws(Rejection) -> AccessGrant {
        guard let dot = token.lastIndex(of: ".") else { throw .malformed }
        let body = String(token[..<dot])
        guard let signature = Hex.decode(String(token[token.index(after: dot)...])) else { throw .malformed }
        guard ConstantTime.equals(signature, HMAC.sha256(key: key, message: Array(body.utf8))) else {
            throw .badSignature
        }
        guard let decoded = Base64URL.decode(body), let payload = String(bytes: decoded, encoding: .utf8) else {
            throw .malformed
        }
        let fields = payload.split(separator: ".", omittingEmptySubsequences: false).map { part in
            Base64URL.decode(String(part)).flatMap { String(bytes: $0, encoding: .utf8) }
        }
        guard fields.count == 5, fields[0] == "v1", let user = fields[1], let business = fields[2],
            let role = fields[3].flatMap(Role.init(rawValue:)), let expiry = fields[4].flatMap({ Int64($0) })
        else { throw .malformed }
        guard now <= expiry else { throw .expired }
        return AccessGrant(userID: user, businessID: business, role: role, expiresAt: expiry)
    }
}
