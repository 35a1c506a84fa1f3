import Foundation

/// Collects a response's headers and body from libcurl's callbacks during one transfer.
final class ResponseAccumulator {
    var body: [UInt8] = []
    /// Headers of the final response, names lower-cased.
    var headers: [String: String] = [:]
    /// Set when the body would exceed `maxBodyBytes`; the transfer is then aborted.
    var overflowed = false
    let maxBodyBytes: Int

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    /// Returns the number of bytes taken; anything else makes libcurl abort the transfer.
    func appendBody(_ pointer: UnsafeMutablePointer<CChar>, count: Int) -> Int {
        guard body.count + count <= maxBodyBytes else {
            overflowed = true
            return 0
        }
        pointer.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        }
        return count
    }

    /// Takes one raw header line; a status line starts a new response (after 100 Continue).
    func appendHeader(_ pointer: UnsafeMutablePointer<CChar>, count: Int) -> Int {
        let line = pointer.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            headers[name] = value
        }
        return count
    }
}
