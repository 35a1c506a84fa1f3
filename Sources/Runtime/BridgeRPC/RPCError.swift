/// A failed call: what the server (or the client runtime) reports back to the caller.
///
/// `message` crosses the socket, so it must never hold secrets, emails or card data.
/// `cause` is a local description for logs and is never sent.
public struct RPCError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: StatusCode
    public var message: String
    public var cause: String?

    public init(_ code: StatusCode, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// `INVALID_ARGUMENT: amount must be positive (cause: …)`.
    public var description: String {
        var text = "\(code.name): \(message)"
        if let cause { text += " (cause: \(cause))" }
        return text
    }

    public static func invalidArgument(_ message: String) -> RPCError {
        RPCError(.invalidArgument, message)
    }
    public static func notFound(_ message: String) -> RPCError { RPCError(.notFound, message) }
    public static func permissionDenied(_ message: String) -> RPCError {
        RPCError(.permissionDenied, message)
    }
    public static func failedPrecondition(_ message: String) -> RPCError {
        RPCError(.failedPrecondition, message)
    }
    public static func unavailable(_ message: String) -> RPCError { RPCError(.unavailable, message) }
    public static func `internal`(_ message: String) -> RPCError { RPCError(.internal, message) }
}
