import CMicroHTTPD
import CShims

/// An HTTP/1.1 server on 127.0.0.1 backed by libmicrohttpd's internal thread pool.
///
/// The handler runs on the pool's threads, possibly several at once, and must be thread-safe.
/// Keep-alive works; the server does not do TLS and never listens beyond loopback.
// @unchecked Sendable: the only mutable state is `daemon`, guarded by `lock`; `port` is fixed
// after init and the handler box is immutable.
public final class HTTPServer: @unchecked Sendable {
    /// The daemon; this type is its only owner and the only caller of `MHD_stop_daemon`.
    private var daemon: OpaquePointer?
    private let dispatch: Unmanaged<RequestDispatch>
    private let lock = ServerLock()
    public let port: UInt16

    /// Starts listening on `127.0.0.1:port` (0 picks a free port) with `threads` worker threads.
    public init(
        port: UInt16 = 0,
        threads: Int = 4,
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) throws {
        let box = Unmanaged.passRetained(RequestDispatch(handler: handler))
        let started = sb_mhd_start_loopback(
            port, UInt32(max(1, threads)),
            mhdAccessHandler, box.toOpaque(),
            mhdRequestCompleted, nil
        )
        guard let started else {
            box.release()
            throw HTTPServerError(
                "could not listen on 127.0.0.1:\(port); choose another port or 0 for a free one"
            )
        }
        let bound = sb_mhd_bound_port(started)
        guard bound != 0 else {
            MHD_stop_daemon(started)
            box.release()
            throw HTTPServerError("started but could not read the bound port back")
        }
        self.daemon = started
        self.dispatch = box
        self.port = bound
    }

    /// Stops accepting, waits for in-flight handlers to return and closes the socket.
    /// Calling it more than once is harmless.
    public func stop() {
        let stopped: OpaquePointer? = lock.withLock {
            let current = daemon
            daemon = nil
            return current
        }
        guard let stopped else { return }
        MHD_stop_daemon(stopped)
        dispatch.release()
    }

    deinit {
        stop()
    }
}
