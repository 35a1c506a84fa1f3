import Foundation

/// A `sockaddr_un` for a filesystem path.
struct SocketAddress {
    private var storage = sockaddr_un()

    init(path: String) throws(SystemCallError) {
        let capacity = MemoryLayout.size(ofValue: storage.sun_path)
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < capacity else {
            throw SystemCallError(
                function: "sockaddr_un", errno: ENAMETOOLONG,
                context:
                    "socket path of \(bytes.count) bytes (must be 1...\(capacity - 1)); use a shorter path")
        }
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
    }

    mutating func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        let length = socklen_t(MemoryLayout<sockaddr_un>.size)
        return withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }
}
