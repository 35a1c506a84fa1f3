import CProtobufC

/// A Swift value that mirrors one protobuf-c message of `proto/`.
///
/// The wire format is handled entirely by protobuf-c; a conforming type only maps its fields
/// by name through `ProtoReader` and `ProtoWriter`.
public protocol ProtoMessage: Sendable {
    static var descriptor: ProtoDescriptor { get }
    init(from reader: ProtoReader) throws
    func write(to writer: ProtoWriter)
}

extension ProtoMessage {
    /// The protobuf encoding of this value.
    public func serialized() -> [UInt8] {
        let writer = ProtoWriter(Self.descriptor)
        write(to: writer)
        return writer.pack()
    }

    /// Decodes `bytes`; throws `ProtoDecodeError` when protobuf-c rejects them, or when a string
    /// field holds a NUL byte or is not valid UTF-8 (naming the field).
    ///
    /// protobuf-c unpacks into an arena (a few chunks, about four times the encoded size in
    /// all) instead of one malloc per message, string and array, freed at once afterwards.
    /// The encoding is walked for the offending field only when it may hold one: when it has a
    /// zero byte, or when a string read while building the value was not UTF-8.
    public init(serialized bytes: [UInt8]) throws {
        let arena = ProtoArena(chunkSize: min(max(bytes.count * 4, 4 << 10), 1 << 20))
        let flags = ProtoReadFlags()
        self = try withExtendedLifetime(flags) {  // the readers hold it unowned
            try arena.withAllocator { allocator in
                try bytes.withUnsafeBufferPointer { try Self.unpack($0, allocator, flags) }
            }
        }
    }

    private static func unpack(
        _ bytes: UnsafeBufferPointer<UInt8>, _ allocator: UnsafeMutablePointer<ProtobufCAllocator>,
        _ flags: ProtoReadFlags
    ) throws -> Self {
        func refusal(_ problem: ProtoStringProblem? = nil) -> ProtoDecodeError {
            ProtoDecodeError(messageName: descriptor.name, byteCount: bytes.count, invalidString: problem)
        }
        let unpacked = protobuf_c_message_unpack(
            descriptor.pointer, allocator, bytes.count, bytes.baseAddress)
        guard let unpacked else { throw refusal() }
        if ProtoStringCheck.containsZeroByte(bytes),
            let problem = ProtoStringCheck.firstProblem(in: bytes, of: descriptor)
        {
            throw refusal(problem)
        }
        let value = try Self(from: ProtoReader(message: unpacked, flags: flags))
        if flags.sawInvalidUTF8 {
            // The walk finds the field unless it is nested deeper than the walk goes.
            throw refusal(
                ProtoStringCheck.firstProblem(in: bytes, of: descriptor)
                    ?? ProtoStringProblem(field: "", kind: .invalidUTF8))
        }
        return value
    }
}
