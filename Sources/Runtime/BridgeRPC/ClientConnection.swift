import BridgeLog
import Foundation

/// One open connection of an `RPCClient`: a socket and the callers it owes answers to.
///
/// No thread of its own: callers take turns reading (leader/follower). The caller holding the
/// read role reads frames and hands each answer to its owner until its own arrives, then passes
/// the role to another waiting caller. A lone caller thus reads its own answer, with no thread
/// hand-off at all.
final class ClientConnection: Sendable {
    private struct State {
        var pending: [UInt64: PendingCall] = [:]
        /// Set once the connection is unusable; every later call on it fails with it.
        var failure: RPCError?
        /// The call whose caller holds the read role; nil while nobody reads.
        var readerCallID: UInt64?
        var socketClosed = false
    }

    let socket: UnixSocket
    private let socketPath: String
    private let state = Locked(State())
    private let reader: FrameReader
    private let logger: Logger?

    init(socket: UnixSocket, socketPath: String, maxFrameBytes: Int, logger: Logger?) {
        self.socket = socket
        self.socketPath = socketPath
        self.reader = FrameReader(maximumFrameBytes: maxFrameBytes)
        self.logger = logger
    }

    var isUsable: Bool { state.withLock { $0.failure == nil } }

    /// Records a caller before its request is sent; false when the connection already failed.
    func expect(_ callID: UInt64, _ call: PendingCall) -> Bool {
        state.withLock { state in
            guard state.failure == nil else { return false }
            state.pending[callID] = call
            return true
        }
    }

    /// Waits for the answer to `callID`, reading the socket whenever no other caller does.
    /// - Returns: nil when `deadline` passed first; the call is then forgotten.
    func awaitAnswer(_ callID: UInt64, _ call: PendingCall, deadline: Date) -> PendingCall.Outcome? {
        if takeReadRole(for: callID) { return lead(callID, call, deadline: deadline) }
        switch call.wait(until: deadline) {
        case .finished(let outcome): return outcome
        case .readTurn: return lead(callID, call, deadline: deadline)
        case nil: return leave(callID, call, reading: false)
        }
    }

    /// Marks the connection failed, wakes its reader, and fails every waiting caller.
    func fail(_ error: RPCError) {
        let (waiting, closeNow) = state.withLock { state in
            if state.failure == nil { state.failure = error }
            defer { state.pending.removeAll() }
            let closeNow = state.readerCallID == nil && !state.socketClosed
            if closeNow { state.socketClosed = true }
            return (Array(state.pending.values), closeNow)
        }
        socket.shutdown()
        // Nobody reads, and nobody will take the role again: the descriptor can go.
        if closeNow { socket.close() }
        for call in waiting { call.complete(.failed(error)) }
    }

    private func takeReadRole(for callID: UInt64) -> Bool {
        state.withLock { state in
            guard state.failure == nil, state.readerCallID == nil, state.pending[callID] != nil else {
                return false
            }
            state.readerCallID = callID
            return true
        }
    }

    /// Reads with the read role until `call` has its outcome or `deadline` passes, then passes
    /// the role on.
    private func lead(_ callID: UInt64, _ call: PendingCall, deadline: Date) -> PendingCall.Outcome? {
        while call.outcome == nil {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { break }
            if let reason = readAndRoute(within: remaining) {
                fail(
                    RPCError(
                        .unavailable, "connection to \(socketPath) closed before the answer arrived",
                        cause: reason))
            }
        }
        return leave(callID, call, reading: true)
    }

    /// Reads once (waiting at most `seconds`) and hands every whole answer to its caller. - Returns: why the connection
    /// cannot be used any more, or nil when it is fine.
    private func readAndRoute(within seconds: TimeInterval) -> String? {
        switch reader.receive(from: socket, within: seconds) {
        case .timedOut: return nil
        case .ended: return "the server closed the connection"
        case .bytes: break
        }
        do {
            while let decoded = try reader.nextEnvelope() {
                guard decoded.kind == .response else {
                    logger?.debug("closing connection: frame is not a response envelope")
                    return "server sent a frame that is not a response envelope"
                }
                let (callID, outcome): (UInt64, PendingCall.Outcome)
                switch decoded {
                case .valid(let envelope):
                    (callID, outcome) = (envelope.callID, .answered(envelope))
                case .invalid(let invalid):
                    let message = "the answer from \(socketPath) could not be read: \(invalid)"
                    (callID, outcome) = (invalid.callID, .failed(RPCError(.internal, message)))
                }
                let call = state.withLock { $0.pending.removeValue(forKey: callID) }
                // No caller: it gave up at its deadline; the late answer is dropped.
                call?.complete(outcome)
            }
        } catch {
            logger?.debug("closing connection: \(error)")
            return "\(error)"
        }
        return nil
    }

    /// Forgets `callID` and, when it held the read role, passes the role to another waiting
    /// caller (or closes the socket once the connection has failed).
    /// - Returns: the call's outcome, nil when it has none (its deadline passed).
    private func leave(_ callID: UInt64, _ call: PendingCall, reading: Bool) -> PendingCall.Outcome? {
        let closeNow = state.withLock { state in
            state.pending[callID] = nil
            // A caller that timed out may have been handed the role just before.
            guard reading || state.readerCallID == callID else { return false }
            state.readerCallID = nil
            if state.failure != nil {
                defer { state.socketClosed = true }
                return !state.socketClosed
            }
            if let (nextID, next) = state.pending.first {
                state.readerCallID = nextID
                next.giveReadTurn()
            }
            return false
        }
        if closeNow { socket.close() }
        return call.outcome
    }
}
