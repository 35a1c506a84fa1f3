import Foundation
import StripeEmulatorKit

/// A minimal HTTP/1.1 client over a POSIX socket to 127.0.0.1, kept open for keep-alive.
/// Understands only `Content-Length` bodies, which is all the servers under test send.
public final class RawHTTPConnection {
    public struct Response {
        public let status: Int
        /// Lower-cased header names.
        public let headers: [String: String]
        public let body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }

        public func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(body))
            guard let dictionary = object as? [String: Any] else {
                throw RawHTTPError("response body is not a JSON object: \(text)")
            }
            return dictionary
        }
    }

    public struct RawHTTPError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    private let socket: LoopbackSocket
    private var buffered: [UInt8] = []

    public init(port: UInt16) throws {
        socket = try LoopbackSocket(port: port)
    }

    /// Sends one request and reads its response.
    public func send(
        _ method: String,
        _ target: String,
        headers: [(String, String)] = [],
        body: [UInt8] = []
    ) throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        try socket.write(Array(head.utf8) + body)
        return try readResponse()
    }

    private func readResponse() throws -> Response {
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = buffered.firstRange(of: terminator)?.lowerBound
            if headerEnd == nil { buffered += try socket.receive() }
        }
        let headText = String(decoding: buffered[..<headerEnd!], as: UTF8.self)
        buffered.removeFirst(headerEnd! + terminator.count)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawHTTPError("bad status line in \(headText)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffered.count < length { buffered += try socket.receive() }
        let body = Array(buffered[..<length])
        buffered.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }
}
