import BridgeLog
import Foundation

/// Serves calls on a Unix socket: one reader thread per connection, which runs a call itself when
/// it is the connection's only one, and a fixed worker pool for calls that overlap (so one
/// connection can have many calls in flight); answers written whole.
///
/// Register handlers before `start()`. A stopped server cannot be started again; make a new one.
public final class RPCServer: Sendable {
    /// Turns request bytes into answer bytes. Throw `RPCError` to choose the status; any other
    /// error becomes INTERNAL without its description crossing the socket.
    public typealias Handler = @Sendable ([UInt8], CallContext) throws -> [UInt8]

    struct State {
        var listener: UnixSocket?
        var connections: [ObjectIdentifier: ServerConnection] = [:]
        var startedAt: ContinuousClock.Instant?
        var accepting = false
        var stopped = false
        /// Connections refused at the connection limit, warned about at most every 10 s.
        var refusals = WarningThrottle(interval: .seconds(10))
    }

    public let socketPath: String
    public let serviceName: String
    public let limits: Limits
    let logger: Logger
    let maxFrameBytes: Int
    let pool: WorkerPool
    let handlers = Locked<[String: Handler]>([:])
    let state: Locked<State>
    let watcher: InlineCallWatcher

    public init(
        socketPath: String, serviceName: String, logger: Logger, maxFrameBytes: Int = 4 << 20,
        workers: Int = 8, limits: Limits = Limits()
    ) {
        self.socketPath = socketPath
        self.serviceName = serviceName
        self.logger = logger.with(["rpc.service": serviceName])
        self.maxFrameBytes = maxFrameBytes
        self.limits = limits
        self.pool = WorkerPool(name: serviceName, threads: workers)
        let state = Locked(State())
        self.state = state
        self.watcher = InlineCallWatcher(threadName: serviceName) {
            state.withLock { Array($0.connections.values) }
        }
        register(HealthMessages.checkMethod) { [state, serviceName] request, _ in
            let startedAt = state.withLock { $0.startedAt } ?? .now
            return try HealthService.check(request: request, serviceName: serviceName, startedAt: startedAt)
        }
    }

    /// Routes `method` (e.g. `/stripebridge.revenue.v1.RevenueQuery/Summary`) to `handler`,
    /// replacing any earlier handler for it.
    public func register(_ method: String, _ handler: @escaping Handler) {
        handlers.withLock { $0[method] = handler }
    }

    /// How long the server has been serving; zero before `start()`.
    public var uptime: Duration {
        state.withLock { $0.startedAt }.map { .now - $0 } ?? .zero
    }

    /// Binds the socket (owner-only, mode 0600) and starts accepting.
    /// - Throws: `ServerStartError` when the server was stopped or another server is live on the
    ///   path; `SystemCallError` when the socket cannot be made there.
    public func start() throws {
        guard !state.withLock({ $0.stopped || $0.listener != nil }) else {
            throw ServerStartError(
                socketPath: socketPath, reason: "this server was already started; make a new one")
        }
        signal(SIGPIPE, SIG_IGN)  // sends use MSG_NOSIGNAL; this also covers any other write
        try removeStaleSocket()
        let listener = try UnixSocket.listen(path: socketPath, backlog: 128)
        guard chmod(socketPath, 0o600) == 0 else {
            let code = errno
            listener.close()
            unlink(socketPath)
            throw SystemCallError(function: "chmod", errno: code, context: socketPath)
        }
        state.withLock {
            $0.listener = listener
            $0.startedAt = .now
            $0.accepting = true
        }
        pool.start()
        watcher.start()
        let thread = Thread { [self] in acceptLoop(listener) }
        thread.name = "\(serviceName)-accept"
        thread.start()
        logger.debug("rpc server listening", ["rpc.socket": socketPath])
    }

    /// A socket file left by a process that died is removed; a live server there is an error.
    private func removeStaleSocket() throws {
        var status = stat()
        guard lstat(socketPath, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFSOCK else {
            throw ServerStartError(
                socketPath: socketPath,
                reason: "the path exists and is not a socket; remove it or choose another")
        }
        if let live = try? UnixSocket.connect(path: socketPath) {
            live.close()
            throw ServerStartError(
                socketPath: socketPath, reason: "another server is already listening there; stop it first")
        }
        unlink(socketPath)
    }

    /// Stops accepting, lets calls in flight finish (up to `limits.drainTimeout`), closes every
    /// connection and removes the socket file. Safe to call more than once.
    public func stop() {
        let (listener, connections) = state.withLock { state in
            let result = (state.listener, Array(state.connections.values))
            if !state.stopped { state.stopped = true }
            state.listener = nil
            return result
        }
        guard let listener else { return }
        listener.shutdown()
        for connection in connections { connection.drain() }
        let deadline = Date().addingTimeInterval(limits.drainTimeout.seconds + 1)
        let drained =
            state.wait(
                until: { !$0.accepting && $0.connections.isEmpty }, deadline: deadline
            ) { _ in true } ?? false
        if !drained {
            // Calls that outlived the drain bound lose their connection; their answers are dropped.
            for connection in state.withLock({ Array($0.connections.values) }) {
                connection.socket.shutdown()
            }
            logger.warning("rpc server stopped before every call finished", ["rpc.socket": socketPath])
        }
        watcher.stop()
        pool.stop(timeout: .seconds(1))
        unlink(socketPath)
        logger.debug("rpc server stopped", ["rpc.socket": socketPath])
    }
}
