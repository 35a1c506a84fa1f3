import CProtobufC

/// Reads the fields of an unpacked protobuf-c message by name.
///
/// Valid only while the message it reads is alive (inside `ProtoMessage.init(from:)`).
public struct ProtoReader {
    let message: UnsafePointer<ProtobufCMessage>

    init(message: UnsafePointer<ProtobufCMessage>) {
        self.message = message
    }

    private var descriptor: ProtoDescriptor {
        ProtoDescriptor(pointer: message.pointee.descriptor)
    }

    private func slot(_ field: UnsafePointer<ProtobufCFieldDescriptor>) -> UnsafeRawPointer {
        UnsafeRawPointer(message) + Int(field.pointee.offset)
    }

    private func count(_ field: UnsafePointer<ProtobufCFieldDescriptor>) -> Int {
        (UnsafeRawPointer(message) + Int(field.pointee.quantifier_offset)).load(as: Int.self)
    }

    public func string(_ name: String) -> String {
        let field = descriptor.field(name)
        guard let text = slot(field).load(as: UnsafePointer<CChar>?.self) else { return "" }
        return String(cString: text)
    }

    public func bytes(_ name: String) -> [UInt8] {
        let data = slot(descriptor.field(name)).load(as: ProtobufCBinaryData.self)
        guard data.len > 0, let base = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: data.len))
    }

    public func int64(_ name: String) -> Int64 { slot(descriptor.field(name)).load(as: Int64.self) }
    public func uint64(_ name: String) -> UInt64 { slot(descriptor.field(name)).load(as: UInt64.self) }
    public func int32(_ name: String) -> Int32 { slot(descriptor.field(name)).load(as: Int32.self) }
    public func bool(_ name: String) -> Bool { slot(descriptor.field(name)).load(as: Int32.self) != 0 }
    /// An enum field's raw number; unknown numbers are passed through for the caller to judge.
    public func enumValue(_ name: String) -> Int32 { int32(name) }

    /// A nested message, or nil when it was not set.
    public func message<M: ProtoMessage>(_ name: String, as type: M.Type = M.self) throws -> M? {
        let pointer = slot(descriptor.field(name)).load(as: UnsafePointer<ProtobufCMessage>?.self)
        guard let pointer else { return nil }
        return try M(from: ProtoReader(message: pointer))
    }

    public func strings(_ name: String) -> [String] {
        let field = descriptor.field(name)
        let n = count(field)
        guard n > 0, let array = slot(field).load(as: UnsafePointer<UnsafePointer<CChar>?>?.self) else {
            return []
        }
        return (0..<n).map { array[$0].map { String(cString: $0) } ?? "" }
    }

    public func int64s(_ name: String) -> [Int64] {
        let field = descriptor.field(name)
        let n = count(field)
        guard n > 0, let array = slot(field).load(as: UnsafePointer<Int64>?.self) else { return [] }
        return Array(UnsafeBufferPointer(start: array, count: n))
    }

    public func messages<M: ProtoMessage>(_ name: String, as type: M.Type = M.self) throws -> [M] {
        let field = descriptor.field(name)
        let n = count(field)
        guard n > 0,
            let array = slot(field).load(as: UnsafePointer<UnsafePointer<ProtobufCMessage>?>?.self)
        else { return [] }
        var out: [M] = []
        out.reserveCapacity(n)
        for index in 0..<n {
            guard let element = array[index] else { continue }
            out.append(try M(from: ProtoReader(message: element)))
        }
        return out
    }
}

extension ProtoDescriptor {
    init(pointer: UnsafePointer<ProtobufCMessageDescriptor>) {
        self.pointer = pointer
    }
}
