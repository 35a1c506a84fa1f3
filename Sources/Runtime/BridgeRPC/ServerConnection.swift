import BridgeLog
import Foundation

/// One accepted client: its socket, the thread holding its read role, and its unanswered calls.
///
/// A request that arrives while the connection has no other call in flight (and nothing else
/// buffered) runs inline on the reading thread, which then writes the answer itself: no thread
/// hand-off on the common one-call-at-a-time path. Further requests go to the worker pool. While
/// an inline call runs nobody reads; `InlineCallWatcher` gives the read role to a fresh thread
/// when such a call runs for more than a tick and more bytes are waiting, so a slow handler never
/// holds up the connection's other calls.
final class ServerConnection: Sendable {
    private struct State {
        var callsInFlight = 0
        var draining = false
        /// The reading thread is running a handler inline; nobody reads until it returns.
        var readerParked = false
        /// Counts inline calls, so the watcher can tell a long one from a series of short ones.
        var inlineSerial: UInt64 = 0
    }

    /// How a stretch of reading ended.
    private enum ReadEnd {
        case endOfStream, protocolViolation, roleTaken
    }

    let socket: UnixSocket
    private let state = Locked(State())
    private let limits: RPCServer.Limits
    private let reader: FrameReader
    private let logger: Logger
    private let pool: WorkerPool
    private let watcher: InlineCallWatcher
    private let serve: @Sendable (DecodedEnvelope) -> [UInt8]
    private let ended: @Sendable (ServerConnection) -> Void

    /// - Parameters:
    ///   - serve: answers one request (or refuses an invalid one) with the whole answer frame.
    ///   - ended: runs once, after the socket is closed.
    init(
        socket: UnixSocket, limits: RPCServer.Limits, maxFrameBytes: Int, logger: Logger,
        pool: WorkerPool, watcher: InlineCallWatcher,
        serve: @escaping @Sendable (DecodedEnvelope) -> [UInt8],
        ended: @escaping @Sendable (ServerConnection) -> Void
    ) {
        self.socket = socket
        self.limits = limits
        self.reader = FrameReader(maximumFrameBytes: maxFrameBytes)
        self.logger = logger
        self.pool = pool
        self.watcher = watcher
        self.serve = serve
        self.ended = ended
    }

    /// Starts the thread that reads this connection's requests.
    func startReading(threadName: String) {
        let thread = Thread { [self] in readUntilEnd() }
        thread.name = threadName
        thread.start()
    }

    /// Reads and serves requests until the peer leaves, breaks the protocol, or the server
    /// drains; then lets answers in flight go out, closes the socket and calls `ended`. Returns
    /// early, leaving all of that to the new holder, when the read role was taken over.
    private func readUntilEnd() {
        let end = readFrames()
        if end == .roleTaken { return }
        if end == .endOfStream {
            // Let answers already being computed go out, within the drain bound.
            let deadline = Date().addingTimeInterval(limits.drainTimeout.seconds)
            _ = state.wait(until: { $0.callsInFlight == 0 }, deadline: deadline) { _ in () }
        }
        socket.close()
        ended(self)
    }

    private func readFrames() -> ReadEnd {
        while true {
            let midFrame = reader.bufferedByteCount > 0
            let wait = midFrame ? limits.frameTimeout : limits.idleTimeout
            switch reader.receive(from: socket, within: wait.seconds) {
            case .bytes:
                break
            case .ended:
                return .endOfStream
            case .timedOut:
                if midFrame {
                    logger.debug("closing connection: a frame was not completed in time")
                    return .protocolViolation
                }
                if state.withLock({ $0.callsInFlight == 0 }) {
                    logger.debug("closing idle connection")
                    return .endOfStream
                }
                continue
            }
            do {
                while let decoded = try reader.nextEnvelope() {
                    guard decoded.kind == .request else {
                        logger.debug("closing connection: a client sent a response envelope")
                        return .protocolViolation
                    }
                    switch acquireCallSlot(inlineAllowed: reader.bufferedByteCount == 0) {
                    case .refused:
                        return .endOfStream
                    case .pooled:
                        pool.submit { [self] in finishCall(answer: serve(decoded)) }
                    case .inline:
                        watcher.inlineCallStarted()
                        if !finishInlineCall(answer: serve(decoded)) { return .roleTaken }
                    }
                }
            } catch {
                logger.debug("closing connection: \(error)")
                return .protocolViolation
            }
        }
    }

    private enum Slot {
        case inline, pooled, refused
    }

    /// Waits for a free slot among this connection's calls in flight; refused once draining.
    private func acquireCallSlot(inlineAllowed: Bool) -> Slot {
        let cap = limits.maxCallsInFlightPerConnection
        return state.wait(until: { $0.callsInFlight < cap || $0.draining }) { state in
            guard !state.draining else { return .refused }
            defer { state.callsInFlight += 1 }
            guard inlineAllowed, state.callsInFlight == 0 else { return .pooled }
            state.readerParked = true
            state.inlineSerial &+= 1
            return .inline
        } ?? .refused
    }

    /// Sends an inline call's answer. - Returns: whether this thread still holds the read role.
    private func finishInlineCall(answer: [UInt8]) -> Bool {
        send(answer)
        return state.update { state in
            state.callsInFlight -= 1
            defer { state.readerParked = false }
            return state.readerParked
        }
    }

    /// Sends one pooled answer and frees its slot.
    private func finishCall(answer: [UInt8]) {
        send(answer)
        state.update { $0.callsInFlight -= 1 }
    }

    private func send(_ answer: [UInt8]) {
        if !socket.send(answer) {
            // The peer left or stopped reading; nothing more can reach it.
            socket.shutdown()
        }
    }

    /// The serial of the inline call now running, nil when none is.
    var parkedInlineSerial: UInt64? {
        state.withLock { $0.readerParked ? $0.inlineSerial : nil }
    }

    /// Hands the read role to a new thread when inline call `serial` is still running and a
    /// request is waiting behind it. - Returns: whether a new reader was started.
    @discardableResult
    func takeOverReading(ifStillParkedAt serial: UInt64, threadName: String) -> Bool {
        let taken = state.withLock { state in
            // Checked under the lock: while parked, the inline thread cannot close the socket.
            guard state.readerParked, state.inlineSerial == serial, !state.draining,
                socket.hasBytesWaiting()
            else { return false }
            state.readerParked = false
            return true
        }
        if taken { startReading(threadName: threadName) }
        return taken
    }

    /// Stops reading new requests; calls in flight still answer.
    func drain() {
        state.update { $0.draining = true }
        socket.shutdownReading()
    }
}
