import CProtobufC
import Foundation

/// Finds a string field whose bytes hold a NUL or are not valid UTF-8.
///
/// protobuf-c hands string fields over as C strings, so `"a@b.com\0x"` would silently arrive as
/// `"a@b.com"`, and `String(cString:)` would quietly turn invalid UTF-8 into U+FFFD. This walks
/// the encoding alongside the message descriptors (run it after protobuf-c has accepted the
/// bytes; every read is bounds-checked all the same) and names the first such field. Bytes
/// fields and unknown fields are skipped; groups end the walk.
public enum ProtoStringCheck {
    private static let maximumDepth = 64

    /// The first string field holding a NUL or invalid UTF-8, or nil when there is none.
    /// The cost grows with the number of fields, plus one pass over each string's bytes.
    public static func firstProblem(
        in bytes: UnsafeBufferPointer<UInt8>, of descriptor: ProtoDescriptor
    ) -> ProtoStringProblem? {
        scan(bytes, from: 0, to: bytes.count, descriptor.pointer, depth: 0)
    }

    /// Whether `bytes` contain a zero byte anywhere: without one no string can hold a NUL.
    /// Few encodings do: varints, tags and lengths are zero only for the value 0, which proto3
    /// leaves out.
    public static func containsZeroByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0, bytes.count) != nil
    }

    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
        _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, depth: Int
    ) -> ProtoStringProblem? {
        var position = start
        while position < end {
            guard let tag = varint(bytes, &position, end) else { return nil }
            switch tag & 7 {
            case 0: guard varint(bytes, &position, end) != nil else { return nil }
            case 1: position += 8
            case 5: position += 4
            case 2:
                guard let length = varint(bytes, &position, end), length <= UInt64(end - position)
                else { return nil }
                let body = position..<(position + Int(length))
                position = body.upperBound
                guard tag >> 3 <= UInt64(UInt32.max),
                    let field = protobuf_c_message_descriptor_get_field(descriptor, UInt32(tag >> 3))
                else { continue }
                switch field.pointee.type {
                case PROTOBUF_C_TYPE_STRING:
                    if let kind = problem(in: UnsafeBufferPointer(rebasing: bytes[body])) {
                        return ProtoStringProblem(field: String(cString: field.pointee.name), kind: kind)
                    }
                case PROTOBUF_C_TYPE_MESSAGE where depth < maximumDepth:
                    let nested = field.pointee.descriptor
                        .assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                    let (from, to) = (body.lowerBound, body.upperBound)
                    if let inner = scan(bytes, from: from, to: to, nested, depth: depth + 1) {
                        let name = String(cString: field.pointee.name)
                        return ProtoStringProblem(field: name + "." + inner.field, kind: inner.kind)
                    }
                default: continue
                }
            default: return nil  // groups: not proto3, nothing to look for
            }
        }
        return nil
    }

    /// What is wrong with one string's bytes, nil when they are UTF-8 text without a NUL.
    private static func problem(in text: UnsafeBufferPointer<UInt8>) -> ProtoStringProblem.Kind? {
        guard let base = text.baseAddress, !text.isEmpty else { return nil }
        if memchr(base, 0, text.count) != nil { return .nul }
        if isASCII(text) { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = text.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return nil
            case .error: return .invalidUTF8
            }
        }
    }

    /// Eight bytes at a time: ASCII is the common case and needs no further look.
    private static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(text)
        var index = 0
        while index + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < raw.count {
            if raw[index] >= 0x80 { return false }
            index += 1
        }
        return true
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
