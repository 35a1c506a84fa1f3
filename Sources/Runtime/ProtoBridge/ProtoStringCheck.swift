import CProtobufC
import Foundation

/// Finds a string field whose bytes hold a NUL.
///
/// protobuf-c hands string fields over as C strings, so `"a@b.com\0x"` would silently arrive as
/// `"a@b.com"`. This walks the encoding alongside the message descriptors (protobuf-c has already
/// accepted it; every read is bounds-checked all the same) and names the first such field.
/// Only encodings that contain a zero byte at all are walked, which few real ones do: varints,
/// tags and lengths are zero only for the value 0, which proto3 leaves out.
enum ProtoStringCheck {
    private static let maximumDepth = 64

    /// The dotted name of the first string field holding a NUL, or nil.
    static func fieldWithNUL(in bytes: UnsafeBufferPointer<UInt8>, of descriptor: ProtoDescriptor) -> String? {
        guard let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil else { return nil }
        return scan(bytes, from: 0, to: bytes.count, descriptor.pointer, depth: 0)
    }

    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
        _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, depth: Int
    ) -> String? {
        var position = start
        while position < end {
            guard let tag = varint(bytes, &position, end) else { return nil }
            switch tag & 7 {
            case 0: guard varint(bytes, &position, end) != nil else { return nil }
            case 1: position += 8
            case 5: position += 4
            case 2:
                guard let length = varint(bytes, &position, end), length <= UInt64(end - position) else { return nil }
                let body = position..<(position + Int(length))
                position = body.upperBound
                guard tag >> 3 <= UInt64(UInt32.max),
                    let field = protobuf_c_message_descriptor_get_field(descriptor, UInt32(tag >> 3))
                else { continue }
                let name = String(cString: field.pointee.name)
                switch field.pointee.type {
                case PROTOBUF_C_TYPE_STRING:
                    if bytes[body].contains(0) { return name }
                case PROTOBUF_C_TYPE_MESSAGE where depth < maximumDepth:
                    let nested = field.pointee.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                    if let inner = scan(bytes, from: body.lowerBound, to: body.upperBound, nested, depth: depth + 1) {
                        return name + "." + inner
                    }
                default: continue
                }
            default: return nil  // groups: not proto3, nothing to look for
            }
        }
        return nil
    }

    private static func varint(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ end: Int) -> UInt64? {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            guard position < end else { return nil }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte < 0x80 { return value }
        }
        return nil
    }
}
