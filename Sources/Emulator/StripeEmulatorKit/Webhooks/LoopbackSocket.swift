import Glibc

/// A TCP connection to 127.0.0.1 that owns its descriptor and closes it when released.
/// Reads time out after ten seconds so a silent endpoint cannot hold a request thread.
/// (The tests' raw HTTP client speaks through it too.)
public final class LoopbackSocket {
    private let descriptor: Int32

    public init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw DatasetError("socket() failed with errno \(errno)") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        // Without the timeout reads block forever; a failure here only loses that bound.
        _ = setsockopt(
            descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw DatasetError("cannot connect to 127.0.0.1:\(port) (errno \(code)); is it listening?")
        }
    }

    deinit { close(descriptor) }

    public func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw DatasetError("sending to the endpoint failed (errno \(errno))") }
            offset += sent
        }
    }

    /// What the peer sends next, up to `limit` bytes; throws once it has closed or timed out.
    public func receive(limit: Int = 65_536) throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: limit)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw DatasetError("the connection closed or timed out (errno \(errno))") }
            return Array(chunk[..<count])
        }
    }

    /// The first line the peer sends, without its line break (at most 1 KiB).
    func readLine() throws -> String {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 1024 {
            let count = recv(descriptor, &byte, 1, 0)
            if count < 0 && errno == EINTR { continue }
            guard count == 1 else { break }
            if byte == UInt8(ascii: "\n") { break }
            if byte != UInt8(ascii: "\r") { line.append(byte) }
        }
        guard !line.isEmpty else { throw DatasetError("the endpoint closed without answering") }
        return String(decoding: line, as: UTF8.self)
    }
}
