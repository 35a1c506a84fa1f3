import BridgeCrypto
import Foundation

/// Checks Stripe's `Stripe-Signature` header (`t=…,v1=…[,v1=…][,v0=…]`) against the raw body.
///
/// The signed payload is `t + "." + body`; the expected signature is the hex HMAC-SHA256 of it
/// keyed with an endpoint secret. Any `v1` matching any configured secret is accepted (secrets
/// and signatures are rolled), compared in constant time; `v0` and unknown schemes are ignored.
/// The timestamp must lie within `tolerance` seconds of `now`, in either direction.
public enum WebhookSignature {
    /// Stripe's default tolerance between the signed timestamp and the clock.
    public static let defaultTolerance: Int64 = 300

    /// Why a delivery was refused. Descriptions never include the body, secrets or signatures.
    public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        case missingHeader
        case malformedHeader
        case missingV1Signature
        case noSecretConfigured
        case signatureMismatch
        case timestampOutsideTolerance(age: Int64, tolerance: Int64)

        public var description: String {
            switch self {
            case .missingHeader:
                "the Stripe-Signature header is missing; only Stripe's signed deliveries are accepted"
            case .malformedHeader:
                "the Stripe-Signature header has no valid t=<unix seconds>; it must look like t=…,v1=…"
            case .missingV1Signature:
                "the Stripe-Signature header carries no v1 signature; only the v1 scheme is accepted"
            case .noSecretConfigured:
                "no webhook signing secret is configured; set the endpoint's whsec_… secret"
            case .signatureMismatch:
                "no v1 signature matches a configured secret; check the endpoint secret and that "
                    + "the body is passed unmodified"
            case .timestampOutsideTolerance(let age, let tolerance):
                "the signature timestamp is \(age) s from now, beyond the \(tolerance) s tolerance; "
                    + "the delivery is stale or replayed"
            }
        }
    }

    /// Verifies `header` for the raw `payload` bytes and returns the signed timestamp.
    /// - Parameters:
    ///   - secrets: every endpoint secret currently valid (more than one while rotating).
    ///   - now: the clock in Unix seconds.
    ///   - tolerance: must be positive; a zero tolerance would disable the replay check.
    @discardableResult
    public static func verify(
        payload: [UInt8], header: String?, secrets: [String], now: Int64,
        tolerance: Int64 = defaultTolerance
    ) throws(Rejection) -> Int64 {
        precondition(
            tolerance > 0, "webhook tolerance must be positive; 0 would disable the replay check")
        guard let header, !header.isEmpty else { throw .missingHeader }
        let parsed = try SignatureHeader.parse(header)
        guard !parsed.v1.isEmpty else { throw .missingV1Signature }
        let keys = secrets.filter { !$0.isEmpty }
        guard !keys.isEmpty else { throw .noSecretConfigured }
        let signedPayload = Array("\(parsed.timestamp).".utf8) + payload
        var matched = false
        for secret in keys {
            let expected = HMAC.sha256(key: Array(secret.utf8), message: signedPayload)
            // Every candidate is compared so the time taken does not reveal which one matched.
            for candidate in parsed.v1 where ConstantTime.equals(candidate, expected) { matched = true }
        }
        guard matched else { throw .signatureMismatch }
        // Compared without subtracting first: a signed `t` near Int64's limits must not overflow.
        let (age, overflowed) = now.subtractingReportingOverflow(parsed.timestamp)
        guard !overflowed, age.magnitude <= tolerance.magnitude else {
            throw .timestampOutsideTolerance(age: overflowed ? .max : age, tolerance: tolerance)
        }
        return parsed.timestamp
    }

    /// The same check for a body held as `Data`.
    @discardableResult
    public static func verify(
        payload: Data, header: String?, secrets: [String], now: Int64,
        tolerance: Int64 = defaultTolerance
    ) throws(Rejection) -> Int64 {
        try verify(
            payload: [UInt8](payload), header: header, secrets: secrets, now: now, tolerance: tolerance)
    }

    /// The header value Stripe would send for `payload` at `timestamp`; for tests and emulators.
    public static func header(payload: [UInt8], secret: String, timestamp: Int64) -> String {
        let signature = HMAC.sha256(
            key: Array(secret.utf8), message: Array("\(timestamp).".utf8) + payload)
        return "t=\(timestamp),v1=\(Hex.encode(signature))"
    }
}
