import CProtobufC

/// Reads the fields of an unpacked protobuf-c message by name.
///
/// Valid only while the message it reads is alive (inside `ProtoMessage.init(from:)`).
/// Strings that are not valid UTF-8 come back repaired and are noted in `flags`, so that
/// `ProtoMessage.init(serialized:)` refuses the message once it is read.
public struct ProtoReader {
    @usableFromInline let message: UnsafePointer<ProtobufCMessage>
    /// Unowned and unchecked, so a nested reader costs no reference counting: the flags are
    /// made by `ProtoMessage.init(serialized:)` and outlive every reader it creates.
    @usableFromInline unowned(unsafe) let flags: ProtoReadFlags

    @usableFromInline init(message: UnsafePointer<ProtobufCMessage>, flags: ProtoReadFlags) {
        self.message = message
        self.flags = flags
    }

    @usableFromInline func slot(_ field: ProtoField) -> UnsafeRawPointer {
        UnsafeRawPointer(message) + field.offset
    }

    @usableFromInline func count(_ field: ProtoField) -> Int {
        (UnsafeRawPointer(message) + field.quantifierOffset).load(as: Int.self)
    }

    public func string(_ field: ProtoField) -> String {
        guard let text = slot(field).load(as: UnsafePointer<CChar>?.self) else { return "" }
        return decodeText(text)
    }

    /// Validating costs no more than repairing; only invalid text takes the second pass.
    private func decodeText(_ text: UnsafePointer<CChar>) -> String {
        if let valid = String(validatingCString: text) { return valid }
        flags.sawInvalidUTF8 = true
        return String(cString: text)
    }

    public func bytes(_ field: ProtoField) -> [UInt8] {
        let data = slot(field).load(as: ProtobufCBinaryData.self)
        guard data.len > 0, let base = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: data.len))
    }

    public func int64(_ field: ProtoField) -> Int64 { slot(field).load(as: Int64.self) }
    public func uint64(_ field: ProtoField) -> UInt64 { slot(field).load(as: UInt64.self) }
    public func int32(_ field: ProtoField) -> Int32 { slot(field).load(as: Int32.self) }
    public func bool(_ field: ProtoField) -> Bool { slot(field).load(as: Int32.self) != 0 }
    /// An enum field's raw number; unknown numbers are passed through for the caller to judge.
    public func enumValue(_ field: ProtoField) -> Int32 { int32(field) }

    /// A nested message, or nil when it was not set.
    @inlinable
    public func message<M: ProtoMessage>(_ field: ProtoField, as type: M.Type = M.self) throws -> M? {
        let pointer = slot(field).load(as: UnsafePointer<ProtobufCMessage>?.self)
        guard let pointer else { return nil }
        return try M(from: ProtoReader(message: pointer, flags: flags))
    }

    public func strings(_ field: ProtoField) -> [String] {
        let n = count(field)
        guard n > 0, let array = slot(field).load(as: UnsafePointer<UnsafePointer<CChar>?>?.self) else {
            return []
        }
        return (0..<n).map { array[$0].map { decodeText($0) } ?? "" }
    }

    public func int64s(_ field: ProtoField) -> [Int64] {
        let n = count(field)
        guard n > 0, let array = slot(field).load(as: UnsafePointer<Int64>?.self) else { return [] }
        return Array(UnsafeBufferPointer(start: array, count: n))
    }

    @inlinable
    public func messages<M: ProtoMessage>(_ field: ProtoField, as type: M.Type = M.self) throws -> [M] {
        let n = count(field)
        guard n > 0,
            let array = slot(field).load(as: UnsafePointer<UnsafePointer<ProtobufCMessage>?>?.self)
        else { return [] }
        var out: [M] = []
        out.reserveCapacity(n)
        for index in 0..<n {
            guard let element = array[index] else { continue }
            out.append(try M(from: ProtoReader(message: element, flags: flags)))
        }
        return out
    }
}
