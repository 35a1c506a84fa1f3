import BridgeLog
import Foundation

extension RPCServer {
    /// Accepts until `stop()` shuts the listener down; each connection gets a reader thread.
    func acceptLoop(_ listener: UnixSocket) {
        while true {
            let peer: UnixSocket
            do {
                peer = try listener.accept()
            } catch {
                if state.withLock({ $0.stopped }) { break }
                logger.warning("rpc accept failed; retrying", ["error": error.description])
                // Out of descriptors (EMFILE) repeats until some close; don't spin on it.
                usleep(10_000)
                continue
            }
            admit(peer)
        }
        listener.close()
        state.update { $0.accepting = false }
    }

    private func admit(_ peer: UnixSocket) {
        peer.setSendTimeout(limits.sendTimeout)
        let connection = ServerConnection(
            socket: peer, limits: limits, maxFrameBytes: maxFrameBytes, logger: logger, pool: pool,
            watcher: watcher, serve: { [self] envelope in serve(envelope) },
            ended: { [state] ended in state.update { $0.connections[ObjectIdentifier(ended)] = nil } })
        let admitted = state.withLock { state in
            guard !state.stopped, state.connections.count < limits.maxConnections else { return false }
            state.connections[ObjectIdentifier(connection)] = connection
            return true
        }
        guard admitted else {
            logger.debug(
                "refusing connection: at the connection limit or stopping",
                [
                    "rpc.max_connections": String(limits.maxConnections)
                ])
            peer.close()
            return
        }
        connection.startReading(threadName: "\(serviceName)-conn")
    }

    /// Answers one request: the whole answer frame, ready to send.
    private func serve(_ envelope: Envelope) -> [UInt8] {
        let started = ContinuousClock.now
        let (answer, context) = answer(envelope)
        let frame = answer.encodedFrame()
        if logger.level <= .debug {
            // Logged before the answer leaves, so the line exists once the caller has it.
            let elapsed = (ContinuousClock.now - started).components
            let micros = elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000
            logger.debug(
                "rpc call",
                [
                    "rpc.method": envelope.method,
                    "rpc.status": StatusCode(wireValue: answer.statusCode).name,
                    "rpc.duration_us": String(micros),
                    "rpc.request_id": context?.requestID ?? "",
                    "rpc.caller": context?.caller ?? "",
                ])
        }
        return frame
    }
}
