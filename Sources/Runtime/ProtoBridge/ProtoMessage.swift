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
    public init(serialized bytes: [UInt8]) throws {
        let descriptor = Self.descriptor
        let unpacked = bytes.withUnsafeBufferPointer { buffer in
            protobuf_c_message_unpack(descriptor.pointer, nil, buffer.count, buffer.baseAddress)
        }
        guard let unpacked else {
            throw ProtoDecodeError(messageName: descriptor.name, byteCount: bytes.count)
        }
        defer { protobuf_c_message_free_unpacked(unpacked, nil) }
        try self.init(from: ProtoReader(message: unpacked))
    }
}
