import Foundation

/// One caller waiting on a connection: for its answer, or for its turn to read the socket.
final class PendingCall: Sendable {
    enum Outcome: Sendable {
        case answered(Envelope)
        case failed(RPCError)
    }

    /// Why a waiting caller woke up.
    enum Wake {
        case finished(Outcome)
        /// The previous reader left and chose this caller to read next.
        case readTurn
    }

    private struct State {
        var outcome: Outcome?
        var readTurn = false
    }

    private let state = Locked(State())

    /// The outcome, once there is one.
    var outcome: Outcome? { state.withLock { $0.outcome } }

    func complete(_ result: Outcome) {
        state.update(wakeAll: false) { if $0.outcome == nil { $0.outcome = result } }
    }

    func giveReadTurn() {
        state.update(wakeAll: false) { $0.readTurn = true }
    }

    /// Waits for the outcome or a read turn; nil when `deadline` passes first.
    func wait(until deadline: Date) -> Wake? {
        state.wait(until: { $0.outcome != nil || $0.readTurn }, deadline: deadline) { state in
            if let outcome = state.outcome { return .finished(outcome) }
            state.readTurn = false
            return .readTurn
        }
    }
}
