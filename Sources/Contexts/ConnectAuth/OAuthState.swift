import BridgeCrypto
import Contracts
import Foundation

/// The `state` of a Connect OAuth round trip: which business, which flow, a single-use nonce
/// and an expiry, signed with HMAC-SHA256 so a callback cannot be forged or retargeted.
///
/// Encoded as `base64url(payload).hex(hmac)`; the client-portal flow adds the `forclient:`
/// prefix the original system used, which is covered by the signature too.
public struct OAuthState: Sendable, Equatable {
    public static let clientPrefix = "forclient:"

    public var businessID: String
    public var flow: ConnectV1.Flow
    public var nonce: String
    public var expiresAt: Int64

    public init(businessID: String, flow: ConnectV1.Flow, nonce: String, expiresAt: Int64) {
        self.businessID = businessID
        self.flow = flow
        self.nonce = nonce
        self.expiresAt = expiresAt
    }

    /// Why a state was refused; each maps to its own reason code on the error redirect.
    public enum Rejection: String, Error, Sendable {
        case malformed = "invalid_state"
        case badSignature = "forged_state"
        case expired = "expired_state"
    }

    public func signed(key: [UInt8]) -> String {
        let payload = ["v1", Base64URL.encode(Array(businessID.utf8)), flowCode, nonce, String(expiresAt)]
            .joined(separator: ".")
        let body = Base64URL.encode(Array(payload.utf8))
        let token = prefix + body + "." + Hex.encode(HMAC.sha256(key: key, message: Array((prefix + body).utf8)))
        return token
    }

    /// Checks the signature first, then the shape, then the expiry against `now`.
    public static func verify(_ token: String, key: [UInt8], now: Int64) throws(Rejection) -> OAuthState {
        guard let dot = token.lastIndex(of: ".") else { throw .malformed }
        let signedPart = String(token[..<dot])
        guard let signature = Hex.decode(String(token[token.index(after: dot)...])) else { throw .malformed }
        let expected = HMAC.sha256(key: key, message: Array(signedPart.utf8))
        guard ConstantTime.equals(signature, expected) else { throw .badSignature }
        let isClient = signedPart.hasPrefix(clientPrefix)
        let body = isClient ? String(signedPart.dropFirst(clientPrefix.count)) : signedPart
        guard let payloadBytes = Base64URL.decode(body), let payload = String(bytes: payloadBytes, encoding: .utf8)
        else { throw .malformed }
        let parts = payload.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == "v1",
            let businessBytes = Base64URL.decode(parts[1]),
            let businessID = String(bytes: businessBytes, encoding: .utf8),
            let expiresAt = Int64(parts[4]), !parts[3].isEmpty
        else { throw .malformed }
        let flow: ConnectV1.Flow = parts[2] == "c" ? .clientPortal : .agency
        guard (flow == .clientPortal) == isClient else { throw .malformed }
        guard now <= expiresAt else { throw .expired }
        return OAuthState(businessID: businessID, flow: flow, nonce: parts[3], expiresAt: expiresAt)
    }

    private var flowCode: String { flow == .clientPortal ? "c" : "a" }
    private var prefix: String { flow == .clientPortal ? Self.clientPrefix : "" }
}
