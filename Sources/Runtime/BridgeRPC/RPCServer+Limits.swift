extension RPCServer {
    /// Caps that keep a flood of connections or calls from exhausting memory or threads.
    public struct Limits: Sendable {
        /// Connections beyond this are accepted and closed at once; a warning (at most one per
        /// 10 s, with the count since the last) says callers are being refused.
        public var maxConnections = 256
        /// A connection's reader stops reading once this many of its calls are unanswered.
        public var maxCallsInFlightPerConnection = 64
        /// Requests with more metadata entries than this are refused with INVALID_ARGUMENT.
        public var maxMetadataEntries = 64
        /// How long `stop()` lets calls in flight finish before closing their connections.
        public var drainTimeout: Duration = .seconds(5)
        /// A peer that does not read its answers for this long is disconnected.
        public var sendTimeout: Duration = .seconds(5)
        /// A connection with no call in flight that sends nothing for this long is closed (its
        /// client reconnects on its next call), so idle sockets cannot hold every slot.
        public var idleTimeout: Duration = .seconds(60)
        /// A frame whose first bytes arrived must be complete within this, or the connection
        /// is closed: a peer trickling bytes cannot hold a reader forever.
        public var frameTimeout: Duration = .seconds(10)

        public init() {}
    }
}
