import Foundation

/// The physical reference: a request/response over a Unix socket with raw `read`/`write`, a
/// server thread that echoes each message, no framing, no locks, no allocation per round.
public final class PlainEcho {
    private let socketPath: String
    private let messageBytes: Int
    private let client: Int32
    private var message: [UInt8]

    /// Starts the echo thread on `socketPath` and connects to it.
    public init(socketPath: String, messageBytes: Int) throws {
        self.socketPath = socketPath
        self.messageBytes = messageBytes
        message = [UInt8](repeating: 7, count: messageBytes)
        let listener = try Self.rawSocket()
        defer { close(listener) }  // the accepted connection outlives it
        try Self.withAddress(socketPath) {
            guard bind(listener, $0, $1) == 0, listen(listener, 1) == 0 else {
                throw BenchError.system("bind")
            }
        }
        client = try Self.rawSocket()
        try Self.withAddress(socketPath) {
            guard connect(client, $0, $1) == 0 else { throw BenchError.system("connect") }
        }
        let peer = accept(listener, nil, nil)
        guard peer >= 0 else { throw BenchError.system("accept") }
        let server = Thread { Self.echo(peer: peer, messageBytes: messageBytes) }
        server.name = "plain-echo"
        server.start()
    }

    /// Closing the client ends the echo thread.
    deinit {
        close(client)
        unlink(socketPath)
    }

    /// Round-trip times in microseconds of `rounds` echoes.
    public func measure(rounds: Int) throws -> [Double] {
        var samples: [Double] = []
        samples.reserveCapacity(rounds)
        for _ in 0..<rounds {
            let started = ContinuousClock.now
            try message.withUnsafeMutableBytes { bytes in
                guard write(client, bytes.baseAddress, messageBytes) == messageBytes,
                    Self.readFully(client, bytes, count: messageBytes)
                else { throw BenchError.system("plain echo round") }
            }
            samples.append(BenchClock.microseconds(since: started))
        }
        return samples
    }

    private static func echo(peer: Int32, messageBytes: Int) {
        defer { close(peer) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: messageBytes, alignment: 8)
        defer { buffer.deallocate() }
        while readFully(peer, buffer, count: messageBytes) {
            guard write(peer, buffer.baseAddress, messageBytes) == messageBytes else { return }
        }
    }

    private static func readFully(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer, count: Int)
        -> Bool
    {
        var received = 0
        while received < count {
            let got = read(descriptor, buffer.baseAddress! + received, count - received)
            guard got > 0 else { return false }
            received += got
        }
        return true
    }

    private static func rawSocket() throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError.system("socket") }
        return descriptor
    }

    private static func withAddress(
        _ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) throws -> Void
    ) throws {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
        try withUnsafePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                try body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }
}
