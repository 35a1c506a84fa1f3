import Foundation

/// A connection's receive buffer and frame decoder, used by whichever thread holds the
/// connection's read role.
///
/// Decodes envelopes straight from the buffered bytes, without copying each frame first.
// @unchecked Sendable: only the thread holding the read role touches it, and the role passes
// from thread to thread under the connection's lock, which orders the accesses.
final class FrameReader: @unchecked Sendable {
    private var decoder: FrameDecoder
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1_024, alignment: 8)

    init(maximumFrameBytes: Int) {
        decoder = FrameDecoder(maximumFrameBytes: maximumFrameBytes)
    }

    deinit {
        buffer.deallocate()
    }

    var bufferedByteCount: Int { decoder.bufferedByteCount }

    enum Receipt {
        case bytes, timedOut, ended
    }

    /// Blocks for the next bytes, for at most `seconds` when given.
    func receive(from socket: UnixSocket, within seconds: TimeInterval? = nil) -> Receipt {
        if let seconds { armReceiveTimeout(socket, seconds) }
        let count = socket.receive(into: buffer)
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return .timedOut }
        guard count > 0 else { return .ended }
        decoder.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        return .bytes
    }

    /// The receive timeout now set on the socket; nil while none is.
    private var armedTimeout: TimeInterval?

    /// Bounds the next `receive` by `seconds` without a system call per read: a timeout already
    /// set is kept while it is no longer than `seconds` and at least half of it. A read that
    /// times out early just reads again with the time that is left.
    private func armReceiveTimeout(_ socket: UnixSocket, _ seconds: TimeInterval) {
        if let armed = armedTimeout, armed <= seconds, armed >= seconds / 2 { return }
        let timeout = max(seconds * 0.9, 0.000_001)
        socket.setReceiveTimeout(.microseconds(Int64(timeout * 1e6)))
        armedTimeout = timeout
    }

    /// The next whole envelope, or nil when more bytes are needed. An envelope with a string
    /// field holding a NUL or invalid UTF-8 comes back `.invalid`, to be answered or dropped.
    /// - Throws: `FrameTooLargeError`, or `MalformedEnvelopeError` for bytes that are no envelope.
    func nextEnvelope() throws -> DecodedEnvelope? {
        let decoded: DecodedEnvelope?? = try decoder.withNextFrame { Envelope.decodeChecked($0) }
        guard let decoded else { return nil }
        guard let envelope = decoded else { throw MalformedEnvelopeError() }
        return envelope
    }
}

/// A frame whose body is not a protobuf `Envelope`; the stream cannot be trusted after it.
struct MalformedEnvelopeError: Error, CustomStringConvertible {
    var description: String { "a frame is not an rpc Envelope message" }
}
