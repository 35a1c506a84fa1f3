/// A failed Stripe call: what kind of failure, and what Stripe said about it.
///
/// Holds the request path without its query string, and never the key or the request body.
public struct StripeError: Error, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// 429 after the retry budget ran out.
        case rateLimited
        /// 5xx after the retry budget ran out.
        case server
        /// No HTTP response: connection refused, timeout, TLS failure.
        case network
        /// Any other 4xx: a bad parameter, a missing resource referenced in the body, …
        case invalidRequest
        /// 401: the secret key is wrong or revoked.
        case authentication
        /// 403: the key may not act on this account; often a disconnected account.
        case permission
        /// 404: no such object or endpoint.
        case notFound
        /// 409 or `idempotency_error`: the idempotency key was reused with other parameters.
        case idempotency
        /// A Connect OAuth error (`invalid_grant`, …); `code` holds it.
        case oauth
        /// A 2xx whose body is not the JSON expected.
        case decoding
    }

    public let kind: Kind
    /// HTTP status, 0 when no response arrived.
    public let status: Int
    /// Stripe's `error.type` (`invalid_request_error`, `card_error`, …).
    public let type: String?
    /// Stripe's `error.code`, or the OAuth error string.
    public let code: String?
    public let message: String
    public let requestID: String?
    /// The request path without the query string.
    public let path: String

    public init(
        kind: Kind, status: Int, type: String? = nil, code: String? = nil,
        message: String, requestID: String? = nil, path: String
    ) {
        self.kind = kind
        self.status = status
        self.type = type
        self.code = code
        self.message = message
        self.requestID = requestID
        self.path = path
    }

    /// True for failures a later attempt might not hit: rate limits, 5xx and network errors.
    public var isTransient: Bool {
        kind == .rateLimited || kind == .server || kind == .network
    }

    public var description: String {
        var text = "Stripe call \(path) failed (\(kind)"
        if status > 0 { text += ", HTTP \(status)" }
        if let type { text += ", \(type)" }
        if let code { text += ", \(code)" }
        text += "): \(message)"
        if let requestID { text += " [request \(requestID)]" }
        return text
    }
}
