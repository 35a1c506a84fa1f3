import Foundation

/// What a handler knows about the call it is answering, besides the request bytes.
public struct CallContext: Sendable {
    /// Full method name, e.g. `/stripebridge.health.v1.Health/Check`.
    public let method: String
    public let metadata: [String: String]
    /// When the caller stops waiting; nil when it set no deadline.
    public let deadline: ContinuousClock.Instant?
    /// Metadata `request-id`, or a fresh id when the caller sent none.
    public let requestID: String
    /// Metadata `caller`: the name the calling service gave itself; empty when absent.
    public let caller: String

    public init(
        method: String, metadata: [String: String] = [:], deadline: ContinuousClock.Instant? = nil
    ) {
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
        self.requestID =
            metadata[MetadataKey.requestID].flatMap { $0.isEmpty ? nil : $0 } ?? Self.newRequestID()
        self.caller = metadata[MetadataKey.caller] ?? ""
    }

    /// Time left before the deadline (zero once it has passed); nil when there is none.
    public var remaining: Duration? {
        deadline.map { max(.zero, $0 - .now) }
    }

    /// Whether the deadline has passed.
    public var isExpired: Bool {
        deadline.map { $0 <= .now } ?? false
    }

    /// Metadata to pass on when this handler calls another service: the same request id.
    public var forwardedMetadata: [String: String] {
        [MetadataKey.requestID: requestID]
    }

    /// 16 hex digits; unique enough to correlate log lines across services.
    static func newRequestID() -> String {
        let hex = String(RequestIDSource.shared.next(), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Metadata keys the runtime itself reads.
public enum MetadataKey {
    public static let requestID = "request-id"
    public static let caller = "caller"
}
