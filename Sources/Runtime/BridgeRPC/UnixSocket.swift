import Foundation

#if canImport(Glibc)
    import Glibc
    private let streamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    private let sendFlags = Int32(MSG_NOSIGNAL)
#elseif canImport(Darwin)
    import Darwin
    private let streamType = SOCK_STREAM
    private let sendFlags: Int32 = 0
#endif

/// A connected or listening Unix stream socket; the one owner of its file descriptor.
///
/// Any thread may `send` (whole buffers, one at a time) or `shutdown` (to wake a blocked
/// reader). Only the thread that reads may call `close`, after its last read, so the
/// descriptor is never closed under a blocked `read`/`accept` and never reused by mistake.
// @unchecked Sendable: `closed` is only touched under `stateLock`; sends are serialised by
// `writeLock`, which `close` also takes, so no send ever runs on a closed descriptor.
public final class UnixSocket: @unchecked Sendable {
    private let descriptor: Int32
    private let writeLock = NSLock()
    private let stateLock = NSLock()
    private var closed = false

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        #if canImport(Darwin)
            var on: Int32 = 1  // no SIGPIPE when the peer has gone; send reports EPIPE instead
            _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    deinit {
        if !closed { _ = Foundation.close(descriptor) }  // nothing to report to at deinit
    }

    /// Connects to the socket at `path`.
    public static func connect(path: String) throws(SystemCallError) -> UnixSocket {
        let socket = try open(path: path)
        var address = try SocketAddress(path: path)
        try SystemCallError.retrying("connect", path) {
            address.withSockaddr { Foundation.connect(socket.descriptor, $0, $1) }
        }
        return socket
    }

    /// Binds a new socket at `path` (which must not exist) and starts listening.
    static func listen(path: String, backlog: Int32) throws(SystemCallError) -> UnixSocket {
        let socket = try open(path: path)
        var address = try SocketAddress(path: path)
        try SystemCallError.retrying("bind", path) {
            address.withSockaddr { Foundation.bind(socket.descriptor, $0, $1) }
        }
        try SystemCallError.retrying("listen", path) { Foundation.listen(socket.descriptor, backlog) }
        return socket
    }

    private static func open(path: String) throws(SystemCallError) -> UnixSocket {
        let descriptor = try SystemCallError.retrying("socket", path) { socket(AF_UNIX, streamType, 0) }
        return UnixSocket(descriptor: descriptor)
    }

    /// Blocks until a peer connects. Fails once the socket is shut down.
    func accept() throws(SystemCallError) -> UnixSocket {
        let peer = try SystemCallError.retrying("accept", "listening socket") {
            Foundation.accept(descriptor, nil, nil)
        }
        _ = fcntl(peer, F_SETFD, FD_CLOEXEC)  // best effort; only matters if the process execs
        return UnixSocket(descriptor: peer)
    }

    /// Bounds how long one `send` may block on a peer that does not read.
    func setSendTimeout(_ timeout: Duration) {
        // A failure only leaves sends unbounded, as they are by default.
        setTimeout(SO_SNDTIMEO, timeout)
    }

    /// Bounds how long one `receive` may block; it then fails with `EAGAIN`. Must not be zero.
    func setReceiveTimeout(_ timeout: Duration) {
        // A failure leaves the previous bound; a read may then wait longer than asked.
        setTimeout(SO_RCVTIMEO, timeout)
    }

    private func setTimeout(_ option: Int32, _ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        var value = timeval(tv_sec: Int(seconds), tv_usec: .init(attoseconds / 1_000_000_000_000))
        _ = setsockopt(descriptor, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Writes all of `bytes`; false when the socket is closed, the peer left, or a send timed out.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        writeLock.lock()
        defer { writeLock.unlock() }
        if stateLock.withLock({ closed }) { return false }
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = Foundation.send(
                    descriptor, buffer.baseAddress! + offset, buffer.count - offset, sendFlags)
                if sent < 0 && errno == EINTR { continue }
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    /// Blocks until bytes arrive. Returns the count, 0 at end of stream, or -1 on error.
    public func receive(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = Foundation.recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            return count
        }
    }

    /// Whether bytes (or the end of the stream) are waiting to be read, without blocking.
    func hasBytesWaiting() -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        // An error counts as readable: the next `receive` reports it.
        return poll(&entry, 1, 0) != 0
    }

    /// Reads whatever is already buffered without blocking.
    /// - Returns: nil at end of stream or on error; an empty array when nothing is waiting.
    public func receiveAvailable(upTo limit: Int = 65_536) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: limit)
        let count = bytes.withUnsafeMutableBytes {
            Foundation.recv(descriptor, $0.baseAddress, limit, Int32(MSG_DONTWAIT))
        }
        if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? [] : nil }
        if count == 0 { return nil }
        return Array(bytes[0..<count])
    }

    /// Ends both directions: a blocked `receive` or `accept` returns and later sends fail.
    public func shutdown() {
        stateLock.withLock {
            // ENOTCONN just means the peer already went; either way the socket is done.
            if !closed { _ = Foundation.shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
    }

    /// Stops reading only; answers still being written go out. Wakes a blocked `receive`.
    func shutdownReading() {
        stateLock.withLock {
            if !closed { _ = Foundation.shutdown(descriptor, Int32(SHUT_RD)) }
        }
    }

    /// Releases the descriptor. Only the reading thread calls this, after its last read.
    public func close() {
        writeLock.lock()
        defer { writeLock.unlock() }
        stateLock.withLock {
            guard !closed else { return }
            closed = true
            // close(2) releases the descriptor even when it reports an error.
            _ = Foundation.close(descriptor)
        }
    }
}
