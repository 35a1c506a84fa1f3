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

    /// Decodes `bytes`; throws `ProtoDecodeError` when protobuf-c rejects them.
    ///
    /// protobuf-c unpacks into an arena (a few chunks, about four times the encoded size in
    /// all) instead of one malloc per message, string and array, freed at once afterwards.
    public init(serialized bytes: [UInt8]) throws {
        let descriptor = Self.descriptor
        let arena = ProtoArena(chunkSize: min(max(bytes.count * 4, 4 << 10), 1 << 20))
        let reader = try arena.withAllocator { allocator in
            try bytes.withUnsafeBufferPointer { buffer in
                let unpacked = protobuf_c_message_unpack(
                    descriptor.pointer, allocator, buffer.count, buffer.baseAddress)
                guard let unpacked else {
                    throw ProtoDecodeError(messageName: descriptor.name, byteCount: bytes.count)
                }
                if let field = ProtoStringCheck.fieldWithNUL(in: buffer, of: descriptor) {
                    throw ProtoDecodeError(messageName: descriptor.name, byteCount: bytes.count, fieldWithNUL: field)
                }
                return ProtoReader(message: unpacked)
            }
        }
        defer { withExtendedLifetime(arena) {} }  // the reader points into it
        try self.init(from: reader)
    }
}
