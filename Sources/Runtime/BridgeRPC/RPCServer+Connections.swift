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
        let (admitted, refusalsToReport) = state.withLock { state -> (Bool, Int?) in
            if state.stopped { return (false, nil) }
            guard state.connections.count < limits.maxConnections else {
                return (false, state.refusals.record(at: .now))
            }
            state.connections[ObjectIdentifier(connection)] = connection
            return (true, nil)
        }
        guard admitted else {
            if let refusalsToReport { warnAboutRefusals(refusalsToReport) }
            peer.close()
            return
        }
        connection.startReading(threadName: "\(serviceName)-conn")
    }

    /// Says that callers are being turned away: idle or slow connections may hold every slot.
    /// Nothing about the callers themselves is logged.
    private func warnAboutRefusals(_ count: Int) {
        logger.warning(
            "refusing connections: every connection slot is taken",
            [
                "rpc.max_connections": String(limits.maxConnections),
                "rpc.refused_since_last_warning": String(count),
            ])
    }

    /// Answers one request, or refuses an envelope whose strings cannot be read as sent with
    /// INVALID_ARGUMENT: the whole answer frame, ready to send.
    private func serve(_ decoded: DecodedEnvelope) -> [UInt8] {
        switch decoded {
        case .valid(let envelope):
            return serve(envelope)
        case .invalid(let invalid):
            logger.debug("refusing a request: \(invalid)", ["rpc.status": StatusCode.invalidArgument.name])
            let answer = Envelope(
                kind: .response, callID: invalid.callID, statusCode: StatusCode.invalidArgument.rawValue,
                statusMessage: "\(invalid)")
            return answer.encodedFrame()
        }
    }

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
