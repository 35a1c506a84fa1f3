import BridgeLog
import Foundation

/// One open connection of an `RPCClient`: a socket, a reader thread, and the callers it owes
/// answers to, keyed by call id.
final class ClientConnection: Sendable {
    private struct State {
        var pending: [UInt64: PendingCall] = [:]
        /// Set once the connection is unusable; every later call on it fails with it.
        var failure: RPCError?
    }

    let socket: UnixSocket
    private let socketPath: String
    private let state = Locked(State())
    private let logger: Logger?

    init(socket: UnixSocket, socketPath: String, logger: Logger?) {
        self.socket = socket
        self.socketPath = socketPath
        self.logger = logger
    }

    var isUsable: Bool { state.withLock { $0.failure == nil } }

    /// Starts the reader thread; `ended` runs once after the connection has failed.
    func start(maxFrameBytes: Int, ended: @escaping @Sendable (ClientConnection) -> Void) {
        let thread = Thread { [self] in
            let reason = readAnswers(maxFrameBytes: maxFrameBytes)
            fail(
                RPCError(
                    .unavailable, "connection to \(socketPath) closed before the answer arrived",
                    cause: reason))
            socket.close()
            ended(self)
        }
        thread.name = "rpc-client-reader"
        thread.start()
    }

    /// Records a caller before its request is sent; false when the connection already failed.
    func expect(_ callID: UInt64, _ call: PendingCall) -> Bool {
        state.withLock { state in
            guard state.failure == nil else { return false }
            state.pending[callID] = call
            return true
        }
    }

    /// Forgets a caller that stopped waiting.
    func forget(_ callID: UInt64) {
        state.withLock { _ = $0.pending.removeValue(forKey: callID) }
    }

    /// Marks the connection failed, wakes its reader, and fails every waiting caller.
    func fail(_ error: RPCError) {
        let waiting = state.withLock { state in
            if state.failure == nil { state.failure = error }
            defer { state.pending.removeAll() }
            return Array(state.pending.values)
        }
        socket.shutdown()
        for call in waiting { call.complete(.failed(error)) }
    }

    /// Reads answers until the stream ends or breaks. - Returns: why it stopped.
    private func readAnswers(maxFrameBytes: Int) -> String {
        var decoder = FrameDecoder(maximumFrameBytes: maxFrameBytes)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1_024, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = socket.receive(into: buffer)
            guard count > 0 else { return count == 0 ? "server closed the connection" : "read failed" }
            decoder.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            do {
                while let frame = try decoder.nextFrame() {
                    guard let envelope = Envelope.decode(frame), envelope.kind == .response else {
                        logger?.debug("closing connection: frame is not a response envelope")
                        return "server sent a frame that is not a response envelope"
                    }
                    let call = state.withLock { $0.pending.removeValue(forKey: envelope.callID) }
                    // No caller: it gave up at its deadline; the late answer is dropped.
                    call?.complete(.answered(envelope))
                }
            } catch {
                logger?.debug("closing connection: \(error)")
                return error.description
            }
        }
    }
}
