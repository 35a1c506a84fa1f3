import Foundation
import Glibc

/// A webhook endpoint on 127.0.0.1 for tests: answers each POST with 200 and keeps, in
/// arrival order, the `Stripe-Signature` header and the raw body it received.
// @unchecked Sendable: `received` is touched only inside `lock`; the accept thread holds the
// receiver strongly, so the descriptor is closed only after that thread has finished.
final class BillingEventsReceiver: @unchecked Sendable {
    struct Delivery {
        let signature: String
        let body: [UInt8]
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var received: [Delivery] = []
    private let finished = DispatchSemaphore(value: 0)

    /// Listens and accepts exactly `expected` connections on a background thread.
    init(expected: Int) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound else {
            let code = errno
            if descriptor >= 0 { close(descriptor) }
            throw ReceiverError("cannot listen on 127.0.0.1 (errno \(code))")
        }
        listener = descriptor
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in
            for _ in 0..<expected { acceptOne() }
            finished.signal()
        }
    }

    deinit { close(listener) }

    var deliveries: [Delivery] { lock.withLock { received } }

    /// Waits (bounded) until every expected connection was answered.
    func waitUntilDone() -> Bool { finished.wait(timeout: .now() + 10) == .success }

    private func acceptOne() {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let delivery = Self.parse(bytes) {
                lock.withLock { received.append(delivery) }
                break
            }
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return }
            bytes += chunk[0..<count]
        }
        let answer = Array("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        _ = answer.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// The delivery once the head and `Content-Length` bytes of body have arrived.
    private static func parse(_ bytes: [UInt8]) -> Delivery? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            return nil
        }
        var headers: [String: String] = [:]
        for line in String(decoding: bytes[..<end], as: UTF8.self).split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "") ?? 0
        let body = Array(bytes[(end + separator.count)...])
        guard body.count >= length else { return nil }
        return Delivery(signature: headers["stripe-signature"] ?? "", body: Array(body.prefix(length)))
    }
}

/// The receiver could not listen on loopback.
struct ReceiverError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
