/// Splits a byte stream into frames: each a 4-byte big-endian length, then that many bytes.
///
/// A value type with no I/O, so tests drive it byte by byte. The length prefix is checked
/// against `maximumFrameBytes` before any of the body is buffered.
public struct FrameDecoder: Sendable {
    public static let defaultMaximumFrameBytes = 4 << 20
    static let prefixBytes = 4

    public let maximumFrameBytes: Int
    private var buffer: [UInt8] = []
    /// Index of the first byte not yet returned as part of a frame.
    private var readIndex = 0

    public init(maximumFrameBytes: Int = FrameDecoder.defaultMaximumFrameBytes) {
        self.maximumFrameBytes = maximumFrameBytes
    }

    /// Bytes received but not yet returned as a frame.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame's body, or nil when more bytes are needed.
    /// - Throws: `FrameTooLargeError` when the length prefix is over the maximum.
    public mutating func nextFrame() throws(FrameTooLargeError) -> [UInt8]? {
        try withNextFrame { Array($0) }
    }

    /// Lends the next complete frame's body to `body` without copying it; nil when more bytes
    /// are needed. The bytes are valid only inside `body`.
    /// - Throws: `FrameTooLargeError` when the length prefix is over the maximum.
    public mutating func withNextFrame<Result>(
        _ body: (UnsafeRawBufferPointer) -> Result
    ) throws(FrameTooLargeError) -> Result? {
        guard bufferedByteCount >= Self.prefixBytes else { return nil }
        let length = buffer.withUnsafeBufferPointer { bytes in
            (Int(bytes[readIndex]) << 24) | (Int(bytes[readIndex + 1]) << 16)
                | (Int(bytes[readIndex + 2]) << 8) | Int(bytes[readIndex + 3])
        }
        guard length <= maximumFrameBytes else {
            throw FrameTooLargeError(length: length, maximum: maximumFrameBytes)
        }
        guard bufferedByteCount - Self.prefixBytes >= length else { return nil }
        let start = readIndex + Self.prefixBytes
        let result = buffer.withUnsafeBytes { bytes in
            body(UnsafeRawBufferPointer(rebasing: bytes[start..<start + length]))
        }
        readIndex = start + length
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        }
        return result
    }

    /// Drops consumed bytes once they are the larger part of the buffer, keeping appends amortised.
    private mutating func compactIfWorthwhile() {
        guard readIndex > 0, readIndex >= buffer.count / 2 else { return }
        buffer.removeSubrange(0..<readIndex)
        readIndex = 0
    }

    /// `body` preceded by its 4-byte big-endian length.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        var out = lengthPrefix(body.count)
        out.append(contentsOf: body)
        return out
    }

    static func lengthPrefix(_ length: Int) -> [UInt8] {
        let value = UInt32(truncatingIfNeeded: length)
        return [
            UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
            UInt8(value & 0xFF),
        ]
    }
}
