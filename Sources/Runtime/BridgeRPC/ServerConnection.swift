import BridgeLog
import Foundation

/// One accepted client: its socket, its reader thread, and the count of its unanswered calls.
final class ServerConnection: Sendable {
    private struct State {
        var callsInFlight = 0
        var draining = false
    }

    let socket: UnixSocket
    private let state = Locked(State())
    private let limits: RPCServer.Limits
    private let maxFrameBytes: Int
    private let logger: Logger

    init(socket: UnixSocket, limits: RPCServer.Limits, maxFrameBytes: Int, logger: Logger) {
        self.socket = socket
        self.limits = limits
        self.maxFrameBytes = maxFrameBytes
        self.logger = logger
    }

    /// Reads frames until the peer leaves, breaks the protocol, or the server drains; hands each
    /// request to `dispatch`, then closes the socket and calls `ended`.
    func readLoop(dispatch: (Envelope) -> Void, ended: () -> Void) {
        let cleanEnd = readFrames(dispatch: dispatch)
        if cleanEnd {
            // Let answers already being computed go out, within the drain bound.
            let deadline = Date().addingTimeInterval(limits.drainTimeout.seconds)
            _ = state.wait(until: { $0.callsInFlight == 0 }, deadline: deadline) { _ in () }
        }
        socket.close()
        ended()
    }

    /// - Returns: true at an orderly end of stream, false after a protocol violation.
    private func readFrames(dispatch: (Envelope) -> Void) -> Bool {
        var decoder = FrameDecoder(maximumFrameBytes: maxFrameBytes)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1_024, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = socket.receive(into: buffer)
            guard count > 0 else { return true }
            decoder.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            do {
                while let frame = try decoder.nextFrame() {
                    guard let envelope = Envelope.decode(frame), envelope.kind == .request else {
                        logger.debug(
                            "closing connection: frame is not a request envelope",
                            [
                                "rpc.frame_bytes": String(frame.count)
                            ])
                        return false
                    }
                    guard acquireCallSlot() else { return true }
                    dispatch(envelope)
                }
            } catch {
                logger.debug("closing connection: \(error)")
                return false
            }
        }
    }

    /// Waits for a free slot among this connection's calls in flight; false once draining.
    private func acquireCallSlot() -> Bool {
        let cap = limits.maxCallsInFlightPerConnection
        return state.wait(until: { $0.callsInFlight < cap || $0.draining }) { state in
            guard !state.draining else { return false }
            state.callsInFlight += 1
            return true
        } ?? false
    }

    /// Sends one answer and frees its slot.
    func finishCall(answer: [UInt8]) {
        if !socket.send(answer) {
            // The peer left or stopped reading; nothing more can reach it.
            socket.shutdown()
        }
        state.update { $0.callsInFlight -= 1 }
    }

    /// Stops reading new requests; calls in flight still answer.
    func drain() {
        state.update { $0.draining = true }
        socket.shutdownReading()
    }
}
