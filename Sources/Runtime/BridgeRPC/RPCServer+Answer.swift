extension RPCServer {
    /// Runs the handler for one request and turns its outcome into the answer envelope.
    /// The one place handler errors become wire statuses.
    func answer(_ request: Envelope) -> (Envelope, CallContext?) {
        guard request.metadata.count <= limits.maxMetadataEntries else {
            let message =
                "request carries \(request.metadata.count) metadata entries; "
                + "at most \(limits.maxMetadataEntries) are accepted"
            return (request.response(status: .invalidArgument, message: message), nil)
        }
        let context = CallContext(
            method: request.method, metadata: request.metadata,
            deadline: DeadlineClock.instant(fromUnixMs: request.deadlineUnixMs))
        if context.isExpired {
            let message = "deadline passed before \(request.method) started"
            return (request.response(status: .deadlineExceeded, message: message), context)
        }
        guard !request.method.isEmpty else {
            let message = "the call names no method; set the envelope's method, e.g. /package.Service/Method"
            return (request.response(status: .unimplemented, message: message), context)
        }
        guard let handler = handlers.withLock({ $0[request.method] }) else {
            let message = "method \(request.method) is not implemented by service \(serviceName)"
            return (request.response(status: .unimplemented, message: message), context)
        }
        do {
            let payload = try handler(request.payload, context)
            return (request.response(status: .ok, payload: payload), context)
        } catch let error as RPCError {
            return (request.response(status: error.code, message: error.message), context)
        } catch {
            // Only the type name is logged: descriptions of arbitrary errors may hold user data.
            logger.error(
                "handler failed with an unexpected error",
                [
                    "rpc.method": request.method, "error.type": String(reflecting: type(of: error)),
                    "rpc.request_id": context.requestID,
                ])
            let message =
                "internal error in \(request.method); see the \(serviceName) log, "
                + "request id \(context.requestID)"
            return (request.response(status: .internal, message: message), context)
        }
    }
}
