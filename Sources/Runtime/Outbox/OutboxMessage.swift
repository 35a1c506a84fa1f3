import BridgeStore

/// A fact another context must not miss, waiting in the sender's own SQLite file.
public struct OutboxMessage: Sendable, Equatable {
    public let sequence: Int64
    /// Full RPC method name the message is delivered to.
    public let method: String
    public let payload: [UInt8]
    /// The business it concerns, for logs and for waiting on a business's deliveries.
    public let businessID: String
}
