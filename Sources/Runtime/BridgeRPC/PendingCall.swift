import Foundation

/// One caller waiting for its answer; the connection's reader fills it in.
final class PendingCall: Sendable {
    enum Outcome: Sendable {
        case answered(Envelope)
        case failed(RPCError)
    }

    private let outcome = Locked<Outcome?>(nil)

    func complete(_ result: Outcome) {
        outcome.update { if $0 == nil { $0 = result } }
    }

    /// The outcome, or nil when `deadline` passes first.
    func wait(until deadline: Date) -> Outcome? {
        outcome.wait(until: { $0 != nil }, deadline: deadline) { $0 }.flatMap { $0 }
    }
}
