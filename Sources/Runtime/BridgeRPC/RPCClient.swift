import BridgeLog
import Foundation

/// Calls methods of one service over its Unix socket.
///
/// One persistent connection, opened on first use and reopened after it breaks (so a call
/// after the server restarts just works), shared by all threads; waiting callers take turns
/// reading it and hand each answer to its caller, so many calls can be in flight at once.
public final class RPCClient: Sendable {
    private struct State {
        var connection: ClientConnection?
        var nextCallID: UInt64 = 1
        var closed = false
    }

    public let socketPath: String
    public let caller: String
    private let logger: Logger?
    private let maxFrameBytes: Int
    private let state = Locked(State())

    public init(socketPath: String, caller: String, logger: Logger? = nil, maxFrameBytes: Int = 4 << 20) {
        self.socketPath = socketPath
        self.caller = caller
        self.logger = logger
        self.maxFrameBytes = maxFrameBytes
    }

    deinit {
        close()
    }

    /// Sends `payload` to `method` and waits for the answer's payload.
    /// - Throws: `RPCError`: the server's status, DEADLINE_EXCEEDED once `timeout` has passed
    ///   (whether or not the server ever answers), UNAVAILABLE when the socket is unreachable.
    public func call(
        _ method: String, _ payload: [UInt8], timeout: Duration = .seconds(10),
        metadata: [String: String] = [:]
    ) throws(RPCError) -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        var headers = metadata
        headers[MetadataKey.caller] = caller
        var request = Envelope(
            kind: .request, callID: 0, method: method, deadlineUnixMs: DeadlineClock.unixMs(after: timeout),
            metadata: headers, payload: payload)
        // The server would close the connection on a frame over its limit; say so here instead.
        // (An estimate that never undercounts the envelope: fields plus a margin for tags.)
        let frameBytes =
            payload.count + method.utf8.count + 64
            + headers.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 8 }
        guard frameBytes <= maxFrameBytes else {
            throw RPCError(
                .resourceExhausted,
                "\(method): the request is about \(frameBytes) bytes, over the \(maxFrameBytes)-byte frame limit; "
                    + "send less per call")
        }
        // A send that fails means the request never reached a server (e.g. it restarted):
        // retrying once on a fresh connection is safe.
        for attempt in 0..<2 {
            let (connection, callID) = try connectionAndCallID()
            request.callID = callID
            let pending = PendingCall()
            guard connection.expect(callID, pending) else { continue }
            guard connection.socket.send(request.encodedFrame()) else {
                connection.fail(RPCError(.unavailable, "sending to \(socketPath) failed"))
                if attempt == 0 { continue }
                throw RPCError(
                    .unavailable, "sending \(method) to \(socketPath) failed; is the service running?")
            }
            guard let outcome = connection.awaitAnswer(callID, pending, deadline: deadline) else {
                throw RPCError(.deadlineExceeded, "\(method) got no answer within \(timeout)")
            }
            return try Self.payload(of: outcome)
        }
        throw RPCError(.unavailable, "connection to \(socketPath) kept failing; is the service running?")
    }

    private static func payload(of outcome: PendingCall.Outcome) throws(RPCError) -> [UInt8] {
        switch outcome {
        case .failed(let error):
            throw error
        case .answered(let answer):
            let status = StatusCode(wireValue: answer.statusCode)
            guard status == .ok else { throw RPCError(status, answer.statusMessage) }
            return answer.payload
        }
    }

    /// The open connection (opening one if needed) and a fresh call id.
    private func connectionAndCallID() throws(RPCError) -> (ClientConnection, UInt64) {
        let result: Result<(ClientConnection, UInt64), RPCError> = state.withLock { state in
            guard !state.closed else {
                return .failure(RPCError(.unavailable, "the client for \(socketPath) was closed"))
            }
            let callID = state.nextCallID
            state.nextCallID &+= 1
            if let connection = state.connection, connection.isUsable {
                return .success((connection, callID))
            }
            let opened = Result { () throws(RPCError) in try openConnection() }
            if case .success(let connection) = opened { state.connection = connection }
            return opened.map { ($0, callID) }
        }
        return try result.get()
    }

    private func openConnection() throws(RPCError) -> ClientConnection {
        let socket: UnixSocket
        do {
            socket = try UnixSocket.connect(path: socketPath)
        } catch {
            throw RPCError(
                .unavailable, "cannot connect to \(socketPath); is the service running?",
                cause: error.description)
        }
        return ClientConnection(
            socket: socket, socketPath: socketPath, maxFrameBytes: maxFrameBytes, logger: logger)
    }

    /// Closes the connection; waiting callers get UNAVAILABLE and later calls fail at once.
    public func close() {
        let connection = state.withLock { state in
            state.closed = true
            defer { state.connection = nil }
            return state.connection
        }
        connection?.fail(RPCError(.unavailable, "the client for \(socketPath) was closed"))
    }
}
